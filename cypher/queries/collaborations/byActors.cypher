// One page of the ties of each of many actors, ordered by tie id, each with the partner.
// Only the properties a list shows unless $tieDetail / $partnerDetail (the request selects more).
// params: $ids: [string], $asOf: string|null, $kind: string|null, $after: string|null, $limit: int,
//         $tieDetail: boolean, $partnerDetail: boolean
// returns: actorId, ties: [{collaboration, partner}]
UNWIND $ids AS actorId
MATCH (a:Actor {id: actorId})
CALL (a) {
  MATCH (a)-[c:COLLABORATES_WITH]-(partner:Actor)
  WHERE ($kind IS NULL OR c.kind = $kind)
    AND ($asOf IS NULL OR (c.since <= date($asOf) AND (c.until IS NULL OR c.until >= date($asOf))))
    AND ($after IS NULL OR c.id > $after)
  WITH c, partner, startNode(c) AS first, endNode(c) AS second
  ORDER BY c.id
  LIMIT $limit
  RETURN collect({
    collaboration: CASE WHEN $tieDetail THEN c {.*, actorIds: [first.id, second.id]}
                   ELSE c {.id, .kind, .strength, .initiativeId, since: toString(c.since), until: toString(c.until), actorIds: [first.id, second.id], partial: true} END,
    partner: CASE WHEN $partnerDetail THEN partner {.*}
             ELSE partner {.id, .kind, .sector, .name, .registeredBy, .synthetic, partial: true} END
  }) AS ties
}
RETURN actorId, ties
