// Import withdrawal: marks the import withdrawn, with who did it and what went.
// params: $id, $by, $removed: string (JSON)
// returns: id
MATCH (i:Import {id: $id})
SET i.status = 'withdrawn', i.withdrawnAt = datetime(), i.withdrawnBy = $by, i.removed = $removed
RETURN i.id AS id
