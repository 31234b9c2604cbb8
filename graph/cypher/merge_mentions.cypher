// Link each document to the entities of one label it mentions, with where and how it names them.
CYPHER replan=skip
UNWIND $rows AS row
MATCH (e:__LABEL__ {key: row.key})
MATCH (d:Document {key: row.doc})
MERGE (d)-[m:MENTIONS]->(e)
SET m.name = row.name, m.names = row.names, m.count = row.count, m.date = row.date,
    m.spans = row.spans, m.sentences = row.sentences
