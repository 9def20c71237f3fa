// Raw contender, actor detail: one actor with all its ties (by tie id) and partners, and its area memberships.
// params: $id: string
// returns: id, name, kind, sector, description, website, ties: [...], areas: [{since, until, area: {id, name, level}}]
MATCH (a:Actor {id: $id})
CALL (a) {
  MATCH (a)-[c:COLLABORATES_WITH]-(p:Actor)
  WITH c, p ORDER BY c.id
  RETURN collect({id: c.id, kind: c.kind, since: toString(c.since), until: toString(c.until), strength: c.strength,
                  partner: {id: p.id, name: p.name, sector: p.sector}}) AS ties
}
RETURN a.id AS id, a.name AS name, a.kind AS kind, a.sector AS sector, a.description AS description, a.website AS website, ties,
       [(a)-[m:ACTIVE_IN]->(area:Area) | {since: toString(m.since), until: toString(m.until), area: {id: area.id, name: area.name, level: area.level}}] AS areas
