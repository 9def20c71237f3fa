// Import withdrawal: deletes up to $batch of the participations an import created
// (importId); run until it returns 0. Updates the import made to others' records stay.
// params: $id, $batch: int
// returns: deleted
MATCH ()-[r:PARTICIPATES_IN {importId: $id}]->()
WITH r LIMIT $batch
DELETE r
RETURN count(*) AS deleted
