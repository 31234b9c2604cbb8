// The evidence behind a relationship
// Every sentence stating a relationship between two entities, with its document, date and span
// (characters in the document's text): the relationship's Evidence nodes, found by its `key`.
// `type` narrows to one type (e.g. 'HOLDS_POSITION'); '' means any. Names match the key, any
// part of the name (case-insensitive) or an alias.
:param source => 'Nguyễn Văn Thạch';
:param target => 'Tổng cục Kỹ thuật';
:param type => '';
MATCH (s)-[r]->(t)
WHERE s:Person|Rank|Agency|Resolution|Program|Meeting AND type(r) <> 'MENTIONS'
  AND ($type = '' OR type(r) = toUpper(trim($type)))
  AND (s.key = toLower(trim($source)) OR toLower(s.name) CONTAINS toLower(trim($source))
       OR any(alias IN coalesce(s.aliases, []) WHERE toLower(alias) = toLower(trim($source))))
  AND (t.key = toLower(trim($target)) OR toLower(t.name) CONTAINS toLower(trim($target))
       OR any(alias IN coalesce(t.aliases, []) WHERE toLower(alias) = toLower(trim($target))))
MATCH (d:Document)-[:STATES]->(ev:Evidence {fact: r.key})
UNWIND range(0, size(ev.sentences) - 1) AS i
RETURN s.name AS source, type(r) AS relationship, r.title AS title, t.name AS target,
       coalesce(d.title, d.key) AS document, d.key AS doc, d.date AS date,
       ev.sentences[i] AS sentence, ev.spans[i] AS span
ORDER BY source, relationship, target, doc, span
