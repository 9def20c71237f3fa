// Applies changes to an actor: keys in $changes are set, keys set to null removed.
// params: $id, $changes: map, $consentDate: string|null (only when consent changes)
// returns: actor
MATCH (a:Actor {id: $id})
SET a += $changes, a.updatedAt = datetime()
FOREACH (_ IN CASE WHEN $consentDate IS NULL THEN [] ELSE [1] END | SET a.consentDate = date($consentDate))
RETURN a {.*} AS actor
