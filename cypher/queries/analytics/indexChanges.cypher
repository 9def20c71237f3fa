// The change log between two graph versions of one epoch, in order, for the
// collaboration index to apply (graphChanges.ts).
// params: epoch, after (seq the index holds), upTo (seq of the version read now)
// returns: seq, actorIds, tieIds, full
MATCH (c:GraphChange)
WHERE c.seq > $after AND c.seq <= $upTo AND c.epoch = $epoch
RETURN c.seq AS seq, c.actorIds AS actorIds, c.tieIds AS tieIds, c.full AS full
ORDER BY seq
