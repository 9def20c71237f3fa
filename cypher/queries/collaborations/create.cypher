// Stores a tie once, from the actor with the smaller id to the larger.
// params: $firstId, $secondId, $props: map (id, kind, strength, initiativeId, source, recordedBy), $since, $until
// returns: collaboration
MATCH (a:Actor {id: $firstId}), (b:Actor {id: $secondId})
CREATE (a)-[c:COLLABORATES_WITH]->(b)
SET c += $props,
    c.since = date($since),
    c.until = CASE WHEN $until IS NULL THEN null ELSE date($until) END,
    c.recordedAt = datetime()
RETURN c {.*, actorIds: [a.id, b.id]} AS collaboration
