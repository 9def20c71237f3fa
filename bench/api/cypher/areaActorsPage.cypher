// Raw contender, one page of 50 of the actors active in $areaId or an area within it, after the actor id $after (keyset).
// params: $areaId: string, $after: string|null
// returns: id, name, kind, sector
MATCH (:Area {id: $areaId})<-[:PART_OF*0..]-(:Area)<-[:ACTIVE_IN]-(a:Actor)
WHERE $after IS NULL OR a.id > $after
WITH DISTINCT a ORDER BY a.id LIMIT 50
RETURN a.id AS id, a.name AS name, a.kind AS kind, a.sector AS sector
