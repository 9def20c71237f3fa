// Import: the stored state of a batch of initiatives, to tell created, updated and unchanged apart.
// params: $ids: [string]
// returns: id, existing: map of the importable properties with areaIds|null
UNWIND $ids AS id
OPTIONAL MATCH (i:Initiative {id: id})
RETURN id, CASE WHEN i IS NULL THEN null ELSE i {.name, .kind, .description, .website, .startDate, .endDate, .sdgs, areaIds: [(i)-[:TAKES_PLACE_IN]->(area:Area) | area.id]} END AS existing
