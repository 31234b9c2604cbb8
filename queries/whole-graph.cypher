// The whole graph, capped
// The `limit` most-mentioned entities and the stated relationships among them (documents, evidence and
// mentions left out), with `total`, the number of entities in the graph. What `kg view` draws;
// `ranks` false leaves Rank nodes out (`kg view` shows a person's rank on the person).
:param limit => 300;
:param ranks => true;
MATCH (x:Person|Rank|Agency|Resolution|Program|Meeting)
WHERE $ranks OR NOT x:Rank
WITH count(x) AS total
MATCH (n:Person|Rank|Agency|Resolution|Program|Meeting)
WHERE $ranks OR NOT n:Rank
WITH total, n ORDER BY coalesce(n.mention_count, 0) DESC, n.key LIMIT $limit
WITH total, collect(n) AS kept
UNWIND kept AS n
OPTIONAL MATCH (n)-[r]->(m) WHERE m IN kept
RETURN n, r, m, total
