// Events per month by kind
// How many meetings, programmes and resolutions each month brought: a meeting by its own date
// (else the first article naming it), a programme or resolution by the first article naming it.
// Months from `from` to `to` (yyyy-mm), inclusive; '' for no bound.
:param from => '';
:param to => '';
MATCH (e:Meeting|Program|Resolution)
WITH e, CASE WHEN e:Meeting THEN coalesce(e.date, e.first_seen) ELSE e.first_seen END AS date
WITH labels(e)[0] AS kind, substring(date, 0, 7) AS month
WHERE month IS NOT NULL AND ($from = '' OR month >= $from) AND ($to = '' OR month <= $to)
RETURN month, kind, count(*) AS events
ORDER BY month, kind
