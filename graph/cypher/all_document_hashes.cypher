// Every stored document's key and content hash, read once by `kg load --engine spark` (through
// the Neo4j Connector for Apache Spark) and broadcast to the executors, which skip unchanged
// documents before extracting them.
MATCH (d:Document)
RETURN d.key AS key, d.hash AS hash
