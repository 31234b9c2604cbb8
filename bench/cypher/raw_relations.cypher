// Baseline: relationships created without any check, between the document's own nodes, each with
// the document's Evidence node for it (the graph model `Store.write` writes, minus idempotency).
UNWIND $rows AS row
MATCH (s:__SOURCE__ {key: row.doc + '|' + row.source})
MATCH (t:__TARGET__ {key: row.doc + '|' + row.target})
MATCH (d:Document {key: row.doc})
CREATE (s)-[:__TYPE__ {title: row.title, key: row.fact, evidence_count: size(row.sentences),
                       document_count: 1, sentences: row.sentences, spans: row.spans}]->(t)
CREATE (d)-[:STATES]->(:Evidence {fact: row.fact, type: row.type, sentences: row.sentences,
                                  spans: row.spans})
