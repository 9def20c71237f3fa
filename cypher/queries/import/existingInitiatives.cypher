// Import: which of the initiative ids a file refers to (but does not define) exist.
// params: $ids: [string]
// returns: id
UNWIND $ids AS id
MATCH (i:Initiative {id: id})
RETURN i.id AS id
