// Import: creates or updates a batch of ties by id, each stored once from the
// smaller actor id to the larger. A created tie records its import and who
// imported it (recordedBy, importedBy); an updated one records updatedByImport.
// params: $rows: [{id, firstId, secondId, kind, since: string, until: string|null,
//         strength, initiativeId, source, row}], $importId, $file, $by
// returns: count
UNWIND $rows AS row
MATCH (a:Actor {id: row.firstId})
MATCH (b:Actor {id: row.secondId})
MERGE (a)-[c:COLLABORATES_WITH {id: row.id}]->(b)
ON CREATE SET c.recordedAt = datetime(), c.recordedBy = $by,
              c.importId = $importId, c.importFile = $file, c.importRow = row.row, c.importedBy = $by
ON MATCH SET c.updatedByImport = $importId
SET c.kind = row.kind,
    c.since = date(row.since),
    c.until = coalesce(date(row.until), c.until),
    c.strength = toInteger(row.strength),
    c.initiativeId = coalesce(row.initiativeId, c.initiativeId),
    c.source = coalesce(row.source, c.source, 'import')
RETURN count(*) AS count
