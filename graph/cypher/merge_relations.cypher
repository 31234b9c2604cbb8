// Create relationships of one type between two labels, or add one batch's evidence to them.
// `title` is part of the identity (HOLDS_POSITION: the position; "" for other types). Evidence
// lists are parallel: docs[i], dates[i], sentences[i], spans[i] ("start:end" in the document).
UNWIND $rows AS row
MATCH (s:__SOURCE__ {key: row.source})
MATCH (t:__TARGET__ {key: row.target})
MERGE (s)-[r:__TYPE__ {title: row.title}]->(t)
ON CREATE SET r.docs = [], r.dates = [], r.sentences = [], r.spans = []
SET r.docs = r.docs + row.docs,
    r.dates = r.dates + row.dates,
    r.sentences = r.sentences + row.sentences,
    r.spans = r.spans + row.spans,
    r.evidence_count = coalesce(r.evidence_count, 0) + size(row.docs),
    r.first_seen = CASE WHEN row.first IS NULL THEN r.first_seen
                        WHEN r.first_seen IS NULL OR row.first < r.first_seen THEN row.first
                        ELSE r.first_seen END,
    r.last_seen = CASE WHEN row.last IS NULL THEN r.last_seen
                       WHEN r.last_seen IS NULL OR row.last > r.last_seen THEN row.last
                       ELSE r.last_seen END,
    r.as_of = CASE WHEN row.last IS NULL THEN r.as_of
                   WHEN r.as_of IS NULL OR row.last > r.as_of THEN row.last
                   ELSE r.as_of END
