// Ends an actor's open membership of an area.
// params: $actorId, $areaId, $until: string
// returns: actor, area, since, until
MATCH (a:Actor {id: $actorId})-[m:ACTIVE_IN]->(area:Area {id: $areaId})
WHERE m.until IS NULL
SET m.until = date($until), a.updatedAt = datetime()
RETURN a {.*} AS actor, area {.*, parentId: [(area)-[:PART_OF]->(p:Area) | p.id][0]} AS area, m.since AS since, m.until AS until
