// The whole graph as sorted rows, to compare two graphs in tests.
CALL () {
  MATCH (n)
  RETURN 'N' AS kind, labels(n)[0] + ':' + n.key AS id, properties(n) AS props
  UNION ALL
  MATCH (a)-[r]->(b)
  RETURN 'R' AS kind, labels(a)[0] + ':' + a.key + '-' + type(r) + '/' + coalesce(r.title, '') + '->' + labels(b)[0] + ':' + b.key AS id,
         properties(r) AS props
}
RETURN kind, id, props ORDER BY kind, id
