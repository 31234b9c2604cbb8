// Delete the given documents' Evidence nodes; return, for each, which relationship it supported
// (between which two of the document's entities) and how much, so that the caller can take it
// off those relationships (`forget_relations`); `story` says the document is one story with others.
UNWIND $docs AS doc
MATCH (d:Document {key: doc})-[:STATES]->(ev:Evidence)
WITH d, ev, ev.fact AS fact, ev.type AS type, size(ev.sentences) AS sentences
DETACH DELETE ev
RETURN type, fact, sentences, d.key AS doc, d.date AS date, EXISTS { (d)-[:SAME_STORY]-() } AS story
