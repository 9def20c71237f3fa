// Import withdrawal: deletes up to $batch of the initiatives an import created
// (importId), with whatever still hangs on them; run until it returns 0.
// params: $id, $batch: int
// returns: deleted
MATCH (n:Initiative {importId: $id})
WITH n LIMIT $batch
DETACH DELETE n
RETURN count(*) AS deleted
