// How many API keys exist, revoked and expired ones included.
// params: none
// returns: total
MATCH (key:ApiKey)
RETURN count(key) AS total
