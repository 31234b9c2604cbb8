// Documents that may tell the same story as the given ones: they share at least one band of
// their MinHash signatures (`story_bands`, through the `document_bands` full-text index), best
// first, at most $limit each. The caller compares whole signatures before linking any.
UNWIND $rows AS row
CALL (row) {
  CALL db.index.fulltext.queryNodes('document_bands', row.bands) YIELD node, score
  WHERE node.key <> row.key
  RETURN node ORDER BY score DESC LIMIT $limit
}
RETURN row.key AS key, node.key AS other, node.minhash AS signature, node.date AS date
