// An index for every lookup the queries make: actors by sector and kind, areas by
// level, initiatives by kind, the time-bearing relationships by their dates, and
// full-text search on names.
CREATE INDEX actor_sector IF NOT EXISTS FOR (a:Actor) ON (a.sector);
CREATE INDEX actor_kind IF NOT EXISTS FOR (a:Actor) ON (a.kind);
CREATE INDEX area_level IF NOT EXISTS FOR (a:Area) ON (a.level);
CREATE INDEX initiative_kind IF NOT EXISTS FOR (i:Initiative) ON (i.kind);
CREATE INDEX collaboration_kind IF NOT EXISTS FOR ()-[c:COLLABORATES_WITH]-() ON (c.kind);
CREATE INDEX collaboration_since IF NOT EXISTS FOR ()-[c:COLLABORATES_WITH]-() ON (c.since);
CREATE INDEX active_in_since IF NOT EXISTS FOR ()-[r:ACTIVE_IN]-() ON (r.since);
CREATE INDEX participates_in_role IF NOT EXISTS FOR ()-[r:PARTICIPATES_IN]-() ON (r.role);
CREATE FULLTEXT INDEX actor_names IF NOT EXISTS FOR (a:Actor) ON EACH [a.name, a.description];
CREATE FULLTEXT INDEX area_names IF NOT EXISTS FOR (a:Area) ON EACH [a.name];
CREATE FULLTEXT INDEX initiative_names IF NOT EXISTS FOR (i:Initiative) ON EACH [i.name, i.description];
