// Records one applied migration.
// params: $version, $name, $checksum
MERGE (m:SchemaMigration {version: $version})
SET m.name = $name, m.checksum = $checksum, m.appliedAt = datetime()
