// Deletes the write receipts whose stored result contains a text (a citizen's id or
// display name at erasure), so no personal data survives in a receipt.
// params: text
// returns: deleted
MATCH (r:WriteReceipt)
WHERE r.result CONTAINS $text
DETACH DELETE r
RETURN count(*) AS deleted
