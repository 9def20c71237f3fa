// Import: the stored state of a batch of ties by id, to tell created, updated and unchanged apart.
// The id lookup is pinned to a seek (a replanned OPTIONAL MATCH may scan the id index per row).
// params: $ids: [string]
// returns: id, existing: {kind, since, until, strength, initiativeId, source}|null
UNWIND $ids AS id
OPTIONAL MATCH ()-[c:COLLABORATES_WITH {id: id}]->()
USING INDEX SEEK c:COLLABORATES_WITH(id)
RETURN id, CASE WHEN c IS NULL THEN null ELSE c {.kind, .since, .until, .strength, .initiativeId, .source} END AS existing
