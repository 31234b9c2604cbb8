// Counts and sums of every aggregate of the graph, to compare two large graphs cheaply.
CALL () {
  MATCH (d:Document)
  RETURN count(d) AS documents, sum(d.chars) AS chars, count(DISTINCT d.hash) AS hashes
}
CALL () {
  MATCH (e) WHERE e.mention_count IS NOT NULL
  RETURN count(e) AS entities, sum(e.mention_count) AS mentions, sum(e.document_count) AS entity_documents,
         sum(size(e.all_names)) AS names, sum(size(e.aliases)) AS aliases,
         sum(reduce(n = 0, u IN e.name_uses | n + u)) AS name_uses,
         count(e.first_seen) AS first_seen, count(e.date) AS dates
}
CALL () {
  MATCH ()-[r]->() WHERE r.evidence_count IS NOT NULL
  RETURN count(r) AS relations, sum(r.evidence_count) AS evidence, sum(r.document_count) AS relation_documents,
         sum(size(r.sentences)) AS samples, count(r.first_seen) AS relation_first_seen
}
CALL () {
  MATCH (:Document)-[s:STATES]->(ev:Evidence)
  RETURN count(ev) AS evidence_nodes, sum(size(ev.sentences)) AS evidence_sentences
}
CALL () {
  MATCH (:Document)-[m:MENTIONS]->()
  RETURN count(m) AS mention_links, sum(m.count) AS mention_counts, sum(size(m.spans)) AS spans
}
RETURN *
