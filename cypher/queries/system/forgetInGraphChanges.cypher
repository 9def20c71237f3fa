// Erasure: removes ids (the erased citizen's, and their ties') from the change log,
// so that no trace of them stays in the database; the changes that named them are
// marked full, so an index behind them rebuilds instead of applying them.
// params: ids ([string])
// returns: changed
MATCH (c:GraphChange)
WHERE any(id IN c.actorIds WHERE id IN $ids) OR any(id IN c.tieIds WHERE id IN $ids)
SET c.actorIds = [id IN c.actorIds WHERE NOT id IN $ids],
    c.tieIds = [id IN c.tieIds WHERE NOT id IN $ids],
    c.full = true
RETURN count(c) AS changed
