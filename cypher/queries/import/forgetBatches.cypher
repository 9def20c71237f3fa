// Import: removes the progress records of an import's batches (batchDone) once the
// import is finished or withdrawn: its (:Import) record keeps the totals.
// params: $id: import id
// returns: removed
OPTIONAL MATCH (b:ImportBatch {importId: $id})
DELETE b
RETURN count(b) AS removed
