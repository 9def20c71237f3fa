// Actors by id, for the per-request actor loader.
// params: $ids: [string]
// returns: actor (map of properties)
UNWIND $ids AS id
MATCH (a:Actor {id: id})
RETURN a {.*} AS actor
