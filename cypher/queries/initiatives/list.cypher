// One page of initiatives matching a filter, ordered by id (keyset pagination).
// params: $search, $kinds, $areaId, $sdg, $activeAsOf, $after, $limit
// returns: initiative
CALL () {
  WITH 1 AS guard WHERE $search IS NOT NULL
  CALL db.index.fulltext.queryNodes('initiative_names', $search) YIELD node
  RETURN node AS i
  UNION
  WITH 1 AS guard WHERE $search IS NULL
  MATCH (i:Initiative) WHERE i.id > coalesce($after, '')
  RETURN i
}
WITH i
WHERE ($after IS NULL OR i.id > $after)
  AND ($kinds IS NULL OR i.kind IN $kinds)
  AND ($sdg IS NULL OR $sdg IN i.sdgs)
  AND ($activeAsOf IS NULL OR (i.startDate <= date($activeAsOf) AND (i.endDate IS NULL OR i.endDate >= date($activeAsOf))))
  AND ($areaId IS NULL OR EXISTS { (i)-[:TAKES_PLACE_IN]->(:Area)-[:PART_OF*0..]->(:Area {id: $areaId}) })
RETURN i {.*, areaIds: [(i)-[:TAKES_PLACE_IN]->(area:Area) | area.id]} AS initiative
ORDER BY i.id
LIMIT $limit
