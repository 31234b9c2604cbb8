// Near-copies: (:Document)-[:SAME_STORY {similarity}]->(:Document), from the later document (by
// date, then key) to the earlier one; `similarity` estimates the share of five-word runs they share.
CYPHER replan=skip
UNWIND $rows AS row
MATCH (a:Document {key: row.from})
MATCH (b:Document {key: row.to})
MERGE (a)-[s:SAME_STORY]->(b)
SET s.similarity = row.similarity
