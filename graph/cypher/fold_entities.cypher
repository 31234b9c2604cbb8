// The ASCII-folded search forms of entities' names and aliases (`phan van giang`), computed by
// the store from what finish_entities returned; find-entity and the views search them.
CYPHER replan=skip
UNWIND $rows AS row
MATCH (e:__LABEL__ {key: row.key})
SET e.name_folded = row.name, e.aliases_folded = row.aliases
