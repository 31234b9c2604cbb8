// The evidence behind a relationship
// Every sentence stating a relationship between two entities, with its document, date and span
// (characters in the document's text). `type` narrows to one type (e.g. 'HOLDS_POSITION'); ''
// means any. Names match the key, any part of the name (case-insensitive) or an alias.
:param source => 'Trần Minh Đức';
:param target => 'Tổng cục Kỹ thuật';
:param type => '';
MATCH (s)-[r]->(t)
WHERE NOT s:Document AND type(r) <> 'MENTIONS'
  AND ($type = '' OR type(r) = toUpper(trim($type)))
  AND (s.key = toLower(trim($source)) OR toLower(s.name) CONTAINS toLower(trim($source))
       OR any(alias IN coalesce(s.aliases, []) WHERE toLower(alias) = toLower(trim($source))))
  AND (t.key = toLower(trim($target)) OR toLower(t.name) CONTAINS toLower(trim($target))
       OR any(alias IN coalesce(t.aliases, []) WHERE toLower(alias) = toLower(trim($target))))
UNWIND range(0, size(r.docs) - 1) AS i
OPTIONAL MATCH (d:Document {key: r.docs[i]})
RETURN s.name AS source, type(r) AS relationship, r.title AS title, t.name AS target,
       coalesce(d.title, r.docs[i]) AS document, r.docs[i] AS doc,
       CASE WHEN r.dates[i] = '' THEN null ELSE r.dates[i] END AS date,
       r.sentences[i] AS sentence, r.spans[i] AS span
ORDER BY source, relationship, target, doc, span
