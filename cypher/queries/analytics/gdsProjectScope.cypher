// Projects an analytics scope into the GDS graph catalog under $graphName, as an
// undirected simple graph: one node per scope actor (isolates included) and one
// relationship per distinct actor pair with at least one qualifying tie (several
// ties between a pair, of different kinds say, collapse to one). The scope
// semantics are those of scopeActors.cypher and scopeTies.cypher, and the cost
// follows the area's subgraph: it starts from the area, never from the whole city.
// Rows reach the projection in a fixed order (every node by actor id, then the
// pairs by (source id, target id)) so GDS numbers the nodes the same way on every
// run and on every database holding the same data: the basis of reproducible
// community detection.
// With no actor in scope no graph is created and every column is null.
// params: $graphName: string, $areaId, $asOf, $kinds, $sectors, $minStrength: int, $touching: boolean
// returns: graphName, nodeCount, relationshipCount (each undirected pair counts twice)
CALL () {
  WITH 1 AS guard WHERE $areaId IS NOT NULL
  MATCH (:Area {id: $areaId})<-[:PART_OF*0..]-(:Area)<-[m:ACTIVE_IN]-(a:Actor)
  WHERE m.since <= date($asOf) AND (m.until IS NULL OR m.until >= date($asOf))
  RETURN DISTINCT a
  UNION
  WITH 1 AS guard WHERE $areaId IS NULL
  MATCH (a:Actor)
  RETURN a
}
WITH a
WHERE $sectors IS NULL OR a.sector IN $sectors
WITH collect(a) AS members
CALL (members) {
  UNWIND members AS a
  MATCH (a)-[c:COLLABORATES_WITH]-(b:Actor)
  // The horizon keeps the tie filters out of the MATCH: with them there, the
  // planner was seen to scan the COLLABORATES_WITH index once per actor (tens of
  // seconds for 3000 actors) instead of expanding each actor's own ties.
  WITH a, b, c
  WHERE c.since <= date($asOf) AND (c.until IS NULL OR c.until >= date($asOf))
    AND ($kinds IS NULL OR c.kind IN $kinds)
    AND c.strength >= $minStrength
    AND ($sectors IS NULL OR b.sector IN $sectors)
  WITH DISTINCT a, b
  WITH a, b,
       $areaId IS NULL OR EXISTS {
         MATCH (b)-[m:ACTIVE_IN]->(:Area)-[:PART_OF*0..]->(:Area {id: $areaId})
         WHERE m.since <= date($asOf) AND (m.until IS NULL OR m.until >= date($asOf))
       } AS partnerInScope
  WHERE (partnerInScope AND a.id < b.id) OR (NOT partnerInScope AND $touching)
  WITH a, b
  ORDER BY a.id, b.id
  RETURN collect([a, b]) AS pairs
}
CALL (members, pairs) {
  UNWIND members + [pair IN pairs | pair[1]] AS node
  WITH DISTINCT node
  ORDER BY node.id
  RETURN collect([node, null]) AS nodes
}
UNWIND nodes + pairs AS row
WITH gds.graph.project($graphName, row[0], row[1], {}, {undirectedRelationshipTypes: ['*']}) AS graph
RETURN graph.graphName AS graphName, graph.nodeCount AS nodeCount, graph.relationshipCount AS relationshipCount
