// Deletes an initiative and its participations; ties keep their record but lose the link.
// params: $id
// returns: deleted
OPTIONAL MATCH (i:Initiative {id: $id})
CALL (i) {
  MATCH ()-[c:COLLABORATES_WITH {initiativeId: i.id}]-()
  SET c.initiativeId = null
}
DETACH DELETE i
RETURN count(i) AS deleted
