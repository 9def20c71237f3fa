// Ties by id, each with the ids of its two actors (ordered).
// params: $ids: [string]
// returns: collaboration
UNWIND $ids AS id
MATCH (a:Actor)-[c:COLLABORATES_WITH {id: id}]->(b:Actor)
RETURN c {.*, actorIds: [a.id, b.id]} AS collaboration
