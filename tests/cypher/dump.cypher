// The whole graph as sorted rows, to compare two graphs in tests. An Evidence node has no key of
// its own: it is named by its document and the relationship key it supports.
CALL () {
  MATCH (n) WHERE NOT n:Evidence
  RETURN 'N' AS kind, labels(n)[0] + ':' + n.key AS id, properties(n) AS props
  UNION ALL
  MATCH (d:Document)-[:STATES]->(n:Evidence)
  RETURN 'N' AS kind, 'Evidence:' + d.key + '|' + n.fact AS id, properties(n) AS props
  UNION ALL
  MATCH (a)-[r]->(b)
  RETURN 'R' AS kind, labels(a)[0] + ':' + a.key + '-' + type(r) + '/' + coalesce(r.title, '') + '->' +
         CASE WHEN b:Evidence THEN 'Evidence:' + a.key + '|' + b.fact ELSE labels(b)[0] + ':' + b.key END AS id,
         properties(r) AS props
}
RETURN kind, id, props ORDER BY kind, id
