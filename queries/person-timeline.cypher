// Timeline of a person
// A person's ranks and positions as dated by the articles that state them (one item per article;
// an article without a date is dated by the latest meeting it reports), and the meetings the
// person chaired, attended or spoke at (dated by the meeting, else by the article), each with its
// evidence sentence and document; `dated_by` says which — what `kg timeline --person` draws.
// Find the key with `find-entity`.
:param key => 'nguyễn văn thạch';
MATCH (p:Person {key: $key})-[r:HAS_RANK|HOLDS_POSITION|CHAIRED|ATTENDED|SPOKE_AT]->(x)
MATCH (d:Document)-[:STATES]->(ev:Evidence {fact: r.key})
WITH p, r, x, d, ev,
     CASE type(r) WHEN 'HAS_RANK' THEN 'Rank' WHEN 'HOLDS_POSITION' THEN 'Position'
                  ELSE 'Meeting' END AS lane,
     COLLECT { MATCH (d)-[m:MENTIONS]->(:Meeting) WHERE m.date IS NOT NULL
               RETURN m.date ORDER BY m.date DESC }[0] AS reported
WITH p, r, x, d, ev, lane,
     CASE WHEN x:Meeting AND x.date IS NOT NULL THEN [x.date, 'meeting']
          WHEN d.date IS NOT NULL THEN [d.date, 'article']
          WHEN reported IS NOT NULL THEN [reported, 'meeting reported']
          ELSE [null, null] END AS dated
RETURN lane, type(r) AS kind,
       CASE lane WHEN 'Position' THEN r.title + ', ' + x.name ELSE x.name END AS label,
       CASE lane WHEN 'Position' THEN coalesce(r.title_en, r.title) + ', ' + coalesce(x.name_en, x.name)
                 ELSE coalesce(x.name_en, x.name) END AS label_en,
       dated[0] AS date, dated[1] AS dated_by,
       ev.sentences[0] AS sentence, d.key AS document, d.title AS document_title,
       d.date AS document_date, p.name AS subject
ORDER BY date, lane, label, document
