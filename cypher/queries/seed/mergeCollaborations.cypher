// Seed: stores a batch of ties, each once from the smaller actor id to the larger
// (strength as an integer: the driver sends JS numbers as floats),
// keyed by the tie's own id (a unique-index seek) so that loading the same rows again
// changes nothing.
// params: $rows: [{id, fromId, toId, kind, since: string, until: string|null,
//         strength, initiativeId, source}]
// returns: count
UNWIND $rows AS row
MATCH (a:Actor {id: row.fromId})
MATCH (b:Actor {id: row.toId})
MERGE (a)-[c:COLLABORATES_WITH {id: row.id}]->(b)
ON CREATE SET c.recordedAt = datetime()
SET c.kind = row.kind,
    c.since = date(row.since),
    c.until = date(row.until),
    c.strength = toInteger(row.strength),
    c.initiativeId = row.initiativeId,
    c.source = row.source
RETURN count(*) AS count
