// Delete one Document node (its MENTIONS must already be gone).
CYPHER replan=skip
MATCH (d:Document {key: $doc})
DETACH DELETE d
RETURN count(d) AS deleted
