// Shortest connection between two people
// The shortest chain of stated facts linking two people (positions, meetings, signatures,
// resolutions; a shared rank does not count, nor being named in the same article).
// Names match the key, any part of the name (case-insensitive) or an alias.
:param from_person => 'Nguyễn Văn Thạch';
:param to_person => 'Trần Thanh Hải';
MATCH (a:Person), (b:Person)
WHERE a <> b
  AND (a.key = toLower(trim($from_person)) OR toLower(a.name) CONTAINS toLower(trim($from_person)))
  AND (b.key = toLower(trim($to_person)) OR toLower(b.name) CONTAINS toLower(trim($to_person)))
MATCH path = shortestPath((a)-[:CHAIRED|ATTENDED|SPOKE_AT|SIGNED|ISSUED|ORGANIZED|HOLDS_POSITION|PART_OF|IMPLEMENTS*..12]-(b))
RETURN a.name AS from_person, b.name AS to_person, length(path) AS steps,
       reduce(chain = a.name, i IN range(0, length(path) - 1) |
              chain + ' -[' + type(relationships(path)[i]) + ']- ' + nodes(path)[i + 1].name) AS chain,
       path
ORDER BY steps, from_person, to_person
