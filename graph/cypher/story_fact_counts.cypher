// As `story_entity_counts`, for the relationships the documents state (through their Evidence
// nodes): by how much each relationship's `document_count` changes, for `story_relation_counts`.
CYPHER replan=skip
UNWIND $rows AS row
MATCH (:Document {key: row.key})-[:STATES]->(ev:Evidence)
WITH ev.type AS type, ev.fact AS fact, count(DISTINCT row.new) - count(DISTINCT row.old) AS delta
WHERE delta <> 0
RETURN type, fact, delta ORDER BY type, fact
