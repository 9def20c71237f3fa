// The actors of the in-memory collaboration index (src/analytics/collaborationIndex/),
// which answers the count-based analytics of a graph version without a query per request.
// returns: id, sector, name (as analytics/scopeActors names them)
MATCH (a:Actor)
RETURN a.id AS id, a.sector AS sector, coalesce(a.name, 'Citizen ' + a.id) AS name
