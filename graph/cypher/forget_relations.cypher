// Take forgotten evidence off relationships of one type: each row names a relationship by its
// `key` and says how many sentences and documents went, and which documents and dates. A
// relationship left without evidence (no Evidence node of its `key`) is deleted; the keys of those
// whose sample sentences or first/last dates came from a forgotten document are returned, to be
// refreshed.
CYPHER replan=skip
UNWIND $rows AS row
MATCH ()-[r:__TYPE__ {key: row.fact}]->()
SET r._lock = true
REMOVE r._lock
WITH r, row
SET r.evidence_count = r.evidence_count - row.sentences,
    r.document_count = r.document_count - row.documents
WITH r, row, NOT EXISTS { MATCH (:Evidence {fact: r.key}) } AS gone,
     any(doc IN row.docs WHERE doc IN r.sentence_docs)
     OR r.first_seen IN row.dates OR r.last_seen IN row.dates AS stale
CALL (r, gone) {
  WITH r WHERE gone
  DELETE r
}
WITH row, gone, stale WHERE NOT gone AND stale
RETURN row.fact AS key
