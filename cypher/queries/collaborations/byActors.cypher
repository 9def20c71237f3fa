// One page of the ties of each of many actors, ordered by tie id, each with the partner.
// params: $ids: [string], $asOf: string|null, $kind: string|null, $after: string|null, $limit: int
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
  RETURN collect({collaboration: c {.*, actorIds: [first.id, second.id]}, partner: partner {.*}}) AS ties
}
RETURN actorId, ties
