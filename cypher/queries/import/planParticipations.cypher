// Import: the stored participation of each row (same actor, initiative and role), if any.
// `+ ''` keeps the comparison off the role index (see seed/mergeParticipations).
// params: $rows: [{key, actorId, initiativeId, role}]
// returns: key, existing: {since, until}|null
UNWIND $rows AS row
OPTIONAL MATCH (a:Actor {id: row.actorId})
OPTIONAL MATCH (a)-[p:PARTICIPATES_IN]->(i:Initiative {id: row.initiativeId})
WHERE p.role + '' = row.role
WITH row, head(collect(p)) AS p
RETURN row.key AS key, CASE WHEN p IS NULL THEN null ELSE p {.since, .until} END AS existing
