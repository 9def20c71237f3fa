// Import: records an import and how far its write pass has come, in the same
// transaction as the batch it follows; created by the first batch that writes,
// so an import that changes nothing leaves no trace.
// params: $id, $file, $sha256, $by, $partial: boolean, $batchesDone: int, $counts: string (JSON)
// returns: id
MERGE (i:Import {id: $id})
ON CREATE SET i.file = $file, i.sha256 = $sha256, i.by = $by, i.partial = $partial,
              i.startedAt = datetime(), i.status = 'running'
SET i.batchesDone = $batchesDone, i.counts = $counts
RETURN i.id AS id
