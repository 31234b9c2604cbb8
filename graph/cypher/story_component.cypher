// Lock the given documents (key order) and return each with its stored `story` and the documents
// linked to it as near-copies, so that the caller can walk a whole story before re-deriving it.
CYPHER replan=skip
UNWIND $docs AS key
MATCH (d:Document {key: key})
WITH d ORDER BY d.key
SET d._lock = true
REMOVE d._lock
RETURN d.key AS key, coalesce(d.story, d.key) AS story,
       [(d)-[:SAME_STORY]-(other:Document) | other.key] AS linked
