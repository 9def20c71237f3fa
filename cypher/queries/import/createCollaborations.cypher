// Import: creates a batch of ties the check pass found absent, each stored once
// from the smaller actor id to the larger, with its import's provenance and who
// imported it (recordedBy, importedBy). CREATE, not MERGE: no locking id seek per
// row; the unique id constraint still refuses a concurrent duplicate. The
// properties are the CREATE's own map (one Create operator, no SetProperties
// pass over the rows; a null until or initiativeId is simply not stored) and the
// time is read once for the batch.
// params: $rows: [{id, firstId, secondId, kind, since: string, until: string|null,
//         strength, initiativeId, source, row}], $importId, $file, $by
// returns: count
WITH datetime() AS now
UNWIND $rows AS row
MATCH (a:Actor {id: row.firstId})
MATCH (b:Actor {id: row.secondId})
CREATE (a)-[c:COLLABORATES_WITH {
  id: row.id, kind: row.kind, since: date(row.since), until: date(row.until),
  strength: toInteger(row.strength), initiativeId: row.initiativeId,
  source: coalesce(row.source, 'import'), recordedAt: now, recordedBy: $by,
  importId: $importId, importFile: $file, importRow: row.row, importedBy: $by
}]->(b)
RETURN count(*) AS count
