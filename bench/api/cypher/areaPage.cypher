// Raw contender, area page: the first 50 actors (by id) active in $areaId or an area within it, each with its first 10 ties (by tie id) and the partner.
// params: $areaId: string
// returns: id, name, kind, sector, ties: [{id, kind, since, until, strength, partner: {id, name, sector}}]
MATCH (:Area {id: $areaId})<-[:PART_OF*0..]-(:Area)<-[:ACTIVE_IN]-(a:Actor)
WITH DISTINCT a ORDER BY a.id LIMIT 50
CALL (a) {
  MATCH (a)-[c:COLLABORATES_WITH]-(p:Actor)
  WITH c, p ORDER BY c.id LIMIT 10
  RETURN collect({id: c.id, kind: c.kind, since: toString(c.since), until: toString(c.until), strength: c.strength,
                  partner: {id: p.id, name: p.name, sector: p.sector}}) AS ties
}
RETURN a.id AS id, a.name AS name, a.kind AS kind, a.sector AS sector, ties
