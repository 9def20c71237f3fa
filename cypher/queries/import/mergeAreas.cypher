// Import: creates or updates a batch of areas by id. A created area records its
// import (importId, importFile, importRow, importedBy) and keeps it; an updated
// one records only updatedByImport. Empty optional cells leave stored values alone.
// PART_OF links follow in import/linkAreas, once every area of the file exists.
// params: $rows: [{id, name, level, row}], $importId, $file, $by
// returns: count
UNWIND $rows AS row
MERGE (area:Area {id: row.id})
ON CREATE SET area.createdAt = datetime(), area.synthetic = false,
              area.importId = $importId, area.importFile = $file, area.importRow = row.row, area.importedBy = $by
ON MATCH SET area.updatedByImport = $importId
SET area.name = row.name, area.level = row.level, area.updatedAt = datetime()
RETURN count(*) AS count
