// Import: which of the ids a file refers to (but does not define) are actors already,
// with their kind and registering organisation (for citizens and an editor's scope).
// params: $ids: [string]
// returns: id, kind, registeredBy
UNWIND $ids AS id
MATCH (a:Actor {id: id})
RETURN a.id AS id, a.kind AS kind, a.registeredBy AS registeredBy
