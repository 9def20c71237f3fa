// Records an actor's participation in an initiative.
// params: $actorId, $initiativeId, $role, $since: string, $until: string|null
// returns: actor, initiative, role, since, until
MATCH (a:Actor {id: $actorId}), (i:Initiative {id: $initiativeId})
CREATE (a)-[p:PARTICIPATES_IN {role: $role, since: date($since), until: CASE WHEN $until IS NULL THEN null ELSE date($until) END}]->(i)
RETURN a {.*} AS actor, i {.*, areaIds: [(i)-[:TAKES_PLACE_IN]->(area:Area) | area.id]} AS initiative, p.role AS role, p.since AS since, p.until AS until
