// Create or update Document nodes; `layout` says how their facts are stored (see `graph.store`).
UNWIND $rows AS row
MERGE (d:Document {key: row.key})
SET d.title = row.title, d.date = row.date, d.url = row.url, d.outlet = row.outlet,
    d.authors = row.authors, d.source = row.source, d.hash = row.hash, d.text = row.text,
    d.chars = size(row.text), d.extractor = row.extractor, d.layout = $layout
