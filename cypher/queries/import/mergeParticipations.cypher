// Import: records a batch of PARTICIPATES_IN roles, one per actor, initiative and
// role: a new one with its import's provenance, or the stored one's period updated.
// params: $rows: [{actorId, initiativeId, role, since: string, until: string|null, row}], $importId, $file, $by
// returns: count
UNWIND $rows AS row
MATCH (a:Actor {id: row.actorId})
MATCH (i:Initiative {id: row.initiativeId})
CALL (a, i, row) {
  OPTIONAL MATCH (a)-[existing:PARTICIPATES_IN]->(i)
  WHERE existing.role + '' = row.role
  WITH a, i, row, head(collect(existing)) AS existing
  FOREACH (_ IN CASE WHEN existing IS NULL THEN [1] ELSE [] END |
    CREATE (a)-[:PARTICIPATES_IN {role: row.role, since: date(row.since), until: date(row.until),
                                  importId: $importId, importFile: $file, importRow: row.row, importedBy: $by}]->(i))
  FOREACH (_ IN CASE WHEN existing IS NULL THEN [] ELSE [1] END |
    SET existing.since = date(row.since), existing.until = coalesce(date(row.until), existing.until), existing.updatedByImport = $importId)
}
RETURN count(*) AS count
