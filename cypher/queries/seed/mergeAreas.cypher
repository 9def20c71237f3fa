// Seed: upserts a batch of areas by id (PART_OF comes after, in seed/linkAreas).
// params: $rows: [{id, name, level: 'CITY'|'DISTRICT'|'NEIGHBOURHOOD', synthetic}]
// returns: count
UNWIND $rows AS row
MERGE (area:Area {id: row.id})
ON CREATE SET area.createdAt = datetime()
SET area.name = row.name, area.level = row.level, area.synthetic = row.synthetic, area.updatedAt = datetime()
RETURN count(*) AS count
