// Delete up to 5,000 nodes with their relationships (a wipe runs it until it deletes none).
MATCH (n)
WITH n LIMIT 5000
DETACH DELETE n
