// Exact copies of stored documents (same normalised text): each row adds a copy's source (its
// path, or URL when it has one) and key to the document holding that text, once.
CYPHER replan=skip
UNWIND $rows AS row
CALL (row) {
  MATCH (d:Document {text_hash: row.hash})
  RETURN d ORDER BY d.key LIMIT 1
}
SET d._lock = true
REMOVE d._lock
WITH d, row
SET d.sources = coalesce(d.sources, []) + [s IN [row.source] WHERE NOT s IN coalesce(d.sources, [])],
    d.copies = coalesce(d.copies, []) + [k IN [row.key] WHERE NOT k IN coalesce(d.copies, []) AND k <> d.key]
RETURN count(d) AS added
