// Import: creates a batch of ties the same transaction found absent
// (planCollaborations), each stored once from the smaller actor id to the larger,
// with its import's provenance and who imported it (recordedBy, importedBy).
// CREATE, not MERGE: no locking id seek per row; the unique id constraint still
// refuses a concurrent duplicate.
// params: $rows: [{id, firstId, secondId, kind, since: string, until: string|null,
//         strength, initiativeId, source, row}], $importId, $file, $by
// returns: count
UNWIND $rows AS row
MATCH (a:Actor {id: row.firstId})
MATCH (b:Actor {id: row.secondId})
CREATE (a)-[c:COLLABORATES_WITH {id: row.id}]->(b)
SET c.kind = row.kind,
    c.since = date(row.since),
    c.until = date(row.until),
    c.strength = toInteger(row.strength),
    c.initiativeId = row.initiativeId,
    c.source = coalesce(row.source, 'import'),
    c.recordedAt = datetime(), c.recordedBy = $by,
    c.importId = $importId, c.importFile = $file, c.importRow = row.row, c.importedBy = $by
RETURN count(*) AS count
