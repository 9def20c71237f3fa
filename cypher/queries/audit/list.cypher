// One page of audit entries, newest first (ids sort by time), matching a filter.
// params: $principal, $operation, $target, $outcome: string|null; $from, $to: string|null (ISO datetimes);
//         $after: string|null (an id: entries older than it), $limit: int
// returns: entry
MATCH (e:AuditEntry)
WHERE ($after IS NULL OR e.id < $after)
  AND ($principal IS NULL OR e.principal = $principal)
  AND ($operation IS NULL OR e.operation = $operation)
  AND ($target IS NULL OR $target IN e.targets)
  AND ($outcome IS NULL OR e.outcome = $outcome)
  AND ($from IS NULL OR e.at >= datetime($from))
  AND ($to IS NULL OR e.at < datetime($to))
RETURN e {.*} AS entry
ORDER BY e.id DESC
LIMIT $limit
