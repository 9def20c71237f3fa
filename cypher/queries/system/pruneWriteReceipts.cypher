// Deletes write receipts older than the retry window; a receipt is only needed
// while the driver may still retry its write. Bounded per run.
// params: maxAgeMs (age in milliseconds past which a receipt goes), batch (most receipts deleted per run)
// returns: pruned
MATCH (r:WriteReceipt)
WHERE r.at < datetime() - duration({milliseconds: $maxAgeMs})
WITH r LIMIT $batch
DETACH DELETE r
RETURN count(*) AS pruned
