// Timeline of an agency
// The people who held an agency's positions, as dated by the articles that state them (one item
// per article; an article without a date is dated by the latest meeting it reports), and the
// meetings it organized (dated by the meeting, else by the article), each with its evidence
// sentence and document; `dated_by` says which — what `kg timeline --agency` draws. Find the
// key with `find-entity`.
:param key => 'tổng cục kỹ thuật';
MATCH (a:Agency {key: $key})
CALL (a) {
  MATCH (a)<-[r:HOLDS_POSITION]-(p:Person)
  MATCH (d:Document)-[:STATES]->(ev:Evidence {fact: r.key})
  RETURN p.name AS lane, type(r) AS kind, r.title AS label, coalesce(r.title_en, r.title) AS label_en,
         null AS date, ev, d
  UNION ALL
  MATCH (a)-[r:ORGANIZED]->(m:Meeting)
  MATCH (d:Document)-[:STATES]->(ev:Evidence {fact: r.key})
  RETURN 'Meetings organized' AS lane, type(r) AS kind, m.name AS label,
         coalesce(m.name_en, m.name) AS label_en, m.date AS date, ev, d
}
WITH a, lane, kind, label, label_en, date, ev, d,
     COLLECT { MATCH (d)-[m:MENTIONS]->(:Meeting) WHERE m.date IS NOT NULL
               RETURN m.date ORDER BY m.date DESC }[0] AS reported
WITH a, lane, kind, label, label_en, ev, d,
     CASE WHEN date IS NOT NULL THEN [date, 'meeting']
          WHEN d.date IS NOT NULL THEN [d.date, 'article']
          WHEN reported IS NOT NULL THEN [reported, 'meeting reported']
          ELSE [null, null] END AS dated
RETURN lane, kind, label, label_en, dated[0] AS date, dated[1] AS dated_by,
       ev.sentences[0] AS sentence, d.key AS document,
       d.title AS document_title, d.date AS document_date, a.name AS subject
ORDER BY date, lane, label, document
