// What one document says
// The relationships a document supports, with the sentences it gave for each. `doc` matches the
// document key (file name) or any part of its title, case-insensitive.
:param doc => '002_8b07d1821a1a4353.txt';
MATCH (d:Document)
WHERE d.key = trim($doc) OR toLower(coalesce(d.title, '')) CONTAINS toLower(trim($doc))
MATCH (d)-[:MENTIONS]->(s)-[r]->(t)
WHERE type(r) <> 'MENTIONS' AND d.key IN r.docs
WITH d, s, r, t, [i IN range(0, size(r.docs) - 1) WHERE r.docs[i] = d.key | r.sentences[i]] AS sentences
RETURN d.key AS doc, coalesce(d.title, '') AS title, d.date AS date,
       s.name AS source, type(r) AS relationship, r.title AS position, t.name AS target,
       sentences[0] AS evidence, size(sentences) AS times_stated
ORDER BY doc, relationship, source, target
