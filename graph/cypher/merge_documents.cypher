// Create or update Document nodes; `layout` says how their facts are stored (see `graph.store`).
// `sources` lists where the text was found (exact copies add theirs: add_copies); `text_hash`,
// `minhash` and `story_bands` are its fingerprints for finding copies (loaders/copies.py); a
// document is a story of its own (`story`) until the store links it to near-copies.
CYPHER replan=skip
UNWIND $rows AS row
MERGE (d:Document {key: row.key})
SET d.title = row.title, d.date = row.date, d.url = row.url, d.outlet = row.outlet,
    d.authors = row.authors, d.source = row.source, d.hash = row.hash, d.text = row.text,
    d.chars = size(row.text), d.extractor = row.extractor, d.layout = $layout
SET d.sources = row.sources, d.text_hash = row.text_hash, d.minhash = row.minhash,
    d.story_bands = row.story_bands, d.story = row.key
