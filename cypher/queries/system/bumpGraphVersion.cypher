// Bumps the graph's write counter inside a mutation's transaction, so cached analytics of older versions are never served.
// returns: version
MERGE (v:GraphVersion {key: 'graph'})
SET v.version = coalesce(v.version, 0) + 1
RETURN v.version AS version
