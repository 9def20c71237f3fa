// Seed: records a batch of PARTICIPATES_IN roles, one relationship per actor,
// initiative and role, so loading the same rows again changes nothing. OPTIONAL
// MATCH + CREATE rather than MERGE on {role}: the planner would otherwise seek the
// participates_in_role index (every participation with that role) on a fresh graph;
// comparing `role + ''` keeps it expanding from the actor.
// params: $rows: [{actorId, initiativeId, role, since: string, until: string|null}]
// returns: count
UNWIND $rows AS row
MATCH (a:Actor {id: row.actorId})
MATCH (i:Initiative {id: row.initiativeId})
CALL (a, i, row) {
  OPTIONAL MATCH (a)-[existing:PARTICIPATES_IN]->(i)
  WHERE existing.role + '' = row.role
  FOREACH (_ IN CASE WHEN existing IS NULL THEN [1] ELSE [] END |
    CREATE (a)-[:PARTICIPATES_IN {role: row.role, since: date(row.since), until: date(row.until)}]->(i))
  SET existing.since = date(row.since), existing.until = date(row.until)
}
RETURN count(*) AS count
