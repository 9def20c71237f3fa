// Import: one import record by id.
// params: $id
// returns: import: {id, file, sha256, status, by, partial, startedAt, finishedAt, counts, problems, withdrawnAt, withdrawnBy}
MATCH (i:Import {id: $id})
RETURN i {.id, .file, .sha256, .status, .by, .partial, .startedAt, .finishedAt, .counts, .problems, .withdrawnAt, .withdrawnBy} AS import
