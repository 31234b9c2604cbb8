// Create entities of one label and link each to the document that mentions it.
UNWIND $rows AS row
MERGE (e:__LABEL__ {key: row.key})
ON CREATE SET e.name = row.name
WITH e, row
MATCH (d:Document {key: row.doc})
MERGE (d)-[m:MENTIONS]->(e)
SET m.name = row.name, m.names = row.names, m.count = row.count, m.date = row.date,
    m.spans = row.spans, m.sentences = row.sentences
