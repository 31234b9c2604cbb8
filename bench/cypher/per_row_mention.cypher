// Baseline: one MENTIONS row, in its own transaction.
MATCH (d:Document {key: $doc})
MATCH (e:__LABEL__ {key: $key})
MERGE (d)-[m:MENTIONS]->(e)
SET m.name = $name, m.count = $count, m.spans = $spans, m.sentences = $sentences
