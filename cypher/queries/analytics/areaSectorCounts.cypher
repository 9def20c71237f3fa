// For each area of an analytics scope (the scope's area and every area beneath
// it, or every area), how many actors of each sector are active in it on $asOf,
// sub-areas included. Counted in the database: diversity needs only the counts.
// params: $areaId: string|null, $asOf: string, $sectors: [string]|null, $sectorOrder: [string]
// returns: id, name, counts: [int] (per $sectorOrder)
WITH date($asOf) AS day
CALL () {
  WITH 1 AS guard WHERE $areaId IS NOT NULL
  MATCH (:Area {id: $areaId})<-[:PART_OF*0..]-(area:Area)
  RETURN DISTINCT area
  UNION
  WITH 1 AS guard WHERE $areaId IS NULL
  MATCH (area:Area)
  RETURN area
}
CALL (area, day) {
  OPTIONAL MATCH (area)<-[:PART_OF*0..]-(:Area)<-[m:ACTIVE_IN]-(a:Actor)
  WHERE m.since <= day AND (m.until IS NULL OR m.until >= day)
    AND ($sectors IS NULL OR a.sector IN $sectors)
  WITH DISTINCT a
  WITH collect(a.sector) AS sectors
  RETURN [sector IN $sectorOrder | size([member IN sectors WHERE member = sector])] AS counts
}
RETURN area.id AS id, area.name AS name, counts
ORDER BY id
