// Import: organisations an import created whose name, normalised (case, spaces and
// common punctuation ignored), equals that of another organisation active in a
// common area: probable duplicates for a person to decide on. Citizens are left out.
// params: $id, $limit: int
// returns: id, otherId, areaId
MATCH (a:Actor {importId: $id})-[:ACTIVE_IN]->(area:Area)<-[:ACTIVE_IN]-(b:Actor)
WHERE a.kind <> 'CITIZEN' AND b.kind <> 'CITIZEN' AND a <> b AND a.name IS NOT NULL
WITH a, b, area,
     reduce(s = toLower(trim(a.name)), c IN ['.', ',', '-', '"', "'", '  '] | replace(s, c, ' ')) AS aName,
     reduce(s = toLower(trim(b.name)), c IN ['.', ',', '-', '"', "'", '  '] | replace(s, c, ' ')) AS bName
WHERE replace(aName, ' ', '') = replace(bName, ' ', '') AND (b.importId IS NULL OR b.importId <> $id OR a.id < b.id)
RETURN DISTINCT a.id AS id, b.id AS otherId, area.id AS areaId
ORDER BY id, otherId
LIMIT $limit
