// Create entities of one label, or add one batch's uses to them. Each row sums what the batch's
// documents say of one entity; those documents are new to it (a document's earlier contribution is
// always forgotten first), so counts and dates are simply added to and widened.
// name_forms[i] was written name_uses[i] times; all_names holds every surface form seen.
CYPHER replan=skip
UNWIND $rows AS row
MERGE (e:__LABEL__ {key: row.key})
// Lock the node before reading it, or a concurrent load's update is lost.
SET e._lock = true
REMOVE e._lock
WITH e, row, coalesce(e.name_forms, []) AS forms, coalesce(e.name_uses, []) AS uses,
     coalesce(e.all_names, []) AS names
SET e.name_forms = forms + [f IN row.forms WHERE NOT f IN forms],
    e.name_uses = [i IN range(0, size(forms) - 1) |
                     uses[i] + reduce(n = 0, j IN range(0, size(row.forms) - 1) |
                                      n + CASE WHEN row.forms[j] = forms[i] THEN row.uses[j] ELSE 0 END)]
                  + [j IN range(0, size(row.forms) - 1) WHERE NOT row.forms[j] IN forms | row.uses[j]],
    e.all_names = names + [n IN row.names WHERE NOT n IN names],
    e.mention_count = coalesce(e.mention_count, 0) + row.count,
    e.document_count = coalesce(e.document_count, 0) + row.documents,
    e.first_seen = CASE WHEN row.first IS NULL THEN e.first_seen
                        WHEN e.first_seen IS NULL OR row.first < e.first_seen THEN row.first
                        ELSE e.first_seen END,
    e.last_seen = CASE WHEN row.last IS NULL THEN e.last_seen
                       WHEN e.last_seen IS NULL OR row.last > e.last_seen THEN row.last
                       ELSE e.last_seen END,
    e.date = CASE WHEN row.date IS NULL THEN e.date
                  WHEN e.date IS NULL OR row.date < e.date THEN row.date
                  ELSE e.date END
// Rank, Agency: the English name from the lexicon, when it has one.
SET e.name_en = coalesce(row.name_en, e.name_en)
