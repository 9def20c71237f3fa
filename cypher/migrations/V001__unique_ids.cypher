// Unique ids per label. Actor ids are unique across all kinds (each actor also
// carries the generic :Actor label); collaboration ids are unique relationship
// properties (Community edition supports relationship property uniqueness).
CREATE CONSTRAINT actor_id IF NOT EXISTS FOR (a:Actor) REQUIRE a.id IS UNIQUE;
CREATE CONSTRAINT area_id IF NOT EXISTS FOR (a:Area) REQUIRE a.id IS UNIQUE;
CREATE CONSTRAINT initiative_id IF NOT EXISTS FOR (i:Initiative) REQUIRE i.id IS UNIQUE;
CREATE CONSTRAINT collaboration_id IF NOT EXISTS FOR ()-[c:COLLABORATES_WITH]-() REQUIRE c.id IS UNIQUE;
CREATE CONSTRAINT schema_migration_version IF NOT EXISTS FOR (m:SchemaMigration) REQUIRE m.version IS UNIQUE;
CREATE CONSTRAINT organisation_number IF NOT EXISTS FOR (a:Actor) REQUIRE a.organisationNumber IS UNIQUE;
