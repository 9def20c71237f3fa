// Participations in many initiatives, for the per-request loader.
// params: $ids: [string], $asOf: string|null, $role: string|null
// returns: initiativeId, actor, role, since, until
UNWIND $ids AS initiativeId
MATCH (a:Actor)-[p:PARTICIPATES_IN]->(:Initiative {id: initiativeId})
WHERE ($role IS NULL OR p.role = $role)
  AND ($asOf IS NULL OR (p.since <= date($asOf) AND (p.until IS NULL OR p.until >= date($asOf))))
RETURN initiativeId, a {.*} AS actor, p.role AS role, p.since AS since, p.until AS until
ORDER BY initiativeId, a.id
