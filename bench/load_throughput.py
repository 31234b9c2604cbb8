"""Write throughput of `Store.write` against two baselines on the same extracted rows, in one run:

- per-row: every document, entity, mention and relationship row MERGEd in its own transaction
  (idempotent, but one round trip and one commit per row; a relationship row also creates the
  document's Evidence node for it) — on a subset, reported per document;
- raw CREATE: the same rows batched with UNWIND … CREATE into the same graph model (documents,
  entities with their mentions, relationships, Evidence nodes), but no MERGE, no evidence merging,
  no aggregates (fast, but loading twice doubles the graph);
- ours: `Store.write` in batches (idempotent, incremental, evidence and aggregates maintained),
  and a sweep of batch sizes.

Every writer gets the same warm-up (it writes the first --warm-up documents, which are then wiped)
and starts on an empty graph; every statement file is read once before any clock starts.

    .venv/bin/python bench/load_throughput.py --documents 3000 --per-row 200

Starts the project's managed Neo4j in a temporary folder on free ports (or uses NEO4J_URI, whose
database is wiped).
"""
from __future__ import annotations

import argparse
import collections
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from corpus import generate  # noqa: E402
from graph import server  # noqa: E402
from graph.model import ENTITY_LABELS, RELATION_TYPES, Extraction  # noqa: E402
from graph.store import Store, graph_rows  # noqa: E402
from loaders.pipeline import extract_paths  # noqa: E402

CYPHER = Path(__file__).parent / "cypher"


def render(name: str, label: str = "", source: str = "", target: str = "", type: str = "") -> str:
    """A baseline statement with its placeholders filled from the schema only."""
    text = (CYPHER / f"{name}.cypher").read_text("utf-8")
    assert not label or label in ENTITY_LABELS
    assert not type or (type in RELATION_TYPES and source in RELATION_TYPES[type][0]
                        and target in RELATION_TYPES[type][1])
    return (text.replace("__LABEL__", label).replace("__SOURCE__", source)
            .replace("__TARGET__", target).replace("__TYPE__", type))


def statements() -> dict[tuple, str]:
    """Every baseline statement for every label and relationship type of the schema, read and
    rendered once before any writer is timed: (file name,) or (file name, label) or
    (file name, type, source label, target label) -> Cypher."""
    rendered: dict[tuple, str] = {}
    for name in ("per_row_document", "raw_documents"):
        rendered[name,] = render(name)
    for name in ("per_row_entity", "per_row_mention", "raw_entities"):
        for label in ENTITY_LABELS:
            rendered[name, label] = render(name, label=label)
    for name in ("per_row_relation", "raw_relations"):
        for rtype, (sources, targets) in RELATION_TYPES.items():
            for source in sources:
                for target in targets:
                    rendered[name, rtype, source, target] = render(name, source=source, target=target, type=rtype)
    return rendered


def batches(items: list, size: int):
    for i in range(0, len(items), size):
        yield items[i:i + size]


def raw_rows(extractions: list[Extraction]):
    """Per-document rows for the raw CREATE baseline (nothing merged across documents)."""
    docs, entities, relations = [], collections.defaultdict(list), collections.defaultdict(list)
    for ex in extractions:
        d = ex.document
        docs.append({"key": d.id, "title": d.title, "date": d.date, "text": d.text, "hash": ex.content_hash})
        for e in ex.entities:
            entities[e.label].append({"doc": d.id, "key": e.key, "name": e.name, "count": len(e.mentions),
                                      "spans": [f"{m.start}:{m.end}" for m in e.mentions],
                                      "sentences": [d.text[m.sentence_start:m.sentence_end] for m in e.mentions][:5]})
        for r in ex.relations:
            relations[r.type, r.source_label, r.target_label].append({
                "doc": d.id, "source": r.source_key, "target": r.target_key, "title": r.title,
                "type": r.type, "fact": f"{d.id}|{r.type}|{r.source_key}|{r.target_key}|{r.title}",
                "sentences": [ev.sentence for ev in r.evidence], "spans": [f"{ev.start}:{ev.end}" for ev in r.evidence]})
    return docs, entities, relations


def run_ours(store: Store, extractions: list[Extraction], size: int, cypher: dict | None = None) -> float:
    """Seconds for `Store.write` to write the extractions in batches of `size`, on an empty graph."""
    store.wipe()
    started = time.perf_counter()
    for batch in batches(extractions, size):
        store.write(batch)
    return time.perf_counter() - started


