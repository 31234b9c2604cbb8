// What each document states, one Evidence node per document and relationship:
// (:Document)-[:STATES]->(:Evidence {fact, sentences, spans}), `fact` being the relationship's
// `key` and spans[i] ("start:end" in the document's text) where sentences[i] is. The documents
// are new in this transaction (an earlier version is forgotten first): nothing needs merging.
CYPHER replan=skip
UNWIND $rows AS row
MATCH (d:Document {key: row.doc})
CREATE (d)-[:STATES]->(:Evidence {fact: row.fact, type: row.type, sentences: row.sentences,
                                  spans: row.spans})
