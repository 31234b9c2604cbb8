// Documents that may tell the same story as a group of new ones: those sharing at least one band
// of their MinHash signatures (`story_bands`, through the `document_bands` full-text index; one
// query per group of documents, its bands joined). The caller matches each candidate to the new
// documents it shares a band with and compares whole signatures before linking any.
CYPHER replan=skip
UNWIND $groups AS bands
CALL db.index.fulltext.queryNodes('document_bands', bands) YIELD node
RETURN DISTINCT node.key AS key, node.minhash AS signature, node.date AS date, node.story_bands AS bands
