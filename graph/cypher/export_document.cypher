// One document as the exchange format needs it: its entities (with the name it used) and the
// relationships it states, with its own evidence sentences (from its Evidence nodes).
MATCH (d:Document {key: $doc})
OPTIONAL MATCH (d)-[m:MENTIONS]->(e)
WITH d, collect(e) AS mentioned,
     collect({label: labels(e)[0], key: e.key, name: m.name, names: m.names, date: e.date}) AS entities
OPTIONAL MATCH (d)-[:STATES]->(ev:Evidence)
WITH d, mentioned, entities, collect(ev) AS stated
CALL (d, mentioned, stated) {
  UNWIND mentioned AS s
  UNWIND mentioned AS t
  WITH s, t WHERE size(stated) > 0
  MATCH (s)-[r]->(t)
  WITH d, s, r, t, [ev IN stated WHERE ev.fact = r.key] AS mine
  WHERE size(mine) > 0
  RETURN collect({
    type: type(r), title: r.title, as_of: CASE WHEN type(r) = 'HOLDS_POSITION' THEN d.date END,
    source_label: labels(s)[0], source_key: s.key, target_label: labels(t)[0], target_key: t.key,
    sentences: mine[0].sentences, spans: mine[0].spans}) AS relations
}
RETURN d {.key, .title, .date, .url, .outlet, .authors, .source} AS document, entities, relations
