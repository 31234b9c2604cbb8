// Baseline: one relationship stated by one document, in its own transaction: the relationship is
// merged and counted, and the document's Evidence node for it created (as `Store.write` stores it).
MATCH (s:__SOURCE__ {key: $source})
MATCH (t:__TARGET__ {key: $target})
MATCH (d:Document {key: $doc})
MERGE (s)-[r:__TYPE__ {title: $title}]->(t)
ON CREATE SET r.key = $fact
SET r.evidence_count = coalesce(r.evidence_count, 0) + size($sentences),
    r.document_count = coalesce(r.document_count, 0) + 1
CREATE (d)-[:STATES]->(:Evidence {fact: $fact, type: $type, sentences: $sentences, spans: $spans})
