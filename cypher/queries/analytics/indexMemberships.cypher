// The memberships (ACTIVE_IN) of some actors, for the in-memory collaboration index.
// Dates come as integers yyyymmdd, which compare as the dates do; an open end is null.
// params: ids ([string]: actor ids)
// returns: actorId, areaId, since: int|null, until: int|null
MATCH (a:Actor)-[m:ACTIVE_IN]->(area:Area)
WHERE a.id IN $ids
RETURN a.id AS actorId, area.id AS areaId,
       m.since.year * 10000 + m.since.month * 100 + m.since.day AS since,
       m.until.year * 10000 + m.until.month * 100 + m.until.day AS until
