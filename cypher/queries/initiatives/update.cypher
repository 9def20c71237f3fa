// Applies changes to an initiative; dates and areas only when given.
// params: $id, $changes: map, $startDate: string|null, $endDate: string|null, $clearEndDate: boolean
// returns: initiative
MATCH (i:Initiative {id: $id})
SET i += $changes, i.updatedAt = datetime()
FOREACH (_ IN CASE WHEN $startDate IS NULL THEN [] ELSE [1] END | SET i.startDate = date($startDate))
FOREACH (_ IN CASE WHEN $endDate IS NULL THEN [] ELSE [1] END | SET i.endDate = date($endDate))
FOREACH (_ IN CASE WHEN $clearEndDate THEN [1] ELSE [] END | REMOVE i.endDate)
RETURN i {.*, areaIds: [(i)-[:TAKES_PLACE_IN]->(area:Area) | area.id]} AS initiative
