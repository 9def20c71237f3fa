// Applies changes to an area.
// params: $id, $changes: map
// returns: area
MATCH (area:Area {id: $id})
SET area += $changes, area.updatedAt = datetime()
RETURN area {.*, parentId: [(area)-[:PART_OF]->(p:Area) | p.id][0]} AS area
