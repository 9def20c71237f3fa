// Creates an API key, but only when every organisation it is scoped to exists as a
// non-citizen actor: the check and the write are one statement in the create's own
// transaction. When some are missing nothing is created and they are named.
// params: $props: map (id, name, role, organisations: [string], hash, createdBy),
//         $expiresAt: string|null (ISO date-time), $now: string (ISO date-time)
// returns: missing: [string], apiKey: map|null (never the hash)
OPTIONAL MATCH (org:Actor)
WHERE org.id IN $props.organisations AND NOT org:Citizen
WITH collect(org.id) AS found
WITH [id IN $props.organisations WHERE NOT id IN found] AS missing
OPTIONAL CALL (missing) {
  WITH missing
  WHERE size(missing) = 0
  CREATE (key:ApiKey)
  SET key = $props,
      key.createdAt = datetime($now),
      key.expiresAt = CASE WHEN $expiresAt IS NULL THEN null ELSE datetime($expiresAt) END
  RETURN key {.id, .name, .role, .organisations, .createdAt, .createdBy, .expiresAt, .lastUsedAt, .revokedAt} AS apiKey
}
RETURN missing, apiKey
