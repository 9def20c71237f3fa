// Import: marks an import completed with its final counts and problem count.
// params: $id, $counts: string (JSON), $problems: int
// returns: id, finishedAt
MATCH (i:Import {id: $id})
SET i.status = 'completed', i.finishedAt = datetime(), i.counts = $counts, i.problems = $problems
RETURN i.id AS id, i.finishedAt AS finishedAt
