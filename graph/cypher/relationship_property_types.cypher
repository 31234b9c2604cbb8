// Every stored property of each relationship type with the types of its values (see
// node_property_types.cypher).
MATCH ()-[r]->()
WITH type(r) AS type, r
UNWIND keys(r) AS property
RETURN type, property, collect(DISTINCT valueType(r[property])) AS types
