// Drops one projected graph from the GDS catalog; a graph that is not there
// (never created, or already dropped) is no error.
// params: $graphName: string
// returns: graphName (no row when there was nothing to drop)
CALL gds.graph.drop($graphName, false) YIELD graphName
RETURN graphName
