// What still refers to an area: its sub-areas, before a delete.
// params: $id
// returns: found, children
OPTIONAL MATCH (area:Area {id: $id})
RETURN area IS NOT NULL AS found, COUNT { (area)<-[:PART_OF]-(:Area) } AS children
