// Seed: whether the database holds any actor (the seed loads only into an empty one).
// params: none
// returns: hasActors: boolean
RETURN EXISTS { MATCH (:Actor) } AS hasActors
