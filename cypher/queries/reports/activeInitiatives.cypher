// The initiatives active at some time in a period (startDate ≤ end, endDate null
// or ≥ start) that take place in the area or a sub-area, or that have a
// participant active in it during the period; every active initiative when
// $areaId is null.
// params: $areaId: string|null, $start: string (YYYY-MM-DD), $end: string (YYYY-MM-DD)
// returns: id, name, kind, startDate, endDate (null when open), sdgs: [int]
MATCH (i:Initiative)
WHERE i.startDate <= date($end) AND (i.endDate IS NULL OR i.endDate >= date($start))
  AND ($areaId IS NULL
    OR EXISTS { MATCH (i)-[:TAKES_PLACE_IN]->(:Area)-[:PART_OF*0..]->(:Area {id: $areaId}) }
    OR EXISTS {
      MATCH (i)<-[p:PARTICIPATES_IN]-(:Actor)-[m:ACTIVE_IN]->(:Area)-[:PART_OF*0..]->(:Area {id: $areaId})
      WHERE p.since <= date($end) AND (p.until IS NULL OR p.until >= date($start))
        AND m.since <= date($end) AND (m.until IS NULL OR m.until >= date($start))
    })
RETURN i.id AS id, i.name AS name, i.kind AS kind, toString(i.startDate) AS startDate,
       CASE WHEN i.endDate IS NULL THEN null ELSE toString(i.endDate) END AS endDate,
       coalesce(i.sdgs, []) AS sdgs
ORDER BY startDate, id
