// Import: the imports of a file with this content, newest first: an unfinished one
// is resumed; a completed one is named when a re-run changes nothing.
// params: $sha256, $by
// returns: import: {id, file, status, batchesDone, counts, startedAt, finishedAt, by}
MATCH (i:Import {sha256: $sha256})
WHERE i.status <> 'withdrawn'
RETURN i {.id, .file, .status, .batchesDone, .counts, .startedAt, .finishedAt, .by, .partial} AS import
ORDER BY i.startedAt DESC
LIMIT 5
