// Bumps the graph's version inside a write's transaction, as bumpGraphVersion does,
// and records what the write touched in the change log, numbered by the new version:
// the collaboration index applies it instead of rebuilding (graphChanges.ts). A
// write that cannot say what it touched sets full, and the index is rebuilt.
// params: actorIds ([string]: actors whose record, memberships or ties changed),
//         tieIds ([string]: ties changed, when their ends are not in actorIds),
//         full (boolean: rebuild the whole index, e.g. the area tree changed)
// returns: version
MERGE (v:GraphVersion {key: 'graph'})
  ON CREATE SET v.epoch = randomUUID(), v.version = 0
SET v.version = v.version + 1
CREATE (:GraphChange {epoch: v.epoch, seq: v.version, actorIds: $actorIds, tieIds: $tieIds, full: $full, at: datetime()})
RETURN v.epoch + ':' + toString(v.version) AS version
