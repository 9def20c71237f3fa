// Import: the latest imports, newest first; for an EDITOR only its own ($by).
// params: $by: string|null (null: everyone's), $limit: int
// returns: import: {id, file, status, by, startedAt, finishedAt, counts}
MATCH (i:Import)
WHERE $by IS NULL OR i.by = $by
RETURN i {.id, .file, .status, .by, .partial, .startedAt, .finishedAt, .counts} AS import
ORDER BY i.startedAt DESC
LIMIT $limit
