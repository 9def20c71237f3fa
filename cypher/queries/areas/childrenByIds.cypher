// The areas directly within each of many areas.
// params: $ids: [string]
// returns: parentId, area
UNWIND $ids AS parentId
MATCH (:Area {id: parentId})<-[:PART_OF]-(area:Area)
RETURN parentId, area {.*, parentId: parentId} AS area
ORDER BY parentId, area.name
