// Import: records that one write batch of an import committed, in the batch's own
// transaction: its index (batches are cut the same way on every run of a file) and
// its counts. Batches commit in any order (two are written at once), so a re-run
// skips exactly the batches recorded here. A node of its own rather than a
// property of the (:Import), whose lock would make the batches wait for each other;
// finish removes them.
// params: $id: import id, $batch: int, $counts: string (JSON, this batch's counts per kind)
// returns: batch
CREATE (b:ImportBatch {importId: $id, batch: $batch, counts: $counts})
RETURN b.batch AS batch
