// Participations of an actor in an initiative overlapping a period, locking the
// actor so that concurrent joins of the same pair serialise.
// params: $actorId, $initiativeId, $since: string, $until: string|null
// returns: role, since, until
MATCH (a:Actor {id: $actorId})
SET a.lockedAt = datetime()
REMOVE a.lockedAt
WITH a
MATCH (a)-[p:PARTICIPATES_IN]->(:Initiative {id: $initiativeId})
WHERE (p.until IS NULL OR p.until >= date($since))
  AND ($until IS NULL OR p.since <= date($until))
RETURN p.role AS role, p.since AS since, p.until AS until
