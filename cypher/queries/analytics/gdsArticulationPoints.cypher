// The articulation points of a projected (undirected) scope graph: actors whose
// removal splits their component.
// params: $graphName: string
// returns: id (actor id)
CALL gds.articulationPoints.stream($graphName)
YIELD nodeId
RETURN gds.util.asNode(nodeId).id AS id
