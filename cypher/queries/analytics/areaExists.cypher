// Whether an area exists, to answer NOT_FOUND for a scope naming an unknown area.
// params: $areaId
// returns: found
OPTIONAL MATCH (area:Area {id: $areaId})
RETURN area IS NOT NULL AS found
