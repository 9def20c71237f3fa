// The bridges of a projected (undirected) scope graph: ties whose removal
// disconnects their component.
// params: $graphName: string
// returns: source, target (the actors' numbers, see gdsProjectGraph; in no particular order)
CALL gds.bridges.stream($graphName)
YIELD from, to
RETURN from AS source, to AS target
