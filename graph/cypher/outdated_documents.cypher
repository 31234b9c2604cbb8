// Documents written in another storage layout than this version's ($layout; documents from
// before layouts were numbered have none), with one example key for the message.
MATCH (d:Document)
WHERE coalesce(d.layout, 0) <> $layout
RETURN count(d) AS count, min(d.key) AS example
