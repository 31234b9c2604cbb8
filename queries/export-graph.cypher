// The graph for other tools
// Every entity, and every stated relationship between entities (documents, evidence and mentions
// left out), for `kg export --format graphml|csv`. Rows with no relationship carry only the entity.
:param limit => 1000000;
MATCH (n:Person|Rank|Agency|Resolution|Program|Meeting)
WITH n ORDER BY n.key LIMIT $limit
OPTIONAL MATCH (n)-[r]->(m:Person|Rank|Agency|Resolution|Program|Meeting)
RETURN n, r, m
