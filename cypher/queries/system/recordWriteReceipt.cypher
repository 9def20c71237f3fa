// Records that a logical write committed, in the same transaction as the write.
// params: id (the write id), result (JSON of what the write returned)
// returns: id
CREATE (r:WriteReceipt {id: $id, result: $result, at: datetime()})
RETURN r.id AS id
