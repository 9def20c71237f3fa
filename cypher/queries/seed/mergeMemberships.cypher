// Seed: records a batch of ACTIVE_IN periods, one relationship per actor, area and
// start date, so loading the same rows again changes nothing. Written as OPTIONAL
// MATCH + CREATE rather than MERGE on {since}: on a fresh graph the planner sought
// the active_in_since index (every membership sharing a start date) instead of
// expanding from the actor, which turned a big load quadratic. V003 dropped that
// index; toString() still keeps the comparison off any index on since.
// params: $rows: [{actorId, areaId, since: string, until: string|null}]
// returns: count
UNWIND $rows AS row
MATCH (a:Actor {id: row.actorId})
MATCH (area:Area {id: row.areaId})
CALL (a, area, row) {
  OPTIONAL MATCH (a)-[existing:ACTIVE_IN]->(area)
  WHERE toString(existing.since) = row.since
  FOREACH (_ IN CASE WHEN existing IS NULL THEN [1] ELSE [] END |
    CREATE (a)-[:ACTIVE_IN {since: date(row.since), until: date(row.until)}]->(area))
  SET existing.until = date(row.until)
}
RETURN count(*) AS count
