// API keys (src/auth/apiKeys/): one node per key, found by its public id on every
// request that presents it, so the id is unique and indexed by its constraint.
CREATE CONSTRAINT api_key_id IF NOT EXISTS FOR (k:ApiKey) REQUIRE k.id IS UNIQUE;
