// The actors of an analytics scope: active on $asOf in the area or one of its
// sub-areas (or every actor when $areaId is null), of the given sectors.
// Starts from the area, so the cost follows the area's size, not the city's.
// params: $areaId: string|null, $asOf: string, $sectors: [string]|null
// returns: id, sector, name
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
RETURN a.id AS id, a.sector AS sector, coalesce(a.name, 'Citizen ' + a.id) AS name
ORDER BY id
