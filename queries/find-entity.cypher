// Find an entity by name
// Entities of any label (or of `label`, e.g. 'Agency') whose key, name or alias matches `name`
// — case-insensitive, any part of the name — most mentioned first, with their keys.
:param name => 'tổng cục';
:param label => '';
MATCH (e)
WHERE e:Person|Rank|Agency|Resolution|Program|Meeting AND ($label = '' OR toLower($label) IN [l IN labels(e) | toLower(l)])
  AND (e.key = toLower(trim($name)) OR toLower(e.name) CONTAINS toLower(trim($name))
       OR any(alias IN coalesce(e.aliases, []) WHERE toLower(alias) CONTAINS toLower(trim($name))))
RETURN labels(e)[0] AS label, e.name AS name, e.key AS key, e.aliases AS aliases,
       coalesce(e.mention_count, 0) AS mentions, coalesce(e.document_count, 0) AS documents,
       e.first_seen AS first_seen, e.last_seen AS last_seen, e
ORDER BY (toLower(e.name) = toLower(trim($name)) OR e.key = toLower(trim($name))) DESC,
         mentions DESC, name
LIMIT 50
