// Import: for a batch of tie rows, whether the tie id already joins another pair,
// and which stored ties of the same kind between the same pair overlap the row's
// period (other ids only: a row with a stored tie's id updates that tie).
// Each lookup is its own subquery over the row, and the tie's kind and id are
// compared through expressions (`+ ''`, coalesce) no index can answer: otherwise
// the planner scanned the whole tie-id index once per row (PROFILE: 25M rows for
// 5,000 rows against 5,000 stored ties), which made a file's check quadratic; the
// id lookup is pinned to a seek with a hint, as replanning once ties exist chose
// the scan again. The tie with the row's id comes back with its importable
// properties, so that the write pass knows what the row creates, updates or
// leaves unchanged without reading it again (planCollaborations).
// params: $rows: [{id, firstId, secondId, kind, since: string, until: string|null}]
// returns: id, ends: [string]|null, existing: {kind, since, until, strength, initiativeId, source}|null, overlapping: [string]
UNWIND $rows AS row
CALL (row) {
  OPTIONAL MATCH ()-[same:COLLABORATES_WITH {id: row.id}]->()
  USING INDEX SEEK same:COLLABORATES_WITH(id)
  RETURN CASE WHEN same IS NULL THEN null ELSE [startNode(same).id, endNode(same).id] END AS ends,
         CASE WHEN same IS NULL THEN null ELSE same {.kind, .since, .until, .strength, .initiativeId, .source} END AS existing
}
CALL (row) {
  OPTIONAL MATCH (a:Actor {id: row.firstId})-[c:COLLABORATES_WITH]-(b:Actor {id: row.secondId})
  WHERE c.kind + '' = row.kind AND coalesce(c.id, '') <> row.id
    AND (c.until IS NULL OR c.until >= date(row.since))
    AND (row.until IS NULL OR c.since <= date(row.until))
  RETURN collect(DISTINCT c.id) AS overlapping
}
RETURN row.id AS id, ends, existing, overlapping
