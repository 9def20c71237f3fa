// Stores an issued partnership report: the figures as published (a JSON object
// of figure key → number or null) with the graph version they were computed on.
// Bookkeeping, not part of the collaboration graph: the graph version is not bumped.
// params: $props: map (id, period, areaKey, compareTo, lang, graphVersion, issuedBy, figures: string),
//         $issuedAt: string (ISO date-time)
// returns: id, period, areaKey, graphVersion, issuedBy, issuedAt, figureCount
CREATE (r:IssuedReport)
SET r = $props, r.issuedAt = datetime($issuedAt)
RETURN r.id AS id, r.period AS period, r.areaKey AS areaKey, r.graphVersion AS graphVersion,
       r.issuedBy AS issuedBy, toString(r.issuedAt) AS issuedAt, size(keys(r)) AS figureCount
