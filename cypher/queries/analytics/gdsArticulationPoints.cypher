// The articulation points of a projected (undirected) scope graph: actors whose
// removal splits their component.
// params: $graphName: string
// returns: node (the actor's number, see gdsProjectGraph)
CALL gds.articulationPoints.stream($graphName)
YIELD nodeId
RETURN nodeId AS node
