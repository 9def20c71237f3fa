// Records when an API key was last used; never moves the time backwards.
// params: $id, $now: string (ISO date-time)
// returns: touched: int
MATCH (key:ApiKey {id: $id})
SET key.lastUsedAt = CASE WHEN key.lastUsedAt IS NULL OR key.lastUsedAt < datetime($now) THEN datetime($now) ELSE key.lastUsedAt END
RETURN count(key) AS touched
