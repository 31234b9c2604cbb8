// Baseline: one document row, in its own transaction.
MERGE (d:Document {key: $key})
SET d.title = $title, d.date = $date, d.text = $text, d.hash = $hash
