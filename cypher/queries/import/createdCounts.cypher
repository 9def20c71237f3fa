// Import: how many records and ties an import created that are still there, and
// how many ties of others hang on its records (a withdrawal removes them with them).
// params: $id
// returns: actors, areas, initiatives, memberships, participations, collaborations, othersTies
CALL () { MATCH (n:Actor {importId: $id}) RETURN count(n) AS actors }
CALL () { MATCH (n:Area {importId: $id}) RETURN count(n) AS areas }
CALL () { MATCH (n:Initiative {importId: $id}) RETURN count(n) AS initiatives }
CALL () { MATCH ()-[r:ACTIVE_IN {importId: $id}]->() RETURN count(r) AS memberships }
CALL () { MATCH ()-[r:PARTICIPATES_IN {importId: $id}]->() RETURN count(r) AS participations }
CALL () { MATCH ()-[r:COLLABORATES_WITH {importId: $id}]->() RETURN count(r) AS collaborations }
CALL () {
  MATCH (n:Actor {importId: $id})-[r]-()
  WHERE coalesce(r.importId, '') <> $id
  RETURN count(DISTINCT r) AS othersTies
}
RETURN actors, areas, initiatives, memberships, participations, collaborations, othersTies
