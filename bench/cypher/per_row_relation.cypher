// Baseline: one relationship row, in its own transaction.
MATCH (s:__SOURCE__ {key: $source})
MATCH (t:__TARGET__ {key: $target})
MERGE (s)-[r:__TYPE__ {title: $title}]->(t)
ON CREATE SET r.docs = [], r.sentences = [], r.spans = []
SET r.docs = r.docs + $docs, r.sentences = r.sentences + $sentences, r.spans = r.spans + $spans
