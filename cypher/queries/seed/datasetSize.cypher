// Seed: how many actors and ties the database holds (from the count store). A
// benchmark reuses a generated city it loaded before only when both match.
// params: none
// returns: actors: int, ties: int
CALL () { MATCH (a:Actor) RETURN count(a) AS actors }
CALL () { MATCH ()-[c:COLLABORATES_WITH]->() RETURN count(c) AS ties }
RETURN actors, ties
