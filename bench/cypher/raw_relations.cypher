// Baseline: relationships created without any check, between the document's own nodes.
UNWIND $rows AS row
MATCH (s:__SOURCE__ {key: row.doc + '|' + row.source})
MATCH (t:__TARGET__ {key: row.doc + '|' + row.target})
CREATE (s)-[:__TYPE__ {title: row.title, docs: [row.doc], sentences: row.sentences, spans: row.spans}]->(t)
