// Derive an entity's display name (the form used most; ties: the first in alphabetical order),
// aliases and search text from its name forms, and keep those lists in a stable order.
CYPHER replan=skip
UNWIND $keys AS key
MATCH (e:__LABEL__ {key: key})
SET e._lock = true
REMOVE e._lock
WITH e
CALL (e) {
  UNWIND range(0, size(e.name_forms) - 1) AS i
  WITH i ORDER BY e.name_uses[i] DESC, e.name_forms[i]
  RETURN collect(i) AS order
}
CALL (e) {
  UNWIND e.all_names AS n
  WITH n ORDER BY n
  RETURN collect(n) AS names
}
WITH e, order, names, e.name_forms[order[0]] AS name
SET e.name_forms = [i IN order | e.name_forms[i]],
    e.name_uses = [i IN order | e.name_uses[i]],
    e.all_names = names,
    e.name = name,
    e.aliases = [n IN names WHERE n <> name],
    e.search_names = reduce(s = '', n IN names | s + ' ' + n)
// What the store folds into the search forms (fold_entities).
RETURN e.key AS key, e.name AS name, e.aliases AS aliases
