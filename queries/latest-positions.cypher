// Latest known position of each person
// For each person, the position stated by the most recent article (ties: the best-evidenced),
// the other posts that same article gives (people often hold several at once: "Ủy viên Bộ Chính
// trị, Phó Bí thư Quân ủy Trung ương, Bộ trưởng Bộ Quốc phòng"), the rank, and how many other
// positions the graph knows. `name` narrows; '' lists everyone.
:param name => '';
MATCH (p:Person)-[h:HOLDS_POSITION]->(a:Agency)
WHERE toLower(p.name) CONTAINS toLower(trim($name)) OR p.key = toLower(trim($name))
WITH p, h, a ORDER BY coalesce(h.as_of, h.last_seen, '') DESC, h.evidence_count DESC, a.name
WITH p, collect({title: h.title, agency: a.name, as_of: coalesce(h.as_of, h.last_seen),
                 sentence: h.sentences[0]}) AS positions
RETURN p.name AS person,
       COLLECT { MATCH (p)-[:HAS_RANK]->(r:Rank) RETURN r.name }[0] AS rank,
       positions[0].title AS position,
       positions[0].agency AS agency,
       positions[0].as_of AS as_of,
       [x IN positions[1..] WHERE coalesce(x.as_of, '') = coalesce(positions[0].as_of, '') | x.title + ' ' + x.agency] AS also_then,
       size(positions) - 1 AS other_positions,
       positions[0].sentence AS evidence
ORDER BY person
