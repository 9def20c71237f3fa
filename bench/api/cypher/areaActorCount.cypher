// Raw contender, how many distinct actors are active in $areaId or an area within it.
// params: $areaId: string
// returns: total
MATCH (:Area {id: $areaId})<-[:PART_OF*0..]-(:Area)<-[:ACTIVE_IN]-(a:Actor)
RETURN count(DISTINCT a) AS total
