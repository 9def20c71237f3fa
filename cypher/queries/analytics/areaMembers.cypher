// The areas of an analytics scope with their actors: the scope's area and every
// area beneath it (every area when $areaId is null), each with the actors active
// on $asOf in it or in one of its sub-areas, of the given sectors. Feeds helix
// coverage and the diversity of areas.
// params: $areaId: string|null, $asOf: string, $sectors: [string]|null
// returns: id, name, members: [{id, sector}] (ordered by id)
CALL () {
  WITH 1 AS guard WHERE $areaId IS NOT NULL
  MATCH (:Area {id: $areaId})<-[:PART_OF*0..]-(area:Area)
  RETURN DISTINCT area
  UNION
  WITH 1 AS guard WHERE $areaId IS NULL
  MATCH (area:Area)
  RETURN area
}
CALL (area) {
  OPTIONAL MATCH (area)<-[:PART_OF*0..]-(:Area)<-[m:ACTIVE_IN]-(a:Actor)
  WHERE m.since <= date($asOf) AND (m.until IS NULL OR m.until >= date($asOf))
    AND ($sectors IS NULL OR a.sector IN $sectors)
  WITH DISTINCT a
  ORDER BY a.id
  RETURN collect(a {.id, .sector}) AS members
}
RETURN area.id AS id, area.name AS name, members
ORDER BY id
