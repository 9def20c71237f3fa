// Ends an actor's open participation in an initiative.
// params: $actorId, $initiativeId, $until: string
// returns: actor, initiative, role, since, until
MATCH (a:Actor {id: $actorId})-[p:PARTICIPATES_IN]->(i:Initiative {id: $initiativeId})
WHERE p.until IS NULL
SET p.until = date($until)
RETURN a {.*} AS actor, i {.*, areaIds: [(i)-[:TAKES_PLACE_IN]->(area:Area) | area.id]} AS initiative, p.role AS role, p.since AS since, p.until AS until
