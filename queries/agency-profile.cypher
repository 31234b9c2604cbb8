// Agency profile
// An agency's people and their positions, the programmes it signed, the resolutions it issued,
// the meetings it organised, the agencies it belongs to or that belong to it, and its documents.
// `name` matches the key, any part of the name (case-insensitive, diacritics optional) or an
// alias; ranks, positions and agencies also in English where the lexicon has them.
:param name => 'Tổng cục Kỹ thuật';
MATCH (a:Agency)
WHERE a.key = toLower(trim($name)) OR toLower(a.name) CONTAINS toLower(trim($name))
   OR any(alias IN coalesce(a.aliases, []) WHERE toLower(alias) = toLower(trim($name)))
   OR a.name_folded CONTAINS toLower(trim($name))
RETURN a.name AS agency,
       a.key AS key,
       a.name_en AS name_en,
       COLLECT { MATCH (p:Person)-[h:HOLDS_POSITION]->(a)
                 RETURN h.title + ': ' + p.name + coalesce(' (as of ' + coalesce(h.as_of, h.last_seen) + ')', '')
                 ORDER BY h.title, p.name } AS people,
       COLLECT { MATCH (p:Person)-[h:HOLDS_POSITION]->(a)
                 RETURN coalesce(h.title_en, h.title) + ': ' + p.name
                        + coalesce(' (as of ' + coalesce(h.as_of, h.last_seen) + ')', '')
                 ORDER BY h.title, p.name } AS people_en,
       COLLECT { MATCH (a)-[:SIGNED]->(g:Program) RETURN g.name } AS programs_signed,
       COLLECT { MATCH (a)-[:ISSUED]->(r:Resolution) RETURN r.name } AS resolutions_issued,
       COLLECT { MATCH (a)-[:ORGANIZED]->(m:Meeting)
                 RETURN m.name + coalesce(' (' + coalesce(m.date, m.first_seen) + ')', '') } AS meetings_organized,
       COLLECT { MATCH (a)-[:PART_OF]->(up:Agency) RETURN up.name } AS part_of,
       COLLECT { MATCH (down:Agency)-[:PART_OF]->(a) RETURN down.name } AS units,
       COLLECT { MATCH (d:Document)-[:MENTIONS]->(a)
                 RETURN coalesce(d.title, d.key) + coalesce(' [' + d.date + ']', '')
                 ORDER BY coalesce(d.date, '') DESC } AS documents,
       a.mention_count AS mentions
ORDER BY mentions DESC, agency
