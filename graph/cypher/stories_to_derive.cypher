// After a bulk import (`graph.bulk`), which writes every Document as a story of its own and
// imports the SAME_STORY links between them: up to $limit documents whose story is not derived
// yet — linked to a document with a smaller key, yet still named by their own key. `_restory`
// derives the whole story of each; none is left once every story is derived.
MATCH (d:Document)-[:SAME_STORY]-(other:Document)
WHERE other.key < d.key AND coalesce(d.story, d.key) = d.key
RETURN DISTINCT d.key AS key ORDER BY key LIMIT $limit
