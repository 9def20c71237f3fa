// Replaces the areas an initiative takes place in (the caller has checked they exist).
// params: $id, $areaIds: [string]
// returns: initiative
MATCH (i:Initiative {id: $id})
OPTIONAL MATCH (i)-[old:TAKES_PLACE_IN]->(:Area)
DELETE old
WITH DISTINCT i
CALL (i) {
  UNWIND $areaIds AS areaId
  MATCH (area:Area {id: areaId})
  CREATE (i)-[:TAKES_PLACE_IN]->(area)
}
RETURN i {.*, areaIds: [(i)-[:TAKES_PLACE_IN]->(area:Area) | area.id]} AS initiative
