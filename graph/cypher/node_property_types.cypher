// Every stored property of each label's nodes with the types of its values, for
// `kg export --engine spark`: the connector is given this schema, as it cannot infer one from
// properties that hold empty lists.
MATCH (n)
WITH labels(n)[0] AS label, n
UNWIND keys(n) AS property
RETURN label, property, collect(DISTINCT valueType(n[property])) AS types
