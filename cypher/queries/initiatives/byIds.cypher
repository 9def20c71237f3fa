// Initiatives by id, with the ids of their areas.
// params: $ids: [string]
// returns: initiative
UNWIND $ids AS id
MATCH (i:Initiative {id: id})
RETURN i {.*, areaIds: [(i)-[:TAKES_PLACE_IN]->(area:Area) | area.id]} AS initiative
