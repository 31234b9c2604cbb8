// The whole graph, capped
// The `limit` most-mentioned entities and the stated relationships among them (documents, evidence and
// mentions left out), with `total`, the number of entities in the graph. What `kg view` draws.
:param limit => 300;
MATCH (x:Person|Rank|Agency|Resolution|Program|Meeting)
WITH count(x) AS total
MATCH (n:Person|Rank|Agency|Resolution|Program|Meeting)
WITH total, n ORDER BY coalesce(n.mention_count, 0) DESC, n.key LIMIT $limit
WITH total, collect(n) AS kept
UNWIND kept AS n
OPTIONAL MATCH (n)-[r]->(m) WHERE m IN kept
RETURN n, r, m, total
