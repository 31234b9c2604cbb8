// Likely duplicate entities, for review
// Pairs of entities with the same label whose names are near-identical: equal ignoring case,
// spaces and hyphens, one containing the other, or one's name written as the other's alias (a
// bare head such as 'Tổng cục' or 'hội nghị' that many entities carry as an alias does not count).
// Merge true duplicates upstream (lexicons) rather than in the graph.
:param min_length => 4;
MATCH (a), (b)
WHERE a:Person|Rank|Agency|Resolution|Program|Meeting AND labels(a) = labels(b) AND a.key < b.key
WITH a, b,
     toLower(a.name) AS an, toLower(b.name) AS bn,
     [x IN [a.name] + coalesce(a.aliases, []) | toLower(x)] AS aforms,
     [x IN [b.name] + coalesce(b.aliases, []) | toLower(x)] AS bforms
WITH a, b, an, bn, aforms, bforms,
     replace(replace(replace(replace(an, ' ', ''), '-', ''), '.', ''), ',', '') AS asquash,
     replace(replace(replace(replace(bn, ' ', ''), '-', ''), '.', ''), ',', '') AS bsquash
WITH a, b, CASE
       WHEN an = bn THEN 'same name, other case'
       WHEN asquash = bsquash THEN 'same name without spaces or hyphens'
       WHEN size(an) >= $min_length AND size(bn) >= $min_length AND (an CONTAINS bn OR bn CONTAINS an)
         THEN 'one name contains the other'
       WHEN size(an) >= $min_length AND an IN bforms THEN 'name is an alias of the other'
       WHEN size(bn) >= $min_length AND bn IN aforms THEN 'name is an alias of the other'
     END AS reason
WHERE reason IS NOT NULL
RETURN labels(a)[0] AS label, a.name AS name_a, b.name AS name_b, reason,
       a.key AS key_a, b.key AS key_b,
       coalesce(a.mention_count, 0) AS mentions_a, coalesce(b.mention_count, 0) AS mentions_b
ORDER BY label, reason, name_a
