// Baseline: one node per document and entity, created without any check, with its MENTIONS.
UNWIND $rows AS row
MATCH (d:Document {key: row.doc})
CREATE (d)-[:MENTIONS {name: row.name, count: row.count, spans: row.spans, sentences: row.sentences}]->
       (:__LABEL__ {key: row.doc + '|' + row.key, name: row.name})
