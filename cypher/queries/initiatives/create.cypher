// Creates an initiative and links it to its areas (the caller has checked they exist).
// params: $props: map (id, name, kind, description, website, sdgs, synthetic), $startDate, $endDate, $areaIds
// returns: initiative
CREATE (i:Initiative)
SET i += $props,
    i.startDate = date($startDate),
    i.endDate = CASE WHEN $endDate IS NULL THEN null ELSE date($endDate) END,
    i.createdAt = datetime(), i.updatedAt = datetime()
WITH i
CALL (i) {
  UNWIND $areaIds AS areaId
  MATCH (area:Area {id: areaId})
  CREATE (i)-[:TAKES_PLACE_IN]->(area)
}
RETURN i {.*, areaIds: [(i)-[:TAKES_PLACE_IN]->(area:Area) | area.id]} AS initiative
