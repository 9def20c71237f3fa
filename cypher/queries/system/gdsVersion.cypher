// Version of the Graph Data Science plugin (only run when system/pluginFunctions lists it).
// returns: version
RETURN gds.version() AS version
