// Recompute what relationships touching the given entities derive from their evidence: the
// evidence in a stable order (by document, then span), its count, and the first and last dates.
UNWIND $keys AS key
MATCH (e:__LABEL__ {key: key})-[r]->()
WHERE type(r) <> 'MENTIONS'
WITH DISTINCT r
CALL (r) {
  UNWIND range(0, size(r.docs) - 1) AS i
  WITH i ORDER BY r.docs[i], r.spans[i]
  RETURN collect(i) AS order
}
WITH r, order, [x IN r.dates WHERE x <> ''] AS known
SET r.docs = [i IN order | r.docs[i]],
    r.dates = [i IN order | r.dates[i]],
    r.sentences = [i IN order | r.sentences[i]],
    r.spans = [i IN order | r.spans[i]],
    r.evidence_count = size(order),
    r.first_seen = reduce(m = null, x IN known | CASE WHEN m IS NULL OR x < m THEN x ELSE m END),
    r.last_seen = reduce(m = null, x IN known | CASE WHEN m IS NULL OR x > m THEN x ELSE m END),
    r.as_of = reduce(m = null, x IN known | CASE WHEN m IS NULL OR x > m THEN x ELSE m END)
