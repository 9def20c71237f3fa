// For each actor of an analytics scope: how many distinct partners it has in each
// sector, counted in the database so that diversity needs no export of the
// network. Same scope rules as scopeActors and scopeTies (a partner with several
// qualifying ties counts once; with TOUCHING, partners outside the area count and
// are listed in outsideIds so the caller can add them as actors).
// params: $areaId, $asOf, $kinds, $sectors, $minStrength: int, $touching: boolean,
//         $sectorOrder: [string] (the order of the counts)
// returns: id, sector, counts: [int] (per $sectorOrder), outsideIds: [string]
WITH date($asOf) AS day
CALL (day) {
  WITH 1 AS guard WHERE $areaId IS NOT NULL
  MATCH (:Area {id: $areaId})<-[:PART_OF*0..]-(:Area)<-[m:ACTIVE_IN]-(a:Actor)
  WHERE m.since <= day AND (m.until IS NULL OR m.until >= day)
  RETURN DISTINCT a
  UNION
  WITH 1 AS guard WHERE $areaId IS NULL
  MATCH (a:Actor)
  RETURN a
}
WITH day, a
WHERE $sectors IS NULL OR a.sector IN $sectors
WITH day, collect(a) AS members
UNWIND members AS a
CALL (a, members, day) {
  MATCH (a)-[c:COLLABORATES_WITH]-(b:Actor)
  // The horizon keeps the tie filters out of the MATCH (see scopeTies.cypher).
  WITH members, b, c
  WHERE c.since <= day AND (c.until IS NULL OR c.until >= day)
    AND ($kinds IS NULL OR c.kind IN $kinds)
    AND c.strength >= $minStrength
    AND ($sectors IS NULL OR b.sector IN $sectors)
  WITH b, $areaId IS NULL OR b IN members AS inside
  WHERE inside OR $touching
  WITH DISTINCT b, inside
  // An aggregating subquery yields one row even for an isolate: empty lists.
  RETURN collect(b.sector) AS partnerSectors, collect(CASE WHEN inside THEN null ELSE b.id END) AS outsideIds
}
RETURN a.id AS id, a.sector AS sector,
       [sector IN $sectorOrder | size([partner IN partnerSectors WHERE partner = sector])] AS counts,
       outsideIds
