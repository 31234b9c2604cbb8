// Baseline: documents created without any check.
UNWIND $rows AS row
CREATE (d:Document {key: row.key, title: row.title, date: row.date, text: row.text, hash: row.hash})
