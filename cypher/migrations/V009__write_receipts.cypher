// Write receipts make a retried write transaction exactly-once (src/db/database.ts):
// one receipt per logical write id, looked up by id inside each attempt, and
// pruned by age.
CREATE CONSTRAINT write_receipt_id IF NOT EXISTS FOR (r:WriteReceipt) REQUIRE r.id IS UNIQUE;
CREATE RANGE INDEX write_receipt_at IF NOT EXISTS FOR (r:WriteReceipt) ON (r.at);
