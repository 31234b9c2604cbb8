// Delete the given entities where no document mentions them any more, with their relationships.
CYPHER replan=skip
UNWIND $keys AS key
MATCH (e:__LABEL__ {key: key})
SET e._lock = true
REMOVE e._lock
WITH e
WHERE NOT (e)<-[:MENTIONS]-(:Document)
DETACH DELETE e
RETURN count(*) AS deleted
