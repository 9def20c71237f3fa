// Import: which of the area ids a file refers to (but does not define) exist.
// params: $ids: [string]
// returns: id
UNWIND $ids AS id
MATCH (a:Area {id: id})
RETURN a.id AS id
