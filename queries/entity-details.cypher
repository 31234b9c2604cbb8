// Details of entities
// The ranks (latest first) and positions, in Vietnamese and English, and a few sentences naming each
// entity with one of the given keys — what the tooltips of `kg view` show. Find keys with
// `find-entity`.
:param keys => ['nguyễn văn thạch', 'tổng cục kỹ thuật'];
MATCH (e)
WHERE e.key IN $keys AND e:Person|Rank|Agency|Resolution|Program|Meeting
RETURN labels(e)[0] AS label, e.key AS key, e.name AS name,
       COLLECT { MATCH (e)-[h:HAS_RANK]->(r:Rank) RETURN r.name
                 ORDER BY coalesce(h.last_seen, '') DESC, h.evidence_count DESC } AS ranks,
       COLLECT { MATCH (e)-[h:HAS_RANK]->(r:Rank) RETURN coalesce(r.name_en, r.name)
                 ORDER BY coalesce(h.last_seen, '') DESC, h.evidence_count DESC } AS ranks_en,
       COLLECT { MATCH (e)-[h:HOLDS_POSITION]->(a:Agency)
                 RETURN h.title + ', ' + a.name + coalesce(' (as of ' + coalesce(h.as_of, h.last_seen) + ')', '')
                 ORDER BY coalesce(h.as_of, h.last_seen, '') DESC, h.evidence_count DESC } AS positions,
       COLLECT { MATCH (e)-[h:HOLDS_POSITION]->(a:Agency)
                 RETURN coalesce(h.title_en, h.title) + ', ' + coalesce(a.name_en, a.name)
                        + coalesce(' (as of ' + coalesce(h.as_of, h.last_seen) + ')', '')
                 ORDER BY coalesce(h.as_of, h.last_seen, '') DESC, h.evidence_count DESC } AS positions_en,
       COLLECT { MATCH (d:Document)-[m:MENTIONS]->(e) UNWIND m.sentences AS sentence
                 RETURN sentence LIMIT 3 } AS sentences
ORDER BY label, name
