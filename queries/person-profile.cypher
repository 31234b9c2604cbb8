// Person profile
// Who a person is in the graph: ranks, positions (with the date of the latest article stating
// each), meetings chaired, attended and spoken at, and the documents that mention them.
// `name` matches the key, any part of the name (case-insensitive, diacritics optional) or an
// alias; ranks, positions and agencies also in English where the lexicon has them.
:param name => 'Nguyễn Văn Thạch';
MATCH (p:Person)
WHERE p.key = toLower(trim($name)) OR toLower(p.name) CONTAINS toLower(trim($name))
   OR any(alias IN coalesce(p.aliases, []) WHERE toLower(alias) = toLower(trim($name)))
   OR p.name_folded CONTAINS toLower(trim($name))
RETURN p.name AS person,
       p.key AS key,
       COLLECT { MATCH (p)-[:HAS_RANK]->(r:Rank) RETURN r.name } AS ranks,
       COLLECT { MATCH (p)-[h:HOLDS_POSITION]->(a:Agency)
                 RETURN h.title + ', ' + a.name + coalesce(' (as of ' + coalesce(h.as_of, h.last_seen) + ')', '')
                 ORDER BY coalesce(h.as_of, h.last_seen, '') DESC, h.evidence_count DESC } AS positions,
       COLLECT { MATCH (p)-[:HAS_RANK]->(r:Rank) RETURN coalesce(r.name_en, r.name) } AS ranks_en,
       COLLECT { MATCH (p)-[h:HOLDS_POSITION]->(a:Agency)
                 RETURN coalesce(h.title_en, h.title) + ', ' + coalesce(a.name_en, a.name)
                        + coalesce(' (as of ' + coalesce(h.as_of, h.last_seen) + ')', '')
                 ORDER BY coalesce(h.as_of, h.last_seen, '') DESC, h.evidence_count DESC } AS positions_en,
       COLLECT { MATCH (p)-[:CHAIRED]->(m:Meeting)
                 RETURN m.name + coalesce(' (' + coalesce(m.date, m.first_seen) + ')', '')
                 ORDER BY coalesce(m.date, m.first_seen, '') } AS chaired,
       COLLECT { MATCH (p)-[:ATTENDED]->(m:Meeting)
                 RETURN m.name + coalesce(' (' + coalesce(m.date, m.first_seen) + ')', '')
                 ORDER BY coalesce(m.date, m.first_seen, '') } AS attended,
       COLLECT { MATCH (p)-[:SPOKE_AT]->(m:Meeting) RETURN m.name } AS spoke_at,
       COLLECT { MATCH (d:Document)-[:MENTIONS]->(p)
                 RETURN coalesce(d.title, d.key) + coalesce(' [' + d.date + ']', '')
                 ORDER BY coalesce(d.date, '') DESC } AS documents,
       p.mention_count AS mentions
ORDER BY mentions DESC, person