def run_raw(store: Store, extractions: list[Extraction], size: int, cypher: dict) -> float:
    """Seconds for the raw UNWIND … CREATE baseline, batches of `size`, on an empty graph."""
    store.wipe()
    started = time.perf_counter()
    for batch in batches(extractions, size):
        docs, entities, relations = raw_rows(batch)

        def work(tx):
            tx.run(cypher["raw_documents",], rows=docs).consume()
            for label, rows in entities.items():
                tx.run(cypher["raw_entities", label], rows=rows).consume()
            for (rtype, source, target), rows in relations.items():
                tx.run(cypher["raw_relations", rtype, source, target], rows=rows).consume()
        with store.driver.session(database=store.database) as session:
            session.execute_write(work)
    return time.perf_counter() - started


def run_per_row(store: Store, extractions: list[Extraction], size: int, cypher: dict) -> float:
    """Seconds for the per-row baseline (one transaction per row; `size` is not used), on an
    empty graph; the rows are computed by `graph_rows` before the clock starts."""
    store.wipe()
    rows = graph_rows(extractions)
    facts = {r["fact"]: (rtype, source, target, r) for (rtype, source, target), rel_rows
             in rows.relations.items() for r in rel_rows}
    started = time.perf_counter()
    with store.driver.session(database=store.database) as session:
        def one(statement: str, **params):
            session.execute_write(lambda tx: tx.run(statement, **params).consume())
        for d in rows.documents:
            one(cypher["per_row_document",], key=d["key"], title=d["title"], date=d["date"], text=d["text"],
                hash=d["hash"])
        for label, mention_rows in rows.mentions.items():
            for m in mention_rows:
                one(cypher["per_row_entity", label], key=m["key"], name=m["name"])
                one(cypher["per_row_mention", label], doc=m["doc"], key=m["key"], name=m["name"],
                    count=m["count"], spans=m["spans"], sentences=m["sentences"])
        for ev in rows.evidence:
            rtype, source, target, r = facts[ev["fact"]]
            one(cypher["per_row_relation", rtype, source, target], doc=ev["doc"],
                source=r["source"], target=r["target"], title=r["title"], fact=ev["fact"], type=rtype,
                sentences=ev["sentences"], spans=ev["spans"])
    return time.perf_counter() - started


def timed(writer, store: Store, extractions: list[Extraction], size: int, cypher: dict,
          warm_up: list[Extraction]) -> float:
    """Documents per second of one writer, after the same warm-up for every writer: the writer
    itself on the warm-up documents (query plans cached, the server's JIT warm), then wiped."""
    writer(store, warm_up, size, cypher)
    return len(extractions) / writer(store, extractions, size, cypher)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=3000)
    parser.add_argument("--per-row", type=int, default=200, help="documents for the per-row baseline")
    parser.add_argument("--batch-size", type=int, default=200)
    parser.add_argument("--warm-up", type=int, default=50,
                        help="documents each writer writes (then wiped) before it is timed")
    parser.add_argument("--sweep", default="50,100,200,500,1000")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="kg-load-"))
    generate(args.documents, work / "corpus", seed=11)
    extractions = [x for x in extract_paths([str(work / "corpus")], workers=2) if isinstance(x, Extraction)]
    print(f"{len(extractions)} documents extracted; "
          f"{sum(len(x.entities) for x in extractions)} entity and "
          f"{sum(len(x.relations) for x in extractions)} relation rows", flush=True)
    with server.temporary(heap="2g", pagecache="1g") as settings, Store.open(settings) as store:
        store.apply_schema()
        cypher = statements()  # every .cypher file read once, before any clock starts
        warm_up = extractions[:args.warm_up]
        subset = extractions[:args.per_row]
        per_row = timed(run_per_row, store, subset, args.batch_size, cypher, warm_up)
        raw = timed(run_raw, store, extractions, args.batch_size, cypher, warm_up)
        ours = timed(run_ours, store, extractions, args.batch_size, cypher, warm_up)
        print(f"each writer warmed up on the same {len(warm_up)} documents first")
        print(f"per-row merge, one transaction per row : {per_row:8.1f} docs/s ({len(subset)} documents)")
        print(f"raw unwind-create, batches of       {args.batch_size:<5}   : {raw:8.1f} docs/s")
        print(f"kg Store.write, batches of {args.batch_size:<5}        : {ours:8.1f} docs/s")
        print(f"ratio to per-row: {ours / per_row:.1f}x   ratio to raw create: {ours / raw:.2f}x", flush=True)
        for size in (int(s) for s in args.sweep.split(",") if s):
            rate = len(extractions) / run_ours(store, extractions, size)
            print(f"  batch size {size:>5}: {rate:8.1f} docs/s", flush=True)
        store.wipe()

if __name__ == "__main__":
    main()
