// Takes write locks on both actors (so concurrent adds for one pair serialise),
// then returns the ties of the same kind between them whose period overlaps the
// new one. Returns no row when either actor is missing.
// params: $firstId, $secondId (ordered), $kind, $since: string, $until: string|null
// returns: found, overlapping: [id]
MATCH (a:Actor {id: $firstId}), (b:Actor {id: $secondId})
SET a.lockedAt = datetime(), b.lockedAt = datetime()
REMOVE a.lockedAt, b.lockedAt
WITH a, b
OPTIONAL MATCH (a)-[c:COLLABORATES_WITH {kind: $kind}]-(b)
WHERE (c.until IS NULL OR c.until >= date($since))
  AND ($until IS NULL OR c.since <= date($until))
RETURN true AS found, collect(c.id) AS overlapping
