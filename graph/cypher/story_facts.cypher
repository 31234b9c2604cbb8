// What the given documents state and mention, for recounting in stories: the relationships as
// [type, key] pairs (their Evidence nodes) and the entities as [label, key] pairs.
UNWIND $docs AS key
MATCH (d:Document {key: key})
CALL (d) {
  MATCH (d)-[:STATES]->(ev:Evidence)
  RETURN collect(DISTINCT [ev.type, ev.fact]) AS facts
}
CALL (d) {
  MATCH (d)-[:MENTIONS]->(e)
  RETURN collect(DISTINCT [labels(e)[0], e.key]) AS entities
}
RETURN facts, entities
