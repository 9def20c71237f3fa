// Records that an actor is active in an area. Returns nothing when the actor or
// area is missing; $open counts open memberships of the same pair, checked first.
// params: $actorId, $areaId, $since: string, $until: string|null
// returns: actor, area, since, until
MATCH (a:Actor {id: $actorId}), (area:Area {id: $areaId})
CREATE (a)-[m:ACTIVE_IN {since: date($since), until: CASE WHEN $until IS NULL THEN null ELSE date($until) END}]->(area)
SET a.updatedAt = datetime()
RETURN a {.*} AS actor, area {.*, parentId: [(area)-[:PART_OF]->(p:Area) | p.id][0]} AS area, m.since AS since, m.until AS until
