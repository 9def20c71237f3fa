// The cross-sector ties of a report's scope that opened (since) or ended (until,
// the last day the tie held) within a period. The scope is the actors active in
// the area or a sub-area at some time in the period (every actor when $areaId is
// null); both ends must be in it. One row per tie and change.
// params: $areaId: string|null, $start: string (YYYY-MM-DD), $end: string (YYYY-MM-DD)
// returns: change ('OPENED'|'ENDED'), date, kind, sourceId, sourceSector, sourceName,
//          sourceRegisteredBy, targetId, targetSector, targetName, targetRegisteredBy
CALL () {
  WITH 1 AS guard WHERE $areaId IS NOT NULL
  MATCH (:Area {id: $areaId})<-[:PART_OF*0..]-(:Area)<-[m:ACTIVE_IN]-(a:Actor)
  WHERE m.since <= date($end) AND (m.until IS NULL OR m.until >= date($start))
  RETURN DISTINCT a
  UNION
  WITH 1 AS guard WHERE $areaId IS NULL
  MATCH (a:Actor)
  RETURN a
}
// Ties are stored once, from the smaller id to the larger: a is the source.
MATCH (a)-[c:COLLABORATES_WITH]->(b:Actor)
WITH a, b, c
WHERE a.sector <> b.sector
  AND ((c.since >= date($start) AND c.since <= date($end))
    OR (c.until IS NOT NULL AND c.until >= date($start) AND c.until <= date($end)))
// The partner's membership is looked up only for the few ties that changed in the
// period (a list of the area's members would be searched once per tie).
WITH a, b, c
WHERE $areaId IS NULL
  OR EXISTS {
    MATCH (b)-[m:ACTIVE_IN]->(:Area)-[:PART_OF*0..]->(:Area {id: $areaId})
    WHERE m.since <= date($end) AND (m.until IS NULL OR m.until >= date($start))
  }
UNWIND [['OPENED', c.since], ['ENDED', c.until]] AS event
WITH a, b, c, event[0] AS change, event[1] AS day
WHERE day IS NOT NULL AND day >= date($start) AND day <= date($end)
RETURN change, toString(day) AS date, c.kind AS kind,
       a.id AS sourceId, a.sector AS sourceSector, a.name AS sourceName, a.registeredBy AS sourceRegisteredBy,
       b.id AS targetId, b.sector AS targetSector, b.name AS targetName, b.registeredBy AS targetRegisteredBy
ORDER BY change DESC, date, sourceId, targetId, kind
