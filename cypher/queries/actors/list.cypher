// One page of actors matching a filter, ordered by id (keyset pagination).
// Candidates come from the full-text index when $search is given, from the area
// hierarchy when $areaId is given, else from the id index; the other conditions
// then apply to all alike. Returns $limit rows; the caller asks one more than a page.
// params: $citizenNamesOf: [string]|null (a search matches only those citizens whose names the caller may see: null for all),
//         $search: string|null (a Lucene query built from escaped words), $areaId, $kinds, $sectors,
//         $activeAsOf: string|null, $synthetic: boolean|null, $after: string|null, $limit: int
// returns: actor
CALL () {
  WITH 1 AS guard WHERE $search IS NOT NULL
  CALL db.index.fulltext.queryNodes('actor_names', $search) YIELD node
  WITH node WHERE NOT node:Citizen OR $citizenNamesOf IS NULL OR node.registeredBy IN $citizenNamesOf
  RETURN node AS a
  UNION
  WITH 1 AS guard WHERE $search IS NULL AND $areaId IS NOT NULL
  MATCH (:Area {id: $areaId})<-[:PART_OF*0..]-(:Area)<-[:ACTIVE_IN]-(a:Actor)
  RETURN DISTINCT a
  UNION
  WITH 1 AS guard WHERE $search IS NULL AND $areaId IS NULL
  MATCH (a:Actor) WHERE a.id > coalesce($after, '')
  RETURN a
}
WITH a
WHERE ($after IS NULL OR a.id > $after)
  AND ($kinds IS NULL OR a.kind IN $kinds)
  AND ($sectors IS NULL OR a.sector IN $sectors)
  AND ($synthetic IS NULL OR a.synthetic = $synthetic)
  AND ($areaId IS NULL AND $activeAsOf IS NULL OR EXISTS {
    MATCH (a)-[m:ACTIVE_IN]->(area:Area)
    WHERE ($areaId IS NULL OR EXISTS { (area)-[:PART_OF*0..]->(:Area {id: $areaId}) })
      AND ($activeAsOf IS NULL OR (m.since <= date($activeAsOf) AND (m.until IS NULL OR m.until >= date($activeAsOf))))
  })
RETURN a {.*} AS actor
ORDER BY a.id
LIMIT $limit
