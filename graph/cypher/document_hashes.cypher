// The stored content hash of each of the given documents that exists, as two parallel lists in
// one record (a window of documents is checked in one round trip, not one record each).
CYPHER replan=skip
UNWIND $keys AS key
MATCH (d:Document {key: key})
RETURN collect(d.key) AS keys, collect(d.hash) AS hashes
