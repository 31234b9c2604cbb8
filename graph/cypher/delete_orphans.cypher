// Delete the given entities where no document mentions them any more, with their relationships.
UNWIND $keys AS key
MATCH (e:__LABEL__ {key: key})
WHERE NOT (e)<-[:MENTIONS]-(:Document)
DETACH DELETE e
RETURN count(*) AS deleted
