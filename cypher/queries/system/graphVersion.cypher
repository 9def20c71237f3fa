// The graph's write counter, bumped by every mutation: keys the analytics cache.
// returns: version
OPTIONAL MATCH (v:GraphVersion {key: 'graph'})
RETURN coalesce(v.version, 0) AS version
