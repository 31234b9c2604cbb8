// Who chaired what — a timeline
// Every meeting someone chaired, oldest first (meetings without a known date last), with the
// chair's rank, the organisers and the sentence that says so.
// `name` narrows to chairs whose name contains it; '' lists everyone.
:param name => '';
MATCH (p:Person)-[c:CHAIRED]->(m:Meeting)
WHERE toLower(p.name) CONTAINS toLower(trim($name)) OR p.key = toLower(trim($name))
RETURN coalesce(m.date, c.first_seen, m.first_seen) AS date,
       p.name AS chair,
       COLLECT { MATCH (p)-[:HAS_RANK]->(r:Rank) RETURN r.name }[0] AS rank,
       m.name AS meeting,
       COLLECT { MATCH (o:Agency)-[:ORGANIZED]->(m) RETURN o.name } AS organizers,
       c.sentences[0] AS evidence,
       c.evidence_count AS sources
ORDER BY date IS NULL, date, chair, meeting
