// How many ties each of many actors has, under the same conditions as byActors.
// params: $ids: [string], $asOf: string|null, $kind: string|null
// returns: actorId, total
UNWIND $ids AS actorId
MATCH (a:Actor {id: actorId})
RETURN actorId, COUNT {
  MATCH (a)-[c:COLLABORATES_WITH]-(:Actor)
  WHERE ($kind IS NULL OR c.kind = $kind)
    AND ($asOf IS NULL OR (c.since <= date($asOf) AND (c.until IS NULL OR c.until >= date($asOf))))
} AS total
