// Deletes an actor with every relationship it has.
// params: $id
// returns: deleted (0 or 1)
OPTIONAL MATCH (a:Actor {id: $id})
DETACH DELETE a
RETURN count(a) AS deleted
