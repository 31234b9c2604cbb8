// Every document key, in order.
MATCH (d:Document) RETURN d.key AS key ORDER BY key
