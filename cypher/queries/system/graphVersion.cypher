// The graph's version, changed by every write: keys the analytics cache. The
// epoch is new whenever the counter node is (re)created, e.g. after a wipe, so a
// version string is never reused for different data.
// returns: version
OPTIONAL MATCH (v:GraphVersion {key: 'graph'})
RETURN coalesce(v.epoch + ':' + toString(v.version), 'initial') AS version
