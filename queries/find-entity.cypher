// Find an entity by name
// Entities of any label (or of `label`, e.g. 'Agency') whose key, name or alias matches `name`
// — case-insensitive, with or without diacritics (`phan van giang`), any part of the name — exact
// matches first, then the most mentioned, with their keys and English names.
:param name => 'tổng cục';
:param label => '';
WITH toLower(trim($name)) AS wanted
MATCH (e)
WHERE e:Person|Rank|Agency|Resolution|Program|Meeting AND ($label = '' OR toLower($label) IN [l IN labels(e) | toLower(l)])
  AND (e.key = wanted OR toLower(e.name) CONTAINS wanted OR e.name_folded CONTAINS wanted
       OR any(alias IN coalesce(e.aliases, []) WHERE toLower(alias) CONTAINS wanted)
       OR any(alias IN coalesce(e.aliases_folded, []) WHERE alias CONTAINS wanted))
WITH e, wanted, (toLower(e.name) = wanted OR e.key = wanted OR e.name_folded = wanted) AS exact
RETURN labels(e)[0] AS label, e.name AS name, e.name_en AS name_en, e.key AS key,
       e.aliases AS aliases, coalesce(e.mention_count, 0) AS mentions,
       coalesce(e.document_count, 0) AS documents, e.first_seen AS first_seen,
       e.last_seen AS last_seen, exact, e
ORDER BY exact DESC, mentions DESC, name
LIMIT 50
