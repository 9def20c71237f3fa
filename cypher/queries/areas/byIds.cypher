// Areas by id, with the id of the area each is part of.
// params: $ids: [string]
// returns: area
UNWIND $ids AS id
MATCH (area:Area {id: id})
RETURN area {.*, parentId: [(area)-[:PART_OF]->(p:Area) | p.id][0]} AS area
