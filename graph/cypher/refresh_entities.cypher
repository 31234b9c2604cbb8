// After documents were forgotten: recompute from the remaining MENTIONS what `merge_entities`
// adds up incrementally (then `finish_entities` derives the name and aliases). `document_count`
// counts a story once (documents linked by SAME_STORY share their `story`).
CYPHER replan=skip
UNWIND $keys AS key
MATCH (locked:__LABEL__ {key: key})
SET locked._lock = true
REMOVE locked._lock
WITH key
MATCH (e:__LABEL__ {key: key})
CALL (e) {
  MATCH (e)<-[:MENTIONS]-(d:Document)
  RETURN count(DISTINCT coalesce(d.story, d.key)) AS stories
}
MATCH (e)<-[m:MENTIONS]-(d:Document)
WITH e, stories, m.name AS form, sum(m.count) AS uses, collect(m) AS ms, collect(d) AS ds
WITH e, stories, collect(form) AS forms, collect(uses) AS uses,
     reduce(acc = [], x IN collect(ms) | acc + x) AS ms,
     reduce(acc = [], x IN collect(ds) | acc + x) AS ds
WITH e, stories, forms, uses, ms, ds,
     [d IN ds WHERE d.date IS NOT NULL | d.date] AS dates,
     [m IN ms WHERE m.date IS NOT NULL | m.date] AS events
SET e.name_forms = forms,
    e.name_uses = uses,
    e.all_names = reduce(acc = [], m IN ms | acc + [n IN m.names WHERE NOT n IN acc]),
    e.mention_count = reduce(s = 0, u IN uses | s + u),
    e.document_count = stories,
    e.first_seen = reduce(x = null, v IN dates | CASE WHEN x IS NULL OR v < x THEN v ELSE x END),
    e.last_seen = reduce(x = null, v IN dates | CASE WHEN x IS NULL OR v > x THEN v ELSE x END),
    e.date = reduce(x = null, v IN events | CASE WHEN x IS NULL OR v < x THEN v ELSE x END)
