// Remove one document's MENTIONS; return the entities it mentioned, so that the caller can
// delete those now mentioned by no document and refresh the rest.
CYPHER replan=skip
MATCH (d:Document {key: $doc})-[m:MENTIONS]->(e)
WITH e, m, labels(e)[0] AS label
DELETE m
RETURN label, e.key AS key
