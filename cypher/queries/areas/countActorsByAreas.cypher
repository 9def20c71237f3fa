// How many distinct actors are active in each of many areas.
// params: $ids: [string], $asOf: string|null, $includeSubAreas: boolean
// returns: areaId, total
UNWIND $ids AS areaId
MATCH (root:Area {id: areaId})
CALL (root) {
  OPTIONAL MATCH (root)<-[:PART_OF*0..]-(area:Area)<-[m:ACTIVE_IN]-(a:Actor)
  WHERE ($includeSubAreas OR area = root)
    AND ($asOf IS NULL OR (m.since <= date($asOf) AND (m.until IS NULL OR m.until >= date($asOf))))
  RETURN count(DISTINCT a) AS total
}
RETURN areaId, total
