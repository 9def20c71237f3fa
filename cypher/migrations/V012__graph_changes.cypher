// The change log the collaboration index follows (src/analytics/collaborationIndex/):
// one GraphChange per write, numbered by the graph version the write bumped to,
// read by range of that number and pruned by age.
CREATE RANGE INDEX graph_change_seq IF NOT EXISTS FOR (c:GraphChange) ON (c.seq);
CREATE RANGE INDEX graph_change_at IF NOT EXISTS FOR (c:GraphChange) ON (c.at);
