// Locks both actors of a tie until the transaction ends, and says whether the
// caller's organisations cover at least one end (an actor of theirs, or a citizen
// they registered). No row when there is no such tie.
// params: $id, $organisations: [string]|null (null: unrestricted, ADMIN)
// returns: actorIds, inScope
MATCH (a:Actor)-[:COLLABORATES_WITH {id: $id}]->(b:Actor)
SET a.lockedAt = datetime(), b.lockedAt = datetime()
REMOVE a.lockedAt, b.lockedAt
RETURN [a.id, b.id] AS actorIds,
       ($organisations IS NULL OR any(x IN [a, b] WHERE x.id IN $organisations OR x.registeredBy IN $organisations)) AS inScope
