// One uniqueness constraint per node label on its key, and the indexes the queries use: an
// Evidence node is found by the `key` of the relationship it supports (its `fact`), and a
// relationship by its `key`, one index per relationship type of the schema; an entity by the
// ASCII-folded form of its name (`name_folded`, a text index: CONTAINS searches use it).
// Applied by `kg schema` and on every `kg load`; each statement is idempotent.
CREATE CONSTRAINT document_key IF NOT EXISTS FOR (n:Document) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT person_key IF NOT EXISTS FOR (n:Person) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT rank_key IF NOT EXISTS FOR (n:Rank) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT agency_key IF NOT EXISTS FOR (n:Agency) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT resolution_key IF NOT EXISTS FOR (n:Resolution) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT program_key IF NOT EXISTS FOR (n:Program) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT meeting_key IF NOT EXISTS FOR (n:Meeting) REQUIRE n.key IS UNIQUE;
CREATE INDEX document_date IF NOT EXISTS FOR (n:Document) ON (n.date);
CREATE INDEX person_name IF NOT EXISTS FOR (n:Person) ON (n.name);
CREATE INDEX agency_name IF NOT EXISTS FOR (n:Agency) ON (n.name);
CREATE INDEX resolution_name IF NOT EXISTS FOR (n:Resolution) ON (n.name);
CREATE INDEX program_name IF NOT EXISTS FOR (n:Program) ON (n.name);
CREATE INDEX meeting_name IF NOT EXISTS FOR (n:Meeting) ON (n.name);
CREATE INDEX meeting_date IF NOT EXISTS FOR (n:Meeting) ON (n.date);
CREATE INDEX chaired_key IF NOT EXISTS FOR ()-[r:CHAIRED]-() ON (r.key);
CREATE INDEX attended_key IF NOT EXISTS FOR ()-[r:ATTENDED]-() ON (r.key);
CREATE INDEX spoke_at_key IF NOT EXISTS FOR ()-[r:SPOKE_AT]-() ON (r.key);
CREATE INDEX signed_key IF NOT EXISTS FOR ()-[r:SIGNED]-() ON (r.key);
CREATE INDEX issued_key IF NOT EXISTS FOR ()-[r:ISSUED]-() ON (r.key);
CREATE INDEX organized_key IF NOT EXISTS FOR ()-[r:ORGANIZED]-() ON (r.key);
CREATE INDEX has_rank_key IF NOT EXISTS FOR ()-[r:HAS_RANK]-() ON (r.key);
CREATE INDEX holds_position_key IF NOT EXISTS FOR ()-[r:HOLDS_POSITION]-() ON (r.key);
CREATE INDEX part_of_key IF NOT EXISTS FOR ()-[r:PART_OF]-() ON (r.key);
CREATE INDEX implements_key IF NOT EXISTS FOR ()-[r:IMPLEMENTS]-() ON (r.key);
CREATE INDEX evidence_fact IF NOT EXISTS FOR (n:Evidence) ON (n.fact);
CREATE TEXT INDEX person_name_folded IF NOT EXISTS FOR (n:Person) ON (n.name_folded);
CREATE TEXT INDEX rank_name_folded IF NOT EXISTS FOR (n:Rank) ON (n.name_folded);
CREATE TEXT INDEX agency_name_folded IF NOT EXISTS FOR (n:Agency) ON (n.name_folded);
CREATE TEXT INDEX resolution_name_folded IF NOT EXISTS FOR (n:Resolution) ON (n.name_folded);
CREATE TEXT INDEX program_name_folded IF NOT EXISTS FOR (n:Program) ON (n.name_folded);
CREATE TEXT INDEX meeting_name_folded IF NOT EXISTS FOR (n:Meeting) ON (n.name_folded);
CREATE FULLTEXT INDEX entity_names IF NOT EXISTS FOR (n:Person|Rank|Agency|Resolution|Program|Meeting) ON EACH [n.name, n.search_names];
