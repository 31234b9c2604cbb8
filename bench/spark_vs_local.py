"""`kg load --engine spark --master local[2]` against the local pipeline, on the same generated
corpus in one run: documents per second of each first load (into an empty graph), the graphs
compared, and the reload (everything unchanged) of each.

    .venv/bin/python bench/spark_vs_local.py 3000

Spark's start (JVM, connector) is timed apart from the load. Starts its own Neo4j (the project's
managed server) in a temporary folder on free ports, unless NEO4J_URI is set (that database is
wiped).
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from corpus import generate  # noqa: E402
from graph import server  # noqa: E402
from graph.store import Store  # noqa: E402
from kg import spark as engine  # noqa: E402
from kg.pipeline import load  # noqa: E402
from tests.graphs import dump  # noqa: E402


def fingerprint(store) -> str:
    return hashlib.sha256(json.dumps(dump(store), ensure_ascii=False).encode()).hexdigest()[:16]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int, nargs="?", default=3000)
    parser.add_argument("--master", default="local[2]")
    parser.add_argument("--workers", type=int, default=2, help="the local pipeline's processes")
    parser.add_argument("--corpus", type=Path, help="reuse this generated folder")
    args = parser.parse_args()
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    corpus = args.corpus or Path(tempfile.mkdtemp(prefix="kg-spark-bench-")) / "corpus"
    if not args.corpus:
        generate(args.count, corpus)
    paths = [str(corpus)]
    rows = []
    with server.temporary(heap="2g", pagecache="1g") as settings, Store.open(settings) as store:
        store.wipe()
        started = time.perf_counter()
        first = load(paths, store, workers=args.workers)
        local_s = time.perf_counter() - started
        local_graph = fingerprint(store)
        started = time.perf_counter()
        again = load(paths, store, workers=args.workers)
        rows.append(("local", f"--workers {args.workers}", first.loaded, local_s,
                     time.perf_counter() - started, again.skipped))
        store.wipe()
        started = time.perf_counter()
        with engine.session(args.master, "kg bench") as spark:
            start_s = time.perf_counter() - started
            started = time.perf_counter()
            first = engine.load(paths, store, spark, settings)
            spark_s = time.perf_counter() - started
            spark_graph = fingerprint(store)
            started = time.perf_counter()
            again = engine.load(paths, store, spark, settings)
            rows.append(("spark", f"--master {args.master}", first.loaded, spark_s,
                         time.perf_counter() - started, again.skipped))
    print(f"{args.count} generated documents; Spark started in {start_s:.1f}s (not counted below)")
    print("| engine | setting | first load | docs/s | reload (all skipped) |")
    print("|---|---|---|---|---|")
    for name, setting, loaded, seconds, reload_s, skipped in rows:
        print(f"| {name} | `{setting}` | {loaded} docs in {seconds:.1f} s | {loaded / seconds:.1f} | "
              f"{skipped} skipped in {reload_s:.1f} s |")
    print(f"spark / local docs/s: {rows[0][3] / rows[1][3]:.2f}×; same graph: {local_graph == spark_graph}")


if __name__ == "__main__":
    main()
