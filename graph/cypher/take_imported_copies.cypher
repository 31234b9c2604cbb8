// After a bulk import (`graph.bulk`): the next $limit exact copies it carried as `ImportedCopy`
// nodes, in the order a transactional load adds them (`order`), as rows for `add_copies`; the
// nodes are deleted, and the caller adds the rows in the same transaction.
MATCH (c:ImportedCopy)
WITH c ORDER BY c.order LIMIT $limit
WITH collect(c {.hash, .key, .source}) AS rows, collect(c) AS taken
FOREACH (c IN taken | DELETE c)
RETURN rows
