// The ties (COLLABORATES_WITH) stored from some actors, for the in-memory
// collaboration index: over every actor, each tie once. Dates come as integers
// yyyymmdd, which compare as the dates do; an open end is null.
// params: ids ([string]: actor ids, the ties' stored sources)
// returns: id, source, target, kind, strength: int, since: int|null, until: int|null
MATCH (a:Actor)-[c:COLLABORATES_WITH]->(b:Actor)
WHERE a.id IN $ids
RETURN c.id AS id, a.id AS source, b.id AS target, c.kind AS kind, c.strength AS strength,
       c.since.year * 10000 + c.since.month * 100 + c.since.day AS since,
       c.until.year * 10000 + c.until.month * 100 + c.until.day AS until
