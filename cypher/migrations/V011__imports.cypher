// Bulk imports (src/import): one (:Import) record per import, found by id and by
// the file's sha256 (a re-run of the same file resumes or is a no-op); and the
// provenance every imported record and tie carries, looked up by importId when
// an import is withdrawn.
CREATE CONSTRAINT import_id IF NOT EXISTS FOR (i:Import) REQUIRE i.id IS UNIQUE;
CREATE INDEX import_sha256 IF NOT EXISTS FOR (i:Import) ON (i.sha256);
CREATE INDEX import_started_at IF NOT EXISTS FOR (i:Import) ON (i.startedAt);
CREATE INDEX actor_import_id IF NOT EXISTS FOR (a:Actor) ON (a.importId);
CREATE INDEX area_import_id IF NOT EXISTS FOR (a:Area) ON (a.importId);
CREATE INDEX initiative_import_id IF NOT EXISTS FOR (i:Initiative) ON (i.importId);
CREATE INDEX collaboration_import_id IF NOT EXISTS FOR ()-[c:COLLABORATES_WITH]-() ON (c.importId);
CREATE INDEX active_in_import_id IF NOT EXISTS FOR ()-[r:ACTIVE_IN]-() ON (r.importId);
CREATE INDEX participates_in_import_id IF NOT EXISTS FOR ()-[r:PARTICIPATES_IN]-() ON (r.importId);
