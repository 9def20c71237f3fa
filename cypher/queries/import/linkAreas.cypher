// Import: makes each area part of the parent its row names, replacing another parent.
// params: $rows: [{id, parentId}]
// returns: count
UNWIND $rows AS row
MATCH (area:Area {id: row.id})
MATCH (parent:Area {id: row.parentId})
CALL (area, parent) {
  OPTIONAL MATCH (area)-[old:PART_OF]->(other:Area)
  WHERE other <> parent
  DELETE old
}
MERGE (area)-[:PART_OF]->(parent)
RETURN count(*) AS count
