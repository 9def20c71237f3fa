// Seed: upserts a batch of initiatives by id and links each to the areas it takes place in.
// params: $rows: [{id, name, kind, description, website, startDate: string,
//         endDate: string|null, sdgs: [int], areaIds: [string], synthetic}]
// returns: count (one row per initiative)
UNWIND $rows AS row
MERGE (i:Initiative {id: row.id})
ON CREATE SET i.createdAt = datetime()
SET i.name = row.name,
    i.kind = row.kind,
    i.description = row.description,
    i.website = row.website,
    i.startDate = date(row.startDate),
    i.endDate = date(row.endDate),
    i.sdgs = [sdg IN row.sdgs | toInteger(sdg)],
    i.synthetic = row.synthetic,
    i.updatedAt = datetime()
WITH i, row
CALL (i, row) {
  UNWIND row.areaIds AS areaId
  MATCH (area:Area {id: areaId})
  MERGE (i)-[:TAKES_PLACE_IN]->(area)
}
RETURN count(*) AS count
