// Meetings in a date range
// Meetings held (or, when the text gives no date, first reported) between two ISO dates,
// inclusive, with organisers, chairs, attendees and the documents reporting them.
:param from => '2023-01-01';
:param to => '2024-12-31';
MATCH (m:Meeting)
WITH m, coalesce(m.date, m.first_seen) AS date
WHERE date IS NOT NULL AND date >= $from AND date <= $to
RETURN date,
       m.name AS meeting,
       CASE WHEN m.date IS NULL THEN 'reported' ELSE 'held' END AS date_kind,
       COLLECT { MATCH (o:Agency)-[:ORGANIZED]->(m) RETURN o.name } AS organizers,
       COLLECT { MATCH (p:Person)-[:CHAIRED]->(m) RETURN p.name } AS chairs,
       COLLECT { MATCH (p:Person)-[:ATTENDED]->(m) RETURN p.name } AS attendees,
       COLLECT { MATCH (d:Document)-[:MENTIONS]->(m) RETURN coalesce(d.title, d.key) } AS documents
ORDER BY date, meeting
