// Delete the given documents' Evidence nodes; return, for each, which relationship it supported
// (between which two of the document's entities) and how much, so that the caller can take it
// off those relationships (`forget_relations`). The documents are stories of their own by now
// (the store detaches them from their near-copies first), so each counts as one document.
CYPHER replan=skip
UNWIND $docs AS doc
MATCH (d:Document {key: doc})-[:STATES]->(ev:Evidence)
WITH d, ev, ev.fact AS fact, ev.type AS type, size(ev.sentences) AS sentences
DETACH DELETE ev
RETURN type, fact, sentences, d.key AS doc, d.date AS date
