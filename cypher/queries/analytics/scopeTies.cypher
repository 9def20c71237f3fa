// The ties of an analytics scope as distinct actor pairs: several ties between
// one pair (of different kinds, say) become one pair with its strongest strength
// and all its kinds. A tie counts when active on $asOf, of the given kinds, at
// least $minStrength strong, with both ends of the given sectors, and with both
// ends (WITHIN) or at least one end (TOUCHING) active in the area.
// params: $areaId, $asOf, $kinds, $sectors, $minStrength: int, $touching: boolean
// returns: source, target, sourceSector, targetSector, strength, kinds, ties
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
UNWIND members AS a
MATCH (a)-[c:COLLABORATES_WITH]-(b:Actor)
// The horizon keeps the tie filters out of the MATCH: with them there, the
// planner has been seen to scan the COLLABORATES_WITH index once per actor
// instead of expanding each actor's own ties.
WITH members, a, b, c
WHERE c.since <= date($asOf) AND (c.until IS NULL OR c.until >= date($asOf))
  AND ($kinds IS NULL OR c.kind IN $kinds)
  AND c.strength >= $minStrength
  AND ($sectors IS NULL OR b.sector IN $sectors)
// Membership of the partner is a lookup in the collected scope, not a path search.
WITH a, b, c, $areaId IS NULL OR b IN members AS partnerInScope
WHERE (partnerInScope AND a.id < b.id) OR (NOT partnerInScope AND $touching)
WITH a, b, max(c.strength) AS strength, collect(DISTINCT c.kind) AS kinds, count(c) AS ties
RETURN a.id AS source, b.id AS target, a.sector AS sourceSector, b.sector AS targetSector,
       coalesce(a.name, 'Citizen ' + a.id) AS sourceName, coalesce(b.name, 'Citizen ' + b.id) AS targetName,
       strength, kinds, ties
ORDER BY source, target
