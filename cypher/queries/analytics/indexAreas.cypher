// The areas of the in-memory collaboration index, each with the areas it is part of.
// returns: id, name, parentIds: [string], and what `area(id)` answers from the index
//          (src/loaders/indexReads.ts): level, synthetic
MATCH (area:Area)
OPTIONAL MATCH (area)-[:PART_OF]->(parent:Area)
RETURN area.id AS id, area.name AS name, collect(parent.id) AS parentIds, area.level AS level, area.synthetic AS synthetic
