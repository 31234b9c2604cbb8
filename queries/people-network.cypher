// Co-occurrence network of people
// Pairs of people named in the same documents or present at the same meetings, strongest first;
// returns the pairs as rows (view them with `kg view --query people-network`).
:param min_documents => 1;
:param limit => 100;
MATCH (a:Person)<-[:MENTIONS]-(d:Document)-[:MENTIONS]->(b:Person)
WHERE a.key < b.key
WITH a, b, collect(DISTINCT coalesce(d.title, d.key)) AS documents
WHERE size(documents) >= $min_documents
WITH a, b, documents,
     COLLECT { MATCH (a)-[:CHAIRED|ATTENDED|SPOKE_AT]->(m:Meeting)<-[:CHAIRED|ATTENDED|SPOKE_AT]-(b)
               RETURN DISTINCT m.name } AS shared_meetings
RETURN a.name AS person_a, b.name AS person_b,
       size(documents) AS shared_documents, size(shared_meetings) AS meetings_together,
       shared_meetings, documents, a, b
ORDER BY shared_documents + meetings_together DESC, person_a, person_b
LIMIT $limit
