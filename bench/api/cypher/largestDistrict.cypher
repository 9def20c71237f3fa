// Bench setup: the district with the most distinct actors, and in it the organisation with the most ties (at most 100, one page in every contender).
// returns: areaId, actors, actorId, ties
MATCH (d:Area {level: 'DISTRICT'})
CALL (d) {
  MATCH (d)<-[:PART_OF*0..]-(:Area)<-[:ACTIVE_IN]-(a:Actor)
  RETURN count(DISTINCT a) AS actors
}
WITH d, actors ORDER BY actors DESC, d.id LIMIT 1
CALL (d) {
  MATCH (d)<-[:PART_OF*0..]-(:Area)<-[:ACTIVE_IN]-(a:Actor) WHERE NOT a:Citizen
  WITH DISTINCT a
  WITH a, COUNT { (a)-[:COLLABORATES_WITH]-(:Actor) } AS ties WHERE ties <= 100
  RETURN a.id AS actorId, ties ORDER BY ties DESC, a.id LIMIT 1
}
RETURN d.id AS areaId, actors, actorId, ties
