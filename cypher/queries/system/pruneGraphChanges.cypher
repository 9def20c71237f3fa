// Deletes change-log entries older than maxAgeMs: an index further behind than that
// rebuilds whole. Bounded per run.
// params: maxAgeMs, batch
// returns: pruned
MATCH (c:GraphChange)
WHERE c.at < datetime() - duration({milliseconds: $maxAgeMs})
WITH c LIMIT $batch
DELETE c
RETURN count(*) AS pruned
