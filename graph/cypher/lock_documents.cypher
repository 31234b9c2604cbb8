// Take the lock of each of the given documents that exists before reading its stored hash (see
// `claim_documents`); returns them as two parallel lists (see `document_hashes`).
CYPHER replan=skip
UNWIND $keys AS key
MATCH (d:Document {key: key})
SET d._lock = true
REMOVE d._lock
RETURN collect(d.key) AS keys, collect(d.hash) AS hashes
