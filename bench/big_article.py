"""Peak memory of `kg extract` (and, with --load, of `kg load`) on one very large article, against
the same command on an article a tenth of its size, in one run.

    .venv/bin/python bench/big_article.py --mb 20           # kg extract only (no database)
    .venv/bin/python bench/big_article.py --mb 20 --load    # also kg load, on a temporary Neo4j

The article is many generated news items (bench/corpus.py) joined into one file. Each command runs
in its own process; its peak resident memory, workers included, is what the kernel reports for it
when it ends (wait4's ru_maxrss). A `kg` process that reads the file whole and keeps its text (the
Document node stores it) needs memory in proportion to the article; the ratio to the small article
shows how much.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from corpus import article, population  # noqa: E402


def write_article(path: Path, size: int, seed: int = 17) -> int:
    """One file of at least `size` bytes made of generated news items, one paragraph block each."""
    import random

    rng = random.Random(seed)
    persons, instruments = population(random.Random(seed))
    written, number = 0, 0
    with path.open("w", encoding="utf-8") as handle:
        while written < size:
            text = article(rng, persons, instruments, number)["text"] + "\n"
            handle.write(text)
            written += len(text.encode("utf-8"))
            number += 1
    return written


def peak(command: list[str], env: dict | None = None) -> dict:
    """Wall time and peak RSS (MB, the process and its workers) of one command run to its end."""
    started = time.perf_counter()
    proc = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - started
    stderr = proc.stderr.read().decode("utf-8", "replace")
    proc.stderr.close()
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed ({proc.returncode}):\n{stderr[-2000:]}")
    return {"seconds": round(seconds, 1), "peak_rss_mb": round(usage.ru_maxrss / 1024)}


def measure(mb: float, work: Path, load_env: dict | None) -> dict:
    path = work / f"article-{mb:g}mb.txt"
    size = write_article(path, int(mb * 1_000_000))
    kg = [sys.executable, "-m", "kg"]
    figures = {"article_mb": round(size / 1_000_000, 1),
               "extract": peak(kg + ["extract", str(path), "-o", str(work / "out.jsonl")])}
    if load_env is not None:
        subprocess.run(kg + ["reset", "--yes"], cwd=ROOT, env=load_env, check=True, capture_output=True)
        figures["load"] = peak(kg + ["load", str(path)], env=load_env)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=20, help="size of the large article in MB")
    parser.add_argument("--load", action="store_true", help="also measure kg load on a temporary Neo4j")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="kg-big-"))
    if args.load:
        from graph import server

        with server.temporary(heap="2g", pagecache="512m") as settings:
            env = dict(os.environ, NEO4J_URI=settings.uri, NEO4J_USER=settings.user,
                       NEO4J_PASSWORD=settings.password, NEO4J_DATABASE=settings.database)
            runs = [measure(args.mb / 10, work, env), measure(args.mb, work, env)]
    else:
        runs = [measure(args.mb / 10, work, None), measure(args.mb, work, None)]
    small, large = runs
    for run in runs:
        line = f"{run['article_mb']:6.1f} MB article: kg extract {run['extract']['seconds']:6.1f} s, " \
               f"peak RSS {run['extract']['peak_rss_mb']:5d} MB"
        if "load" in run:
            line += f"; kg load {run['load']['seconds']:6.1f} s, peak RSS {run['load']['peak_rss_mb']:5d} MB"
        print(line, flush=True)
    for command in ("extract", "load"):
        if command in large:
            grown = large[command]["peak_rss_mb"] - small[command]["peak_rss_mb"]
            print(f"kg {command}: {grown / (large['article_mb'] - small['article_mb']):.1f} MB more peak "
                  f"memory per MB of article")
    if args.json:
        args.json.write_text(json.dumps(runs, indent=1))


if __name__ == "__main__":
    main()
