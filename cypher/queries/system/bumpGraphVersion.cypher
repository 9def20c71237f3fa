// Bumps the graph's version inside a write's transaction, so cached analytics of
// older versions are never served after it.
// returns: version
MERGE (v:GraphVersion {key: 'graph'})
  ON CREATE SET v.epoch = randomUUID(), v.version = 0
SET v.version = v.version + 1
RETURN v.epoch + ':' + toString(v.version) AS version
