// Which plugin version functions the server has: tells whether GDS and APOC are installed.
// returns: name
SHOW FUNCTIONS YIELD name
WHERE name IN ['gds.version', 'apoc.version']
RETURN name
