// Import: for a batch of tie rows, whether the tie id already joins another pair,
// and which stored ties of the same kind between the same pair overlap the row's
// period (other ids only: a row with a stored tie's id updates that tie). The kind
// is compared as `+ ''` so the planner expands from the pair, not the kind index.
// params: $rows: [{id, firstId, secondId, kind, since: string, until: string|null}]
// returns: id, ends: [string]|null, overlapping: [string]
UNWIND $rows AS row
OPTIONAL MATCH (x:Actor)-[same:COLLABORATES_WITH {id: row.id}]->(y:Actor)
OPTIONAL MATCH (a:Actor {id: row.firstId})
OPTIONAL MATCH (b:Actor {id: row.secondId})
OPTIONAL MATCH (a)-[c:COLLABORATES_WITH]-(b)
WHERE c.kind + '' = row.kind AND c.id <> row.id
  AND (c.until IS NULL OR c.until >= date(row.since))
  AND (row.until IS NULL OR c.since <= date(row.until))
RETURN row.id AS id, CASE WHEN same IS NULL THEN null ELSE [x.id, y.id] END AS ends, collect(DISTINCT c.id) AS overlapping
