// One page of the actors of the in-memory collaboration index, in id order (keyset:
// the build reads the whole city a page at a time, never all rows at once).
// params: after (the last id of the previous page; '' for the first), limit
// returns: id, sector, name (as analytics/scopeActors names them), and what the GraphQL lists
//          answer from the index (src/loaders/indexReads.ts): kind, synthetic, registeredBy
MATCH (a:Actor)
WHERE a.id > $after
RETURN a.id AS id, a.sector AS sector, coalesce(a.name, 'Citizen ' + a.id) AS name,
       a.kind AS kind, a.synthetic AS synthetic, a.registeredBy AS registeredBy
ORDER BY a.id
LIMIT $limit
