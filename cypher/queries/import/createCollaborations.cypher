// Import: creates a batch of ties the check pass found absent, each stored once
// from the smaller actor id to the larger, with its import's provenance and who
// imported it (recordedBy, importedBy). CREATE, not MERGE: no locking id seek per
// row; the unique id constraint still refuses a concurrent duplicate. The
// properties are the CREATE's own map (one Create operator, no SetProperties
// pass over the rows; a null until or initiativeId is simply not stored) and the
// time is read once for the batch. The rows come as parallel lists, one per
// property: a list of maps repeats every key in every row, about half the bytes
// sent (the database's CPU is the same either way: docs/import.md, Speed).
// params: $ids, $firstIds, $secondIds, $kinds, $sinces: [string], $untils: [string|null],
//         $strengths: [int], $initiativeIds, $sources: [string|null], $rows: [int]
//         (entry i of each list is tie i), $importId, $file, $by
// returns: count
WITH datetime() AS now
UNWIND range(0, size($ids) - 1) AS i
MATCH (a:Actor {id: $firstIds[i]})
MATCH (b:Actor {id: $secondIds[i]})
CREATE (a)-[c:COLLABORATES_WITH {
  id: $ids[i], kind: $kinds[i], since: date($sinces[i]), until: date($untils[i]),
  strength: $strengths[i], initiativeId: $initiativeIds[i],
  source: coalesce($sources[i], 'import'), recordedAt: now, recordedBy: $by,
  importId: $importId, importFile: $file, importRow: $rows[i], importedBy: $by
}]->(b)
RETURN count(*) AS count
