// Drops the range indexes on the start dates of ties and memberships (from V002).
// No query looks ties or memberships up by date alone: every one starts from its
// actors and filters their relationships by date. The indexes only gave the
// planner a bad option: with the index statistics of a freshly loaded graph it
// scanned the whole index once per actor instead of expanding each actor's ties
// (analytics/scopeTies on a generated city of 2,000 actors: 7.7 s with the
// indexes, 0.15 s without).
DROP INDEX collaboration_since IF EXISTS;
DROP INDEX active_in_since IF EXISTS;
