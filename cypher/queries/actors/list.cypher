// One page of actors matching a filter, ordered by id (keyset pagination), each with
// one page of its ties when the request's selection asks for them ($withTies).
// Candidates come from the full-text index when $search is given, from the area
// hierarchy when $areaId is given (that branch also applies $activeAsOf to the
// membership it walked, so no second walk checks it), else from the id index.
// Returns $limit rows; the caller asks one more than a page.
// Only the properties a list shows are returned unless $detail: decoding every
// date-time of every row was most of the API's CPU (docs/performance.md).
// params: $citizenNamesOf: [string]|null (a search matches only those citizens whose names the caller may see: null for all),
//         $search: string|null (a Lucene query built from escaped words), $areaId, $kinds, $sectors,
//         $activeAsOf: string|null, $synthetic: boolean|null, $after: string|null, $limit: int, $detail: boolean,
//         $withTies: boolean, $tieAsOf: string|null, $tieKind: string|null, $tieAfter: string|null, $tieLimit: int,
//         $tieDetail: boolean, $partnerDetail: boolean
// returns: actor, ties: [{collaboration, partner}] (empty unless $withTies)
CALL () {
  WITH 1 AS guard WHERE $search IS NOT NULL
  CALL db.index.fulltext.queryNodes('actor_names', $search) YIELD node
  WITH node WHERE NOT node:Citizen OR $citizenNamesOf IS NULL OR node.registeredBy IN $citizenNamesOf
  RETURN node AS a
  UNION
  WITH 1 AS guard WHERE $search IS NULL AND $areaId IS NOT NULL
  MATCH (:Area {id: $areaId})<-[:PART_OF*0..]-(:Area)<-[m:ACTIVE_IN]-(a:Actor)
  WHERE ($after IS NULL OR a.id > $after)
    AND ($activeAsOf IS NULL OR (m.since <= date($activeAsOf) AND (m.until IS NULL OR m.until >= date($activeAsOf))))
  RETURN DISTINCT a
  UNION
  WITH 1 AS guard WHERE $search IS NULL AND $areaId IS NULL
  MATCH (a:Actor) WHERE a.id > coalesce($after, '')
  RETURN a
}
WITH a
WHERE ($after IS NULL OR a.id > $after)
  AND ($kinds IS NULL OR a.kind IN $kinds)
  AND ($sectors IS NULL OR a.sector IN $sectors)
  AND ($synthetic IS NULL OR a.synthetic = $synthetic)
  AND (($search IS NULL AND $areaId IS NOT NULL) OR ($areaId IS NULL AND $activeAsOf IS NULL) OR EXISTS {
    MATCH (a)-[m:ACTIVE_IN]->(area:Area)
    WHERE ($areaId IS NULL OR EXISTS { (area)-[:PART_OF*0..]->(:Area {id: $areaId}) })
      AND ($activeAsOf IS NULL OR (m.since <= date($activeAsOf) AND (m.until IS NULL OR m.until >= date($activeAsOf))))
  })
WITH a
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
RETURN CASE WHEN $detail THEN a {.*} ELSE a {.id, .kind, .sector, .name, .registeredBy, .synthetic, partial: true} END AS actor, ties
ORDER BY actor.id
