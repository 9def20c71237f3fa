// One page of the actors active in each of many areas (and, with $includeSubAreas,
// in the areas within them), ordered by actor id, each with one page of its ties
// when the request's selection asks for them ($withTies). The same walk and the
// same projections as actors/list, so that `area { actors }` and
// `actors(filter: {areaId})` cost the same.
// params: $ids: [string], $asOf: string|null, $includeSubAreas: boolean, $after: string|null, $limit: int,
//         $detail: boolean, $withTies: boolean, $tieAsOf: string|null, $tieKind: string|null,
//         $tieAfter: string|null, $tieLimit: int, $tieDetail: boolean, $partnerDetail: boolean
// returns: areaId, actors: [{actor, ties: [{collaboration, partner}]}]
UNWIND $ids AS areaId
MATCH (root:Area {id: areaId})
CALL (root) {
  MATCH (root)<-[:PART_OF*0..]-(area:Area)<-[m:ACTIVE_IN]-(a:Actor)
  WHERE ($includeSubAreas OR area = root)
    AND ($asOf IS NULL OR (m.since <= date($asOf) AND (m.until IS NULL OR m.until >= date($asOf))))
    AND ($after IS NULL OR a.id > $after)
  WITH DISTINCT a
  ORDER BY a.id
  LIMIT $limit
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
  WITH a, ties ORDER BY a.id
  RETURN collect({actor: CASE WHEN $detail THEN a {.*} ELSE a {.id, .kind, .sector, .name, .registeredBy, .synthetic, partial: true} END, ties: ties}) AS actors
}
RETURN areaId, actors
