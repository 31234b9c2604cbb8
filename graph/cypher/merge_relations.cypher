// Create relationships of one type between two labels, or add one batch's evidence to them.
// `title` is part of the identity (HOLDS_POSITION: the position; "" for other types) and `key`
// links the relationship to its Evidence nodes. Counts are added to and dates widened; the
// parallel lists sentences[i], sentence_docs[i], sentence_dates[i], sentence_spans[i] keep the
// $sample most recent evidence sentences (ties: document key, then span), so that their cost
// does not grow with the corpus. Every sentence is kept on the Evidence nodes. `row.sample` is
// the batch's own most recent entries in that order: the lists are rewritten only when its
// first could enter them.
CYPHER replan=skip
UNWIND $rows AS row
MATCH (s:__SOURCE__ {key: row.source})
MATCH (t:__TARGET__ {key: row.target})
MERGE (s)-[r:__TYPE__ {title: row.title}]->(t)
ON CREATE SET r.key = row.fact, r.sentences = [], r.sentence_docs = [], r.sentence_dates = [],
              r.sentence_spans = []
// Lock the relationship before reading it, or a concurrent load's update is lost.
SET r._lock = true
REMOVE r._lock
// HOLDS_POSITION: the position in English from the lexicon, when it has one.
SET r.title_en = coalesce(row.title_en, r.title_en)
WITH r, row
SET r.evidence_count = coalesce(r.evidence_count, 0) + row.evidence,
    r.document_count = coalesce(r.document_count, 0) + row.documents,
    r.first_seen = CASE WHEN row.first IS NULL THEN r.first_seen
                        WHEN r.first_seen IS NULL OR row.first < r.first_seen THEN row.first
                        ELSE r.first_seen END,
    r.last_seen = CASE WHEN row.last IS NULL THEN r.last_seen
                       WHEN r.last_seen IS NULL OR row.last > r.last_seen THEN row.last
                       ELSE r.last_seen END,
    r.as_of = CASE WHEN row.last IS NULL THEN r.as_of
                   WHEN r.as_of IS NULL OR row.last > r.as_of THEN row.last
                   ELSE r.as_of END
WITH r, row
WHERE size(row.sample) > 0
  AND (size(r.sentences) < $sample OR row.sample[0].date >= r.sentence_dates[size(r.sentences) - 1])
WITH r, row,
     [i IN range(0, size(r.sentences) - 1) | {sentence: r.sentences[i], doc: r.sentence_docs[i],
                                              date: r.sentence_dates[i], span: r.sentence_spans[i]}]
     + row.sample AS candidates
CALL (candidates) {
  UNWIND candidates AS c
  WITH c ORDER BY c.date DESC, c.doc, c.span
  LIMIT $sample
  RETURN collect(c) AS top
}
SET r.sentences = [c IN top | c.sentence],
    r.sentence_docs = [c IN top | c.doc],
    r.sentence_dates = [c IN top | c.date],
    r.sentence_spans = [c IN top | c.span]
