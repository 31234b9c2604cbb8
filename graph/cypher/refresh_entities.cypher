// Recompute what an entity derives from the documents that mention it: its display name (the
// name used most), aliases, mention and document counts, first and last dates seen.
UNWIND $keys AS key
MATCH (e:__LABEL__ {key: key})<-[m:MENTIONS]-(d:Document)
WITH e, m.name AS name, sum(m.count) AS uses, collect(m) AS ms, collect(d) AS ds
ORDER BY uses DESC, name
WITH e, collect(name)[0] AS name, sum(uses) AS uses,
     reduce(acc = [], x IN collect(ms) | acc + x) AS ms,
     reduce(acc = [], x IN collect(ds) | acc + x) AS ds
WITH e, name, uses, ms, ds,
     reduce(acc = [], m IN ms | acc + [n IN m.names WHERE NOT n IN acc]) AS names,
     [d IN ds WHERE d.date IS NOT NULL AND d.date <> '' | d.date] AS dates,
     [m IN ms WHERE m.date IS NOT NULL AND m.date <> '' | m.date] AS event_dates
SET e.name = name,
    e.aliases = [n IN names WHERE n <> name],
    e.search_names = reduce(s = '', n IN names | s + ' ' + n),
    e.mention_count = uses,
    e.document_count = size(ds),
    e.first_seen = reduce(x = null, v IN dates | CASE WHEN x IS NULL OR v < x THEN v ELSE x END),
    e.last_seen = reduce(x = null, v IN dates | CASE WHEN x IS NULL OR v > x THEN v ELSE x END),
    e.date = CASE WHEN size(event_dates) > 0 THEN event_dates[0] ELSE e.date END
