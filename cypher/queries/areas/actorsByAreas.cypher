// One page of the actors active in each of many areas (and, with $includeSubAreas,
// in the areas within them), ordered by actor id.
// params: $ids: [string], $asOf: string|null, $includeSubAreas: boolean, $after: string|null, $limit: int
// returns: areaId, actors: [actor]
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
  RETURN collect(a {.*}) AS actors
}
RETURN areaId, actors
