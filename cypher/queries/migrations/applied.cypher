// Versions of the migrations already applied to this database.
// returns: version
MATCH (m:SchemaMigration)
RETURN m.version AS version
ORDER BY version
