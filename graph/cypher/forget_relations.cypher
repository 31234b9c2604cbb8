// Remove one document's evidence from every relationship it supports; a relationship left
// without evidence is deleted. Evidence lists are parallel: docs[i], dates[i], sentences[i], spans[i].
MATCH (d:Document {key: $doc})-[:MENTIONS]->(e)-[r]->()
WHERE type(r) <> 'MENTIONS' AND $doc IN r.docs
WITH DISTINCT r
WITH r, [i IN range(0, size(r.docs) - 1) WHERE r.docs[i] <> $doc] AS keep
SET r.docs = [i IN keep | r.docs[i]],
    r.dates = [i IN keep | r.dates[i]],
    r.sentences = [i IN keep | r.sentences[i]],
    r.spans = [i IN keep | r.spans[i]],
    r.evidence_count = size(keep)
WITH r, keep
CALL (r, keep) {
  WITH r, keep WHERE size(keep) = 0
  DELETE r
}
RETURN count(*) AS touched
