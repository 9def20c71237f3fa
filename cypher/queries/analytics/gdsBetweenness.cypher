// Exact Brandes betweenness of every node of a projected scope graph (every node
// is a source: no sampling). On an undirected projection GDS already halves the
// score, so it counts each unordered pair of endpoints once, as NetworkX's
// betweenness_centrality(G, normalized=False) does. One thread, so the floating-
// point sums are added in the same order on every run.
// params: $graphName: string
// returns: node (the actor's number in the projection, see gdsProjectGraph), score (raw betweenness)
CALL gds.betweenness.stream($graphName, {concurrency: 1})
YIELD nodeId, score
RETURN nodeId AS node, score
