// Louvain communities of a projected scope graph, unweighted. GDS 2.13's Louvain
// takes neither a random seed nor a resolution; on one thread over the id-ordered
// projection it is deterministic.
// params: $graphName: string
// returns: node (the actor's number, see gdsProjectGraph), communityId (GDS's label, meaningful only within one run)
CALL gds.louvain.stream($graphName, {concurrency: 1})
YIELD nodeId, communityId
RETURN nodeId AS node, communityId
