// Version of APOC (only run when system/pluginFunctions lists it).
// returns: version
RETURN apoc.version() AS version
