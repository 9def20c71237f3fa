// Import withdrawal: deletes up to $batch of the ties an import created
// (importId); run until it returns 0. Updates the import made to others' records stay.
// params: $id, $batch: int
// returns: deleted
MATCH ()-[r:COLLABORATES_WITH {importId: $id}]->()
WITH r LIMIT $batch
DELETE r
RETURN count(*) AS deleted
