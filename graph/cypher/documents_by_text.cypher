// Stored documents whose normalised text has one of the given hashes (`text_hash`, see
// loaders/copies.py): a document read with such a text is an exact copy of that one. One record
// with two parallel lists; where several documents share a text, the first by key.
CYPHER replan=skip
UNWIND $hashes AS hash
CALL (hash) {
  MATCH (d:Document {text_hash: hash})
  RETURN d.key AS key ORDER BY key LIMIT 1
}
RETURN collect(hash) AS hashes, collect(key) AS keys
