// Erases a citizen: the node with every tie, membership and participation.
// No row when there is no citizen with that id.
// params: $id
// returns: tieIds: [string], memberships, participations
MATCH (c:Citizen {id: $id})
CALL (c) { OPTIONAL MATCH (c)-[t:COLLABORATES_WITH]-() RETURN collect(t.id) AS tieIds }
CALL (c) { OPTIONAL MATCH (c)-[m:ACTIVE_IN]->() RETURN count(m) AS memberships }
CALL (c) { OPTIONAL MATCH (c)-[p:PARTICIPATES_IN]->() RETURN count(p) AS participations }
DETACH DELETE c
RETURN tieIds, memberships, participations
