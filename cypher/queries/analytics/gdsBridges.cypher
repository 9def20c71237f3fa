// The bridges of a projected (undirected) scope graph: ties whose removal
// disconnects their component.
// params: $graphName: string
// returns: source, target (actor ids, in no particular order)
CALL gds.bridges.stream($graphName)
YIELD from, to
RETURN gds.util.asNode(from).id AS source, gds.util.asNode(to).id AS target
