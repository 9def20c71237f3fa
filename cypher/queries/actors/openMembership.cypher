// The open (or overlapping) memberships of an actor in an area, locking the actor
// so that concurrent joins of the same pair serialise.
// params: $actorId, $areaId, $since: string, $until: string|null
// returns: since, until
MATCH (a:Actor {id: $actorId})
SET a.lockedAt = datetime()
REMOVE a.lockedAt
WITH a
MATCH (a)-[m:ACTIVE_IN]->(:Area {id: $areaId})
WHERE (m.until IS NULL OR m.until >= date($since))
  AND ($until IS NULL OR m.since <= date($until))
RETURN m.since AS since, m.until AS until
