"""`kg load --bulk` against the transactional `kg load` of the same generated corpus, in one run:

- transactional: `kg.pipeline.load` into an empty managed server (extract in workers, write in
  batches of 200);
- bulk: `kg.pipeline.bulk_load` into another empty managed server (extract in the same workers,
  write import files, stop, `neo4j-admin database import full`, start, schema);
- the two graphs are compared: node and relationship counts and sums of every aggregate, and
  with `--dump` (small corpora) every node and relationship with all its properties;
- then a normal load of the same folder into the bulk graph (everything skipped).

    .venv/bin/python bench/bulk.py 10000 --workers 2

Each server runs alone (the other is stopped), with the same memory.
"""
from __future__ import annotations

import argparse
import os
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
from graph.settings import Settings  # noqa: E402
from graph.store import Store  # noqa: E402
from kg.pipeline import bulk_load, load  # noqa: E402

TOTALS = (Path(__file__).parent / "cypher" / "bulk_totals.cypher").read_text("utf-8")


def totals(store: Store) -> dict:
    with store.driver.session(database=store.database) as session:
        return session.run(TOTALS).single().data()


def jvm_cpu(home: Path) -> float:
    """CPU seconds the managed server of `home` has used so far (0 when none runs)."""
    pid = server._our_pid(home)
    if pid is None:
        return 0.0
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def own_cpu() -> float:
    """CPU seconds of this process and its waited-for children (workers, neo4j-admin, a stopped
    server)."""
    return sum(resource.getrusage(who).ru_utime + resource.getrusage(who).ru_stime
               for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))


class Clock:
    """Wall and CPU seconds (Python, its workers, neo4j-admin and the Neo4j server) of one run;
    CPU is the fairer measure on a shared machine, where wall time depends on the neighbours."""

    def __init__(self, home: Path):
        self.home = home
        self.wall = time.perf_counter()
        self.server_before = jvm_cpu(home)
        self.cpu = own_cpu() - self.server_before  # a server stopped later is counted in own_cpu

    def stop(self) -> tuple[float, float]:
        return time.perf_counter() - self.wall, own_cpu() + jvm_cpu(self.home) - self.cpu - self.server_before


def started(home: Path, heap: str, pagecache: str) -> Settings:
    status = server.start(home=home, bolt_port=server.free_port(), http_port=server.free_port(),
                          heap=heap, pagecache=pagecache)
    return Settings(uri=status.bolt_uri, password=server.DEFAULT_PASSWORD)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("documents", type=int)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--heap", default="2g")
    parser.add_argument("--pagecache", default="1g")
    parser.add_argument("--dump", action="store_true", help="also compare every property (small corpora)")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="kg-bulk-bench-"))
    corpus = work / "corpus"
    generate(args.documents, corpus, seed=13)
    print(f"{args.documents} documents generated in {corpus}", flush=True)
    dumps = {}

    home = work / "transactional"
    settings = started(home, args.heap, args.pagecache)
    with Store.open(settings) as store:
        clock = Clock(home)
        report = load([str(corpus)], store, workers=args.workers)
        transactional, tx_cpu = clock.stop()
        tx_totals = totals(store)
        if args.dump:
            from tests.graphs import dump
            dumps["transactional"] = dump(store)
    server.stop(home)
    print(f"transactional kg load: {report.loaded} documents in {transactional:.1f} s "
          f"({report.loaded / transactional:.1f} docs/s), {tx_cpu:.1f} CPU s", flush=True)

    home = work / "bulk"
    settings = started(home, args.heap, args.pagecache)
    clock = Clock(home)
    bulk = bulk_load([str(corpus)], settings, home=home, workers=args.workers)
    bulk_seconds, bulk_cpu = clock.stop()
    print(f"kg load --bulk: {bulk.loaded} documents in {bulk_seconds:.1f} s "
          f"({bulk.loaded / bulk_seconds:.1f} docs/s), {bulk_cpu:.1f} CPU s; steps: "
          + ", ".join(f"{k} {v:.1f} s" for k, v in bulk.steps.items()), flush=True)
    print(f"  {bulk.summary}", flush=True)
    print(f"ratio: --bulk is {transactional / bulk_seconds:.2f}x the transactional load in wall time, "
          f"{tx_cpu / bulk_cpu:.2f}x in CPU time", flush=True)
    with Store.open(settings) as store:
        bulk_totals = totals(store)
        if args.dump:
            from tests.graphs import dump
            dumps["bulk"] = dump(store)
        clock = time.perf_counter()
        again = load([str(corpus)], store, workers=args.workers)
        reload_seconds = time.perf_counter() - clock
    server.stop(home)
    same = bulk_totals == tx_totals and (not args.dump or dumps["bulk"] == dumps["transactional"])
    print(f"same graph: {same} ({'every property compared' if args.dump else 'counts and aggregate sums'}): "
          f"{bulk_totals}")
    if bulk_totals != tx_totals:
        print(f"  transactional: {tx_totals}")
    print(f"then kg load of the same folder into the bulk graph: {again.loaded} loaded, "
          f"{again.skipped} skipped in {reload_seconds:.1f} s")


if __name__ == "__main__":
    main()
