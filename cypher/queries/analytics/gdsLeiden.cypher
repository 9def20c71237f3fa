// Leiden communities of a projected scope graph, unweighted, with resolution
// $gamma and random seed $seed, on one thread so that the same seed gives the
// same partition.
// params: $graphName: string, $gamma: float, $seed: int
// returns: node (the actor's number, see gdsProjectGraph), communityId (GDS's label, meaningful only within one run)
CALL gds.leiden.stream($graphName, {concurrency: 1, gamma: $gamma, randomSeed: $seed})
YIELD nodeId, communityId
RETURN nodeId AS node, communityId
