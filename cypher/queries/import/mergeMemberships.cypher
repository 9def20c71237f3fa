// Import: records a batch of ACTIVE_IN periods, one per actor, area and start date:
// a new one with its import's provenance, or the stored one's end date when the row
// gives one. OPTIONAL MATCH + CREATE rather than MERGE, as in seed/mergeMemberships.
// params: $rows: [{actorId, areaId, since: string, until: string|null, row}], $importId, $file, $by
// returns: count
UNWIND $rows AS row
MATCH (a:Actor {id: row.actorId})
MATCH (area:Area {id: row.areaId})
CALL (a, area, row) {
  OPTIONAL MATCH (a)-[existing:ACTIVE_IN]->(area)
  WHERE toString(existing.since) = row.since
  WITH a, area, row, head(collect(existing)) AS existing
  FOREACH (_ IN CASE WHEN existing IS NULL THEN [1] ELSE [] END |
    CREATE (a)-[:ACTIVE_IN {since: date(row.since), until: date(row.until),
                            importId: $importId, importFile: $file, importRow: row.row, importedBy: $by}]->(area))
  FOREACH (_ IN CASE WHEN existing IS NOT NULL AND row.until IS NOT NULL THEN [1] ELSE [] END |
    SET existing.until = date(row.until), existing.updatedByImport = $importId)
}
RETURN count(*) AS count
