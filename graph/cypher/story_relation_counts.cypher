// Add each row's `delta` to the `document_count` of the relationship of one type whose `key` is
// `row.fact` (see `story_fact_counts`); locked before it is read.
CYPHER replan=skip
UNWIND $rows AS row
MATCH ()-[r:__TYPE__ {key: row.fact}]->()
SET r._lock = true
REMOVE r._lock
SET r.document_count = r.document_count + row.delta
