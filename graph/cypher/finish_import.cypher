// After a bulk import (`graph.bulk`): set the lists its files cannot express — empty lists, and
// lists of one empty string — which each node and relationship names in `_empty` and `_blank`,
// then remove those names. Auto-commit, in transactions of 10,000.
MATCH (n) WHERE n._empty IS NOT NULL OR n._blank IS NOT NULL
CALL (n) {
  FOREACH (p IN coalesce(n._empty, []) | SET n[p] = [])
  FOREACH (p IN coalesce(n._blank, []) | SET n[p] = [''])
  REMOVE n._empty, n._blank
} IN TRANSACTIONS OF 10000 ROWS;
MATCH ()-[r]->() WHERE r._empty IS NOT NULL OR r._blank IS NOT NULL
CALL (r) {
  FOREACH (p IN coalesce(r._empty, []) | SET r[p] = [])
  FOREACH (p IN coalesce(r._blank, []) | SET r[p] = [''])
  REMOVE r._empty, r._blank
} IN TRANSACTIONS OF 10000 ROWS;
