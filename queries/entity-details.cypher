// Details of entities
// The rank, positions and a few sentences naming each entity with one of the given keys — what
// the tooltips of `kg view` show. Find keys with `find-entity`.
:param keys => ['nguyễn văn thạch', 'tổng cục kỹ thuật'];
MATCH (e)
WHERE e.key IN $keys AND e:Person|Rank|Agency|Resolution|Program|Meeting
RETURN labels(e)[0] AS label, e.key AS key, e.name AS name,
       COLLECT { MATCH (e)-[:HAS_RANK]->(r:Rank) RETURN r.name } AS ranks,
       COLLECT { MATCH (e)-[h:HOLDS_POSITION]->(a:Agency)
                 RETURN h.title + ', ' + a.name + coalesce(' (as of ' + coalesce(h.as_of, h.last_seen) + ')', '')
                 ORDER BY coalesce(h.as_of, h.last_seen, '') DESC, h.evidence_count DESC } AS positions,
       COLLECT { MATCH (d:Document)-[m:MENTIONS]->(e) UNWIND m.sentences AS sentence
                 RETURN sentence LIMIT 3 } AS sentences
ORDER BY label, name
