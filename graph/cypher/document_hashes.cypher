// The stored content hash of each of the given documents (absent ones are not returned).
UNWIND $keys AS key
MATCH (d:Document {key: key})
RETURN d.key AS key, d.hash AS hash
