// Import: the stored state of a batch of areas, to tell created, updated and unchanged apart.
// params: $ids: [string]
// returns: id, existing: {name, level, parentId}|null
UNWIND $ids AS id
OPTIONAL MATCH (a:Area {id: id})
RETURN id, CASE WHEN a IS NULL THEN null ELSE a {.name, .level, parentId: [(a)-[:PART_OF]->(p:Area) | p.id][0]} END AS existing
