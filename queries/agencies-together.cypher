// Agencies working together
// Pairs of agencies that co-signed a programme, co-organised a meeting, issued the same
// resolution, or whose people attended the same meeting — with what links them.
:param limit => 100;
CALL () {
  MATCH (a:Agency)-[:SIGNED]->(x:Program)<-[:SIGNED]-(b:Agency)
  WHERE a.key < b.key
  RETURN a, b, 'co-signed' AS how, x.name AS via
  UNION
  MATCH (a:Agency)-[:ORGANIZED]->(x:Meeting)<-[:ORGANIZED]-(b:Agency)
  WHERE a.key < b.key
  RETURN a, b, 'co-organised' AS how, x.name AS via
  UNION
  MATCH (a:Agency)-[:ISSUED]->(x:Resolution)<-[:ISSUED]-(b:Agency)
  WHERE a.key < b.key
  RETURN a, b, 'co-issued' AS how, x.name AS via
  UNION
  MATCH (a:Agency)<-[:HOLDS_POSITION]-(p:Person)-[:CHAIRED|ATTENDED|SPOKE_AT]->(x:Meeting)
        <-[:CHAIRED|ATTENDED|SPOKE_AT]-(q:Person)-[:HOLDS_POSITION]->(b:Agency)
  // two different people: one person holding posts in both agencies is no meeting between them
  WHERE a.key < b.key AND p <> q
  RETURN a, b, 'people met' AS how, x.name AS via
}
WITH a, b, collect(DISTINCT how) AS ways, collect(DISTINCT via) AS through
RETURN a.name AS agency_a, b.name AS agency_b, ways, through, size(through) AS links
ORDER BY links DESC, agency_a, agency_b
LIMIT $limit
