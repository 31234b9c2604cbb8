// After documents were forgotten: recompute the sample sentences and the dates of relationships
// of one type from the Evidence nodes left (see `merge_relations` for the sample's order).
// `document_count` counts a story once (documents linked by SAME_STORY share their `story`).
CYPHER replan=skip
UNWIND $keys AS key
MATCH ()-[r:__TYPE__ {key: key}]->()
SET r._lock = true
REMOVE r._lock
WITH r
CALL (r) {
  MATCH (d:Document)-[:STATES]->(ev:Evidence {fact: r.key})
  WITH d, ev, coalesce(d.story, d.key) AS story
  UNWIND range(0, size(ev.sentences) - 1) AS i
  WITH d, story, {sentence: ev.sentences[i], doc: d.key, date: coalesce(d.date, ''), span: ev.spans[i]} AS c
  ORDER BY c.date DESC, c.doc, c.span
  RETURN collect(c)[..$sample] AS top, min(d.date) AS first, max(d.date) AS last,
         count(c) AS sentences, count(DISTINCT story) AS documents
}
SET r.sentences = [c IN top | c.sentence],
    r.sentence_docs = [c IN top | c.doc],
    r.sentence_dates = [c IN top | c.date],
    r.sentence_spans = [c IN top | c.span],
    r.evidence_count = sentences,
    r.document_count = documents,
    r.first_seen = first,
    r.last_seen = last,
    r.as_of = last
