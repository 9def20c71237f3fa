// The receipt of a logical write, if an earlier attempt of it committed: a retried
// write returns the stored result instead of running again.
// params: id (the write id, generated once per logical write)
// returns: result (the JSON the committed attempt returned)
MATCH (r:WriteReceipt {id: $id})
RETURN r.result AS result
