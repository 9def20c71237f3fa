// One page of API keys in id order, after a keyset cursor.
// params: $after: string|null, $limit: int
// returns: apiKey: map (never the hash)
MATCH (key:ApiKey)
WHERE $after IS NULL OR key.id > $after
RETURN key {.id, .name, .role, .organisations, .createdAt, .createdBy, .expiresAt, .lastUsedAt, .revokedAt} AS apiKey
ORDER BY key.id
LIMIT $limit
