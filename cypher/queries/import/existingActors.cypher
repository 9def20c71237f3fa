// Import: of the ids a file refers to (but does not define), those that are no
// actor (found: false), and the actors among them the checks ask about: citizens
// and actors an organisation registered (an editor's scope), with their kind and
// registering organisation. Every other stored actor needs no answer, so a tie
// file naming 100,000 stored organisations gets no rows back instead of 100,000.
// params: $ids: [string]
// returns: id, found: boolean, kind, registeredBy
UNWIND $ids AS id
OPTIONAL MATCH (a:Actor {id: id})
WITH id, a
WHERE a IS NULL OR a.kind = 'CITIZEN' OR a.registeredBy IS NOT NULL
RETURN id, a IS NOT NULL AS found, a.kind AS kind, a.registeredBy AS registeredBy
