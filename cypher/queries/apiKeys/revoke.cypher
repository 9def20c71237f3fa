// Revokes an API key. Revoking twice keeps the first revocation time.
// params: $id, $now: string (ISO date-time)
// returns: apiKey: map (never the hash); no row when the id is unknown
MATCH (key:ApiKey {id: $id})
SET key.revokedAt = coalesce(key.revokedAt, datetime($now))
RETURN key {.id, .name, .role, .organisations, .createdAt, .createdBy, .expiresAt, .lastUsedAt, .revokedAt} AS apiKey
