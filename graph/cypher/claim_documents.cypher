// Take the lock of each document a write is about to replace or create, before reading its
// stored hash (a new document is created here, empty, so that a concurrent load writing the same
// document waits for this one and then finds it stored, instead of both adding it). Keys come
// sorted, so concurrent loads lock documents in the same order. Returns the documents that were
// stored already, as two parallel lists (see `document_hashes`).
CYPHER replan=skip
UNWIND $keys AS key
MERGE (d:Document {key: key})
ON CREATE SET d._new = true
SET d._lock = true
REMOVE d._lock
WITH d, d._new IS NULL AS stored
REMOVE d._new
WITH d, stored WHERE stored
RETURN collect(d.key) AS keys, collect(d.hash) AS hashes
