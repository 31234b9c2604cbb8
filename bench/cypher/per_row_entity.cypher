// Baseline: one entity row, in its own transaction.
MERGE (e:__LABEL__ {key: $key})
ON CREATE SET e.name = $name
