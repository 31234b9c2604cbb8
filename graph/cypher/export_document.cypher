// One document as the exchange format needs it: its entities (with the name it used) and the
// relationships it supports, with the evidence it gave.
MATCH (d:Document {key: $doc})
OPTIONAL MATCH (d)-[m:MENTIONS]->(e)
WITH d, collect({label: labels(e)[0], key: e.key, name: m.name, names: m.names, date: e.date}) AS entities
OPTIONAL MATCH (d)-[:MENTIONS]->(s)-[r]->(t)
WHERE type(r) <> 'MENTIONS' AND $doc IN r.docs
WITH d, entities, r, s, t, [i IN range(0, size(r.docs) - 1) WHERE r.docs[i] = $doc] AS mine
WITH d, entities, collect(CASE WHEN r IS NULL THEN null ELSE {
  type: type(r), title: r.title, as_of: r.as_of,
  source_label: labels(s)[0], source_key: s.key, target_label: labels(t)[0], target_key: t.key,
  sentences: [i IN mine | r.sentences[i]], spans: [i IN mine | r.spans[i]]} END) AS relations
RETURN d {.key, .title, .date, .url, .outlet, .authors, .source} AS document, entities, relations
