// Seed: records a batch of PARTICIPATES_IN roles; one relationship per actor,
// initiative and role.
// params: $rows: [{actorId, initiativeId, role, since: string, until: string|null}]
// returns: count
UNWIND $rows AS row
MATCH (a:Actor {id: row.actorId})
MATCH (i:Initiative {id: row.initiativeId})
MERGE (a)-[p:PARTICIPATES_IN {role: row.role}]->(i)
SET p.since = date(row.since), p.until = date(row.until)
RETURN count(*) AS count
