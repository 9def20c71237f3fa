// Sets a tie's last day.
// params: $id, $until: string
// returns: collaboration
MATCH (a:Actor)-[c:COLLABORATES_WITH {id: $id}]->(b:Actor)
SET c.until = date($until)
RETURN c {.*, actorIds: [a.id, b.id]} AS collaboration
