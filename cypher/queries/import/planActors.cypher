// Import: the stored state of a batch of actors, to tell created, updated and unchanged apart.
// params: $ids: [string]
// returns: id, existing: map of the importable properties|null
UNWIND $ids AS id
OPTIONAL MATCH (a:Actor {id: id})
RETURN id, CASE WHEN a IS NULL THEN null ELSE a {.kind, .name, .organisationNumber, .description, .website, .registeredBy, .consentGiven, .consentDate, .consentPurpose} END AS existing
