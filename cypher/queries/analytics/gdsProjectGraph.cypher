// Projects a scope's network into the GDS graph catalog under $graphName as an
// undirected simple graph, from the network the service already holds (the scope
// rules live in scopeActors/scopeTies and the collaboration index, not here).
// Nodes are numbers: node i is the i-th actor of the scope network, whose actors
// are ordered by id, and the algorithms report them by that number. Rows reach
// the projection in a fixed order (every node, isolates included, by number; then
// the pairs as the network orders them, by (source id, target id)), so GDS numbers
// the nodes the same way on every run: the basis of reproducible communities.
// No database data is read.
// params: $graphName: string, $nodeCount: int (at least 1), $pairs: [[int, int]]
// returns: graphName, nodeCount, relationshipCount (each undirected pair counts twice)
UNWIND [node IN range(0, $nodeCount - 1) | [node, null]] + $pairs AS row
WITH gds.graph.project($graphName, row[0], row[1], {}, {undirectedRelationshipTypes: ['*']}) AS graph
RETURN graph.graphName AS graphName, graph.nodeCount AS nodeCount, graph.relationshipCount AS relationshipCount
