// Import: the imports of a file with this content, newest first: an unfinished one
// is resumed (its committed batches, from their progress records, are skipped); a
// completed one is named when a re-run changes nothing.
// params: $sha256
// returns: import: {id, file, status, batchesDone, batches: [{batch, counts}], counts, startedAt, finishedAt, by, partial}
MATCH (i:Import {sha256: $sha256})
WHERE i.status <> 'withdrawn'
WITH i, COLLECT { MATCH (b:ImportBatch {importId: i.id}) RETURN b {.batch, .counts} } AS batches
RETURN i {.id, .file, .status, .counts, .startedAt, .finishedAt, .by, .partial, batchesDone: size(batches), batches: batches} AS import
ORDER BY i.startedAt DESC
LIMIT 5
