// What one document says
// The relationships a document states, with the first sentence it gave for each (its Evidence
// nodes). `doc` matches the document key (file name) or any part of its title, case-insensitive.
:param doc => '01_tong-cuc-ky-thuat-so-ket-6-thang.txt';
MATCH (d:Document)
WHERE d.key = trim($doc) OR toLower(coalesce(d.title, '')) CONTAINS toLower(trim($doc))
MATCH (d)-[:STATES]->(ev:Evidence)
MATCH (d)-[:MENTIONS]->(s)-[r]->(t)<-[:MENTIONS]-(d)
WHERE r.key = ev.fact
RETURN d.key AS doc, coalesce(d.title, '') AS title, d.date AS date,
       s.name AS source, type(r) AS relationship, r.title AS position, t.name AS target,
       ev.sentences[0] AS evidence, size(ev.sentences) AS times_stated
ORDER BY doc, relationship, source, target
