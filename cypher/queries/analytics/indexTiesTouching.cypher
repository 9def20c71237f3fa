// The ties (COLLABORATES_WITH) with either end among some actors, each once, for
// the collaboration index to replace those actors' ties (graphChanges.ts).
// params: ids ([string]: actor ids)
// returns: id, source, target, kind, strength: int, since: int|null, until: int|null
MATCH (a:Actor)-[c:COLLABORATES_WITH]->(b:Actor)
WHERE a.id IN $ids
RETURN c.id AS id, a.id AS source, b.id AS target, c.kind AS kind, c.strength AS strength,
       c.since.year * 10000 + c.since.month * 100 + c.since.day AS since,
       c.until.year * 10000 + c.until.month * 100 + c.until.day AS until
UNION
MATCH (a:Actor)-[c:COLLABORATES_WITH]->(b:Actor)
WHERE b.id IN $ids
RETURN c.id AS id, a.id AS source, b.id AS target, c.kind AS kind, c.strength AS strength,
       c.since.year * 10000 + c.since.month * 100 + c.since.day AS since,
       c.until.year * 10000 + c.until.month * 100 + c.until.day AS until
