// Locks the actors a write touches until its transaction ends, and says for each
// whether the caller's organisations cover it: the actor is one of them, or a citizen
// one of them registered. Run first in the write's own transaction, so the answer
// cannot change before the write commits.
// params: $ids: [string], $organisations: [string]|null (null: unrestricted, ADMIN)
// returns: id, found, kind, inScope
UNWIND $ids AS id
OPTIONAL MATCH (a:Actor {id: id})
FOREACH (_ IN CASE WHEN a IS NULL THEN [] ELSE [1] END | SET a.lockedAt = datetime() REMOVE a.lockedAt)
RETURN id, a IS NOT NULL AS found, a.kind AS kind,
       ($organisations IS NULL OR a.id IN $organisations OR a.registeredBy IN $organisations) AS inScope
