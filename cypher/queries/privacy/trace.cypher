// Where a text occurs anywhere in the database: every node and relationship property
// (strings and lists of strings) that contains it. For subject-access requests and to
// verify an erasure; it scans the whole graph.
// params: $text
// returns: kind ('node' | 'relationship'), labels: [string], key
CALL () {
  MATCH (n)
  UNWIND keys(n) AS key
  WITH n, key, n[key] AS value
  WHERE (value IS :: STRING AND value CONTAINS $text)
     OR (value IS :: LIST<STRING NOT NULL> AND any(v IN value WHERE v CONTAINS $text))
  RETURN 'node' AS kind, labels(n) AS labels, key
  UNION ALL
  MATCH ()-[r]->()
  UNWIND keys(r) AS key
  WITH r, key, r[key] AS value
  WHERE (value IS :: STRING AND value CONTAINS $text)
     OR (value IS :: LIST<STRING NOT NULL> AND any(v IN value WHERE v CONTAINS $text))
  RETURN 'relationship' AS kind, [type(r)] AS labels, key
}
RETURN kind, labels, key
