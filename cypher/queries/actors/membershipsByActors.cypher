// Area memberships of many actors, for the per-request loader.
// params: $ids: [string], $asOf: string|null
// returns: actorId, area, since, until
UNWIND $ids AS actorId
MATCH (:Actor {id: actorId})-[m:ACTIVE_IN]->(area:Area)
WHERE $asOf IS NULL OR (m.since <= date($asOf) AND (m.until IS NULL OR m.until >= date($asOf)))
RETURN actorId, area {.*, parentId: [(area)-[:PART_OF]->(p:Area) | p.id][0]} AS area, m.since AS since, m.until AS until
ORDER BY actorId, area.name
