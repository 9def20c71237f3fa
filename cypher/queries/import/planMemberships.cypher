// Import: the stored membership of each row (same actor, area and start date), if any.
// toString() keeps the comparison off the since index (see seed/mergeMemberships).
// params: $rows: [{key, actorId, areaId, since: string}]
// returns: key, existing: {until}|null
UNWIND $rows AS row
OPTIONAL MATCH (a:Actor {id: row.actorId})
OPTIONAL MATCH (a)-[m:ACTIVE_IN]->(area:Area {id: row.areaId})
WHERE toString(m.since) = row.since
WITH row, head(collect(m)) AS m
RETURN row.key AS key, CASE WHEN m IS NULL THEN null ELSE m {.until} END AS existing
