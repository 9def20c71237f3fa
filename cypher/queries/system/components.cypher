// The Neo4j server's version.
// returns: neo4jVersion, edition
CALL dbms.components() YIELD name, versions, edition
WHERE name = 'Neo4j Kernel'
RETURN versions[0] AS neo4jVersion, edition
