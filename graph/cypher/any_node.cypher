// One node of the graph, if there is any: a bulk load only fills an empty database.
MATCH (n)
RETURN labels(n)[0] AS label, n.key AS key, n.fact AS fact
LIMIT 1
