// The documents linked as the same story to any of the given ones (not those themselves).
UNWIND $docs AS key
MATCH (:Document {key: key})-[:SAME_STORY]-(other:Document)
WHERE NOT other.key IN $docs
RETURN collect(DISTINCT other.key) AS keys
