// Seed: links each area to the area it is part of (neighbourhood -> district -> city).
// params: $rows: [{childId, parentId}]
// returns: count (links made or already there)
UNWIND $rows AS row
MATCH (child:Area {id: row.childId})
MATCH (parent:Area {id: row.parentId})
MERGE (child)-[:PART_OF]->(parent)
RETURN count(*) AS count
