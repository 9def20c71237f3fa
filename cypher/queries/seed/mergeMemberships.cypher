// Seed: records a batch of ACTIVE_IN periods; one relationship per actor, area and
// start date, so loading the same rows again changes nothing.
// params: $rows: [{actorId, areaId, since: string, until: string|null}]
// returns: count
UNWIND $rows AS row
MATCH (a:Actor {id: row.actorId})
MATCH (area:Area {id: row.areaId})
MERGE (a)-[m:ACTIVE_IN {since: date(row.since)}]->(area)
SET m.until = date(row.until)
RETURN count(*) AS count
