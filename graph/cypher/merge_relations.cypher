// Create relationships of one type between two labels, appending each row's evidence.
// `title` is part of the identity (HOLDS_POSITION: the position; "" for other types).
UNWIND $rows AS row
MATCH (s:__SOURCE__ {key: row.source})
MATCH (t:__TARGET__ {key: row.target})
MERGE (s)-[r:__TYPE__ {title: row.title}]->(t)
ON CREATE SET r.docs = [], r.dates = [], r.sentences = [], r.spans = []
SET r.docs = r.docs + row.docs,
    r.dates = r.dates + row.dates,
    r.sentences = r.sentences + row.sentences,
    r.spans = r.spans + row.spans
