// Import: for a batch of tie rows, whether the tie id already joins another pair,
// and which stored ties of the same kind between the same pair overlap the row's
// period (other ids only: a row with a stored tie's id updates that tie). Only
// the rows that meet a stored tie come back: most rows of a new file meet none.
// The rows come as parallel lists, one per column (no map per row to pack and
// unpack), and the overlap lookup is a pattern comprehension (no subquery and
// aggregation per row): together 1.8 to 2.6 times less database CPU and a quarter
// of the client's than the subquery form, in interleaved runs of 5,000 rows
// (docs/import.md, Speed).
// The tie's kind and id are compared through expressions (`+ ''`, coalesce) no
// index can answer: otherwise the planner scanned the whole tie-id index once
// per row (PROFILE: 25M rows for 5,000 rows against 5,000 stored ties), which
// made a file's check quadratic; the id lookup is pinned to a seek with a hint,
// as replanning once ties exist chose the scan again. The tie with the row's id
// comes back with its importable properties, so that the write pass knows what
// the row creates, updates or leaves unchanged without reading it again.
// params: $ids, $firstIds, $secondIds, $kinds, $sinces: [string], $untils: [string|null]
//         (entry i of each list is row i)
// returns: id, ends: [string]|null, existing: {kind, since, until, strength, initiativeId, source}|null, overlapping: [string]
UNWIND range(0, size($ids) - 1) AS i
WITH $ids[i] AS id, $firstIds[i] AS firstId, $secondIds[i] AS secondId, $kinds[i] AS kind,
     date($sinces[i]) AS since, date($untils[i]) AS until
OPTIONAL MATCH ()-[same:COLLABORATES_WITH {id: id}]->()
USING INDEX SEEK same:COLLABORATES_WITH(id)
WITH id, same,
     [(a:Actor {id: firstId})-[c:COLLABORATES_WITH]-(b)
       WHERE b.id = secondId AND c.kind + '' = kind AND coalesce(c.id, '') <> id
         AND (c.until IS NULL OR c.until >= since) AND (until IS NULL OR c.since <= until) | c.id] AS overlapping
WHERE same IS NOT NULL OR size(overlapping) > 0
RETURN id,
       CASE WHEN same IS NULL THEN null ELSE [startNode(same).id, endNode(same).id] END AS ends,
       CASE WHEN same IS NULL THEN null ELSE same {.kind, .since, .until, .strength, .initiativeId, .source} END AS existing,
       overlapping
