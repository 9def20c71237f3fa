// Seed: deletes every relationship, 10000 per transaction (first half of a wipe;
// deleting relationships first keeps each transaction small even for dense nodes).
// Auto-commit only (CALL ... IN TRANSACTIONS).
// params: none
// returns: nothing
MATCH ()-[r]->()
CALL (r) {
  DELETE r
} IN TRANSACTIONS OF 10000 ROWS
