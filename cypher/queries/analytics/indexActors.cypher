// Actors of the in-memory collaboration index by id (those some writes touched;
// src/analytics/collaborationIndex/). An id without an actor returns no row.
// params: ids ([string])
// returns: id, sector, name (as analytics/scopeActors names them), and what the GraphQL lists
//          answer from the index (src/loaders/indexReads.ts): kind, synthetic, registeredBy
MATCH (a:Actor)
WHERE a.id IN $ids
RETURN a.id AS id, a.sector AS sector, coalesce(a.name, 'Citizen ' + a.id) AS name,
       a.kind AS kind, a.synthetic AS synthetic, a.registeredBy AS registeredBy
