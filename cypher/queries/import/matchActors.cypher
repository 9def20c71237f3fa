// Import: matches a batch of actor rows to existing actors, by id and by
// organisation number (both unique-indexed), with what the checks need.
// params: $rows: [{id, organisationNumber: string|null}]
// returns: id, byId: {id, kind, registeredBy}|null, byNumber: {id, kind, registeredBy}|null
UNWIND $rows AS row
OPTIONAL MATCH (byId:Actor {id: row.id})
OPTIONAL MATCH (byNumber:Actor {organisationNumber: row.organisationNumber})
RETURN row.id AS id,
       CASE WHEN byId IS NULL THEN null ELSE byId {.id, .kind, .registeredBy} END AS byId,
       CASE WHEN byNumber IS NULL THEN null ELSE byNumber {.id, .kind, .registeredBy} END AS byNumber
