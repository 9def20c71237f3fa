// Deletes a tie.
// params: $id
// returns: deleted
OPTIONAL MATCH ()-[c:COLLABORATES_WITH {id: $id}]->()
DELETE c
RETURN count(c) AS deleted
