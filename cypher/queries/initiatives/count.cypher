// How many initiatives match a filter (the conditions of initiatives/list).
// params: $search, $kinds, $areaId, $sdg, $activeAsOf
// returns: total
CALL () {
  WITH 1 AS guard WHERE $search IS NOT NULL
  CALL db.index.fulltext.queryNodes('initiative_names', $search) YIELD node
  RETURN node AS i
  UNION
  WITH 1 AS guard WHERE $search IS NULL
  MATCH (i:Initiative)
  RETURN i
}
WITH i
WHERE ($kinds IS NULL OR i.kind IN $kinds)
  AND ($sdg IS NULL OR $sdg IN i.sdgs)
  AND ($activeAsOf IS NULL OR (i.startDate <= date($activeAsOf) AND (i.endDate IS NULL OR i.endDate >= date($activeAsOf))))
  AND ($areaId IS NULL OR EXISTS { (i)-[:TAKES_PLACE_IN]->(:Area)-[:PART_OF*0..]->(:Area {id: $areaId}) })
RETURN count(i) AS total
