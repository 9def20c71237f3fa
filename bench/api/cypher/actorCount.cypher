// Bench setup: how many actors the database holds (to reuse a loaded city with --reuse).
// returns: actors
MATCH (a:Actor) RETURN count(a) AS actors
