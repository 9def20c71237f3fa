// Import: creates or updates a batch of initiatives by id; a row that lists areas
// replaces the areas the initiative takes place in. Provenance as import/mergeActors.
// params: $rows: [{id, name, kind, description, website, startDate: string,
//         endDate: string|null, sdgs: [int], areaIds: [string], row}], $importId, $file, $by
// returns: count
UNWIND $rows AS row
MERGE (i:Initiative {id: row.id})
ON CREATE SET i.createdAt = datetime(), i.synthetic = false, i.sdgs = [],
              i.importId = $importId, i.importFile = $file, i.importRow = row.row, i.importedBy = $by
ON MATCH SET i.updatedByImport = $importId
SET i.name = row.name,
    i.kind = row.kind,
    i.description = coalesce(row.description, i.description),
    i.website = coalesce(row.website, i.website),
    i.startDate = date(row.startDate),
    i.endDate = coalesce(date(row.endDate), i.endDate),
    i.sdgs = CASE WHEN size(row.sdgs) = 0 THEN i.sdgs ELSE [sdg IN row.sdgs | toInteger(sdg)] END,
    i.updatedAt = datetime()
WITH i, row
CALL (i, row) {
  OPTIONAL MATCH (i)-[old:TAKES_PLACE_IN]->(area:Area)
  WHERE size(row.areaIds) > 0 AND NOT area.id IN row.areaIds
  DELETE old
}
CALL (i, row) {
  UNWIND row.areaIds AS areaId
  MATCH (area:Area {id: areaId})
  MERGE (i)-[:TAKES_PLACE_IN]->(area)
}
RETURN count(*) AS count
