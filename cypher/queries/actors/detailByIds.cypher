// Actors by id for `actor(id)`, each with what the request selects on it, in one statement:
// one page of its ties with their partners ($withTies, the same page and projections as
// collaborations/byActors) and its area memberships ($withAreas, as actors/membershipsByActors).
// One statement instead of three (docs/performance.md); the caller primes the loaders with the parts.
// params: $ids: [string], $withTies: boolean, $tieAsOf: string|null, $tieKind: string|null, $tieAfter: string|null,
//         $tieLimit: int, $tieDetail: boolean, $partnerDetail: boolean, $withAreas: boolean, $areasAsOf: string|null
// returns: actor (map of properties), ties: [{collaboration, partner}], areas: [{area, since, until}] (empty unless asked)
UNWIND $ids AS id
MATCH (a:Actor {id: id})
CALL (a) {
  WITH a WHERE $withTies
  MATCH (a)-[c:COLLABORATES_WITH]-(partner:Actor)
  WHERE ($tieKind IS NULL OR c.kind = $tieKind)
    AND ($tieAsOf IS NULL OR (c.since <= date($tieAsOf) AND (c.until IS NULL OR c.until >= date($tieAsOf))))
    AND ($tieAfter IS NULL OR c.id > $tieAfter)
  WITH c, partner, startNode(c) AS first, endNode(c) AS second
  ORDER BY c.id
  LIMIT $tieLimit
  RETURN collect({
    collaboration: CASE WHEN $tieDetail THEN c {.*, actorIds: [first.id, second.id]}
                   ELSE c {.id, .kind, .strength, .initiativeId, since: toString(c.since), until: toString(c.until), actorIds: [first.id, second.id], partial: true} END,
    partner: CASE WHEN $partnerDetail THEN partner {.*}
             ELSE partner {.id, .kind, .sector, .name, .registeredBy, .synthetic, partial: true} END
  }) AS ties
}
CALL (a) {
  WITH a WHERE $withAreas
  MATCH (a)-[m:ACTIVE_IN]->(area:Area)
  WHERE $areasAsOf IS NULL OR (m.since <= date($areasAsOf) AND (m.until IS NULL OR m.until >= date($areasAsOf)))
  WITH m, area ORDER BY area.name
  RETURN collect({area: area {.*, parentId: [(area)-[:PART_OF]->(p:Area) | p.id][0]}, since: toString(m.since), until: toString(m.until)}) AS areas
}
RETURN a {.*} AS actor, ties, areas
