// Creates an area, part of its parent when $parentId is given. Returns nothing
// when the parent does not exist (the caller checks the parent first).
// params: $props: map (id, name, level, synthetic), $parentId: string|null
// returns: area
OPTIONAL MATCH (parent:Area {id: $parentId})
WITH parent
WHERE $parentId IS NULL OR parent IS NOT NULL
CREATE (area:Area)
SET area += $props, area.createdAt = datetime(), area.updatedAt = datetime()
FOREACH (p IN CASE WHEN parent IS NULL THEN [] ELSE [parent] END | CREATE (area)-[:PART_OF]->(p))
RETURN area {.*, parentId: $parentId} AS area
