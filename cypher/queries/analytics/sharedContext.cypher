// What an actor shares with each of many candidate partners outside the
// collaboration network: areas both are active in on $asOf (the same area, not
// merely a common parent), initiatives both take part in on $asOf, and the
// Sustainable Development Goals of the initiatives each takes part in then.
// Only candidates sharing something are returned.
// params: $actorId: string, $candidateIds: [string], $asOf: string
// returns: id, areas: [area name], initiatives: [initiative name], sdgs: [int]
MATCH (actor:Actor {id: $actorId})
CALL (actor) {
  OPTIONAL MATCH (actor)-[m:ACTIVE_IN]->(area:Area)
  WHERE m.since <= date($asOf) AND (m.until IS NULL OR m.until >= date($asOf))
  RETURN collect(DISTINCT area) AS areas
}
CALL (actor) {
  OPTIONAL MATCH (actor)-[p:PARTICIPATES_IN]->(initiative:Initiative)
  WHERE p.since <= date($asOf) AND (p.until IS NULL OR p.until >= date($asOf))
  WITH collect(DISTINCT initiative) AS initiatives
  RETURN initiatives, reduce(goals = [], i IN initiatives | goals + [s IN coalesce(i.sdgs, []) WHERE NOT s IN goals]) AS sdgs
}
UNWIND $candidateIds AS candidateId
MATCH (candidate:Actor {id: candidateId})
CALL (candidate, areas) {
  OPTIONAL MATCH (candidate)-[m:ACTIVE_IN]->(area:Area)
  WHERE area IN areas AND m.since <= date($asOf) AND (m.until IS NULL OR m.until >= date($asOf))
  WITH collect(DISTINCT area) AS shared
  RETURN [a IN shared | a.name] AS sharedAreas
}
CALL (candidate, initiatives, sdgs) {
  OPTIONAL MATCH (candidate)-[p:PARTICIPATES_IN]->(initiative:Initiative)
  WHERE p.since <= date($asOf) AND (p.until IS NULL OR p.until >= date($asOf))
  WITH collect(DISTINCT initiative) AS theirs
  RETURN [i IN theirs WHERE i IN initiatives | i.name] AS sharedInitiatives,
         reduce(shared = [], i IN theirs | shared + [s IN coalesce(i.sdgs, []) WHERE s IN sdgs AND NOT s IN shared]) AS sharedSdgs
}
WITH candidateId, sharedAreas, sharedInitiatives, sharedSdgs
WHERE size(sharedAreas) > 0 OR size(sharedInitiatives) > 0 OR size(sharedSdgs) > 0
RETURN candidateId AS id, sharedAreas AS areas, sharedInitiatives AS initiatives, sharedSdgs AS sdgs
