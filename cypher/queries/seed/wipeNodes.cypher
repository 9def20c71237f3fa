// Seed: deletes every node except the SchemaMigration records, 10000 per transaction
// (second half of a wipe). Auto-commit only (CALL ... IN TRANSACTIONS).
// params: none
// returns: nothing
MATCH (n)
WHERE NOT n:SchemaMigration
CALL (n) {
  DETACH DELETE n
} IN TRANSACTIONS OF 10000 ROWS
