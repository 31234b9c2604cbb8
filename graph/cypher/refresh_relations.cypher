// After documents were forgotten: recompute the dates of the relationships of the given entities
// from the evidence left.
UNWIND $keys AS key
MATCH (e:__LABEL__ {key: key})-[r]->()
WHERE type(r) <> 'MENTIONS'
WITH DISTINCT r, [x IN r.dates WHERE x <> ''] AS known
SET r.evidence_count = size(r.docs),
    r.first_seen = reduce(m = null, x IN known | CASE WHEN m IS NULL OR x < m THEN x ELSE m END),
    r.last_seen = reduce(m = null, x IN known | CASE WHEN m IS NULL OR x > m THEN x ELSE m END),
    r.as_of = reduce(m = null, x IN known | CASE WHEN m IS NULL OR x > m THEN x ELSE m END)
