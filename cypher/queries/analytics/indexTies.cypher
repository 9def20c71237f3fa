// The ties (COLLABORATES_WITH) of the in-memory collaboration index, each once in
// its stored direction. Dates come as integers yyyymmdd, which compare as the
// dates do; an open end is null.
// returns: id, source, target, kind, strength: int, since: int|null, until: int|null
MATCH (a:Actor)-[c:COLLABORATES_WITH]->(b:Actor)
RETURN c.id AS id, a.id AS source, b.id AS target, c.kind AS kind, c.strength AS strength,
       c.since.year * 10000 + c.since.month * 100 + c.since.day AS since,
       c.until.year * 10000 + c.until.month * 100 + c.until.day AS until
