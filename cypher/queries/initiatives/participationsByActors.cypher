// Participations of many actors, for the per-request loader.
// params: $ids: [string], $asOf: string|null
// returns: actorId, initiative, role, since, until
UNWIND $ids AS actorId
MATCH (:Actor {id: actorId})-[p:PARTICIPATES_IN]->(i:Initiative)
WHERE $asOf IS NULL OR (p.since <= date($asOf) AND (p.until IS NULL OR p.until >= date($asOf)))
RETURN actorId, i {.*, areaIds: [(i)-[:TAKES_PLACE_IN]->(area:Area) | area.id]} AS initiative, p.role AS role, p.since AS since, p.until AS until
ORDER BY actorId, i.startDate, i.id
