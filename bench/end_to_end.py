"""End to end: generate N articles, load them (extract + write) with kg's pipeline, then load them
again (everything unchanged, so skipped). Reports wall time, documents per second and the peak
resident memory of the main process and of the extraction workers.

    .venv/bin/python bench/end_to_end.py 100000 --workers 2

Starts its own Neo4j (the project's managed server) in a temporary folder on free ports, unless
NEO4J_URI is set (that database is wiped).
"""
from __future__ import annotations

import argparse
import json
import resource
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
from kg.pipeline import load  # noqa: E402


def peak_mb(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int, nargs="?", default=10_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--batch-size", type=int, default=200)
    parser.add_argument("--corpus", type=Path, help="reuse this generated folder")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="kg-e2e-"))
    corpus = args.corpus or work / "corpus"
    if not args.corpus:
        started = time.perf_counter()
        generate(args.count, corpus)
        print(f"generated {args.count} articles in {time.perf_counter() - started:.1f}s", flush=True)
    with server.temporary(heap="2g", pagecache="2g") as settings, Store.open(settings) as store:
        store.wipe()
        progress = {"next": time.perf_counter() + 30}

        def show(report) -> None:
            if time.perf_counter() >= progress["next"]:
                progress["next"] += 30
                print(f"  {report.seen} documents, {report.seen / (time.perf_counter() - started):.0f}/s, "
                      f"main RSS peak {peak_mb(resource.RUSAGE_SELF):.0f} MB", flush=True)

        started = time.perf_counter()
        first = load([str(corpus)], store, workers=args.workers, batch_size=args.batch_size, on_progress=show)
        first_s = time.perf_counter() - started
        main_peak, worker_peak = peak_mb(resource.RUSAGE_SELF), peak_mb(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        again = load([str(corpus)], store, workers=args.workers, batch_size=args.batch_size)
        again_s = time.perf_counter() - started
        counts = store.counts()
    figures = {
        "documents": args.count, "workers": args.workers, "batch_size": args.batch_size,
        "first_load_s": round(first_s, 1), "first_docs_per_s": round(first.loaded / first_s, 1),
        "loaded": first.loaded, "failed": first.failed,
        "reload_s": round(again_s, 2), "reload_skipped": again.skipped,
        "reload_speedup": round(first_s / again_s, 1),
        "main_peak_rss_mb": round(main_peak), "worker_peak_rss_mb": round(worker_peak),
        "nodes": sum(counts["node"].values()), "relationships": sum(counts["relationship"].values()),
    }
    print(json.dumps(figures, indent=1))
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1))


if __name__ == "__main__":
    main()
