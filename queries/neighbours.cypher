// Neighbours of entities
// The stated relationships (not mentions) of the entities with the given keys, best-evidenced
// first — one hop of `kg view --person/--agency`. Find keys with `find-entity`.
:param keys => ['nguyễn văn thạch', 'tổng cục kỹ thuật'];
:param limit => 300;
MATCH (n)-[r]-(m)
WHERE n.key IN $keys AND n:Person|Rank|Agency|Resolution|Program|Meeting AND m:Person|Rank|Agency|Resolution|Program|Meeting
RETURN n, r, m
ORDER BY coalesce(r.evidence_count, 0) DESC, coalesce(m.mention_count, 0) DESC, m.key
LIMIT $limit
