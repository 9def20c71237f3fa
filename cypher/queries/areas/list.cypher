// All areas, optionally of one level or directly within one area.
// params: $level: string|null, $parentId: string|null
// returns: area
MATCH (area:Area)
WHERE ($level IS NULL OR area.level = $level)
  AND ($parentId IS NULL OR EXISTS { (area)-[:PART_OF]->(:Area {id: $parentId}) })
WITH area, CASE area.level WHEN 'CITY' THEN 0 WHEN 'DISTRICT' THEN 1 ELSE 2 END AS depth
RETURN area {.*, parentId: [(area)-[:PART_OF]->(p:Area) | p.id][0]} AS area
ORDER BY depth, area.name, area.id
