// One API key with its hash, for verifying a presented key. The only statement
// that reads the hash; nothing returns it to a client.
// params: $id
// returns: apiKey: map, hash: string (no row when the id is unknown)
MATCH (key:ApiKey {id: $id})
RETURN key {.id, .name, .role, .organisations, .createdAt, .createdBy, .expiresAt, .lastUsedAt, .revokedAt} AS apiKey, key.hash AS hash
