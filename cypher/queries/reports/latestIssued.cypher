// The most recently issued report of a period and area, to mark revised figures.
// params: $period: string (e.g. 2022-Q3), $areaKey: string (an area id, or 'city')
// returns: id, graphVersion, issuedBy, issuedAt, figures (JSON string); no row when none was issued
MATCH (r:IssuedReport {period: $period, areaKey: $areaKey})
RETURN r.id AS id, r.graphVersion AS graphVersion, r.issuedBy AS issuedBy,
       toString(r.issuedAt) AS issuedAt, r.figures AS figures
ORDER BY r.issuedAt DESC, r.id DESC
LIMIT 1
