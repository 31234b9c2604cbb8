// Stories were re-derived: each row is one document of the changed stories with its `old` and
// `new` story. An entity's `document_count` counts stories, so it changes by how many distinct
// new stories minus distinct old ones mention it (the stories of other documents are untouched).
// Entities are locked in label and key order before they are read.
CYPHER replan=skip
UNWIND $rows AS row
MATCH (:Document {key: row.key})-[:MENTIONS]->(e)
WITH e, count(DISTINCT row.new) - count(DISTINCT row.old) AS delta
WHERE delta <> 0
WITH e, delta ORDER BY labels(e)[0], e.key
SET e._lock = true
REMOVE e._lock
SET e.document_count = e.document_count + delta
