// Everything tied to one resolution
// Each connection of a resolution (or law, directive): who issued it, what implements it, what it
// implements, and the documents mentioning it, with one evidence sentence each.
// `name` matches the key (e.g. '08-nq/tw'), any part of the name (case-insensitive) or an alias.
:param name => 'Nghị quyết số 08-NQ/TW';
MATCH (r:Resolution)
WHERE r.key = toLower(trim($name)) OR toLower(r.name) CONTAINS toLower(trim($name))
   OR any(alias IN coalesce(r.aliases, []) WHERE toLower(alias) = toLower(trim($name)))
MATCH (r)-[x]-(other)
RETURN r.name AS resolution,
       CASE WHEN startNode(x) = r THEN type(x) ELSE type(x) + ' (by)' END AS relationship,
       labels(other)[0] AS kind,
       coalesce(other.name, other.title, other.key) AS name,
       coalesce(other.date, other.first_seen) AS date,
       coalesce(x.sentences[0], '') AS evidence
ORDER BY resolution, kind = 'Document', relationship, name
