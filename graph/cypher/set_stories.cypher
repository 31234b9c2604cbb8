// Each document's story: the smallest key of the documents it is linked to as near-copies,
// directly or through others (itself when it has none).
CYPHER replan=skip
UNWIND $rows AS row
MATCH (d:Document {key: row.key})
SET d.story = row.new
