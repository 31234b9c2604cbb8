"""Extraction throughput, in characters per second per core, against underthesea's `ner()`.

The corpus is built at run time by recombining the paragraphs of real articles (the seed articles
in ../shared/corpus/seeds and the dev articles in tests/data/articles when present), so that no
article text is stored in the project and no two generated documents are identical.

    .venv/bin/python bench/bench_extract.py                 # one worker, about 2 MB of text
    .venv/bin/python bench/bench_extract.py --workers 4     # also measure scaling over 4 processes
    .venv/bin/python bench/bench_extract.py --mb 10 --ner-sentences 400

`ner()` is measured on a sample of the same sentences (it is slow; its rate does not depend on the
sample size), so the ratio compares like with like. Prints one line per measurement and the ratio.
"""
from __future__ import annotations

import argparse
import os
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from graph.model import Document, Extraction  # noqa: E402
from loaders.extract import extract, split_sentences  # noqa: E402
from loaders.clean import segment  # noqa: E402
from loaders.pipeline import extract_paths  # noqa: E402
from loaders.read import read_documents  # noqa: E402

SOURCES = (ROOT.parent / "shared" / "corpus" / "seeds", ROOT / "tests" / "data" / "articles")


def source_documents() -> list[Document]:
    """The real articles the corpus is recombined from."""
    paths = [str(p) for p in SOURCES if p.is_dir()]
    docs = [d for d in read_documents(paths) if isinstance(d, Document)]
    if not docs:
        sys.exit("no source articles: expected ../shared/corpus/seeds or tests/data/articles")
    return docs


def corpus(docs: list[Document], target_chars: int, seed: int = 7) -> list[Document]:
    """Documents of about the sources' length, each the header of one source followed by a
    shuffled mix of paragraphs from all of them, until `target_chars` characters."""
    rng = random.Random(seed)
    paragraphs = [p for d in docs for p in d.text.split("\n") if len(p) > 80]
    out: list[Document] = []
    total = 0
    while total < target_chars:
        base = docs[len(out) % len(docs)]
        head = "\n".join(base.text.split("\n")[:3])
        body = rng.sample(paragraphs, k=min(len(paragraphs), 8))
        text = head + "\n" + "\n".join(body)
        out.append(Document(id=f"bench_{len(out):05d}.txt", text=text))
        total += len(text)
    return out


def sentences(docs: list[Document]) -> list[str]:
    """The sentences the extractor itself reads, for a fair `ner()` comparison."""
    out = []
    for d in docs:
        lines, _ = segment(d.text)
        out.extend(d.text[s:e] for s, e, _cap in split_sentences(d.text, lines))
    return [s for s in out if s.strip()]


class Clock:
    """Wall time and CPU time (this process and its finished children) of a block of work."""

    def __enter__(self) -> "Clock":
        self.wall, self.cpu = time.perf_counter(), _cpu()
        return self

    def __exit__(self, *exc: object) -> None:
        self.wall, self.cpu = time.perf_counter() - self.wall, _cpu() - self.cpu


def _cpu() -> float:
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def rate_extract(docs: list[Document]) -> tuple[Clock, int]:
    chars = sum(len(d.text) for d in docs)
    with Clock() as clock:
        for d in docs:
            extract(d)
    return clock, chars


def rate_ner(sample: list[str]) -> Clock:
    from underthesea import ner
    ner(sample[0])  # the first call loads the model; not part of the rate
    with Clock() as clock:
        for s in sample:
            ner(s)
    return clock


def rate_pipeline(docs: list[Document], workers: int) -> Clock:
    """The clock of `extract_paths` (reading included) over `docs` written to files, with `workers` processes."""
    with tempfile.TemporaryDirectory() as folder:
        for d in docs:
            Path(folder, d.id).write_text(d.text, encoding="utf-8")
        with Clock() as clock:
            n = sum(isinstance(x, Extraction) for x in extract_paths([folder], workers=workers))
    assert n == len(docs), f"{len(docs) - n} documents failed"
    return clock


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=float, default=2.0, help="size of the generated corpus in MB of text")
    parser.add_argument("--workers", type=int, default=1, help="also time the pipeline with this many processes")
    parser.add_argument("--ner-sentences", type=int, default=200, help="sentences to time underthesea ner() on")
    args = parser.parse_args()

    docs = corpus(source_documents(), int(args.mb * 1_000_000))
    extract(docs[0])  # warm the lexicons up, as a long-running process would be
    ours, chars = rate_extract(docs)
    print(f"extract():         {chars / ours.cpu:11,.0f} chars per CPU second "
          f"({chars / ours.wall:,.0f} per wall second; {len(docs)} documents, {chars:,} chars)")

    pool = sentences(docs[:200])
    sample = random.Random(1).sample(pool, k=min(args.ner_sentences, len(pool)))
    theirs = rate_ner(sample)
    ner_chars = sum(map(len, sample))
    print(f"underthesea ner(): {ner_chars / theirs.cpu:11,.0f} chars per CPU second "
          f"({ner_chars / theirs.wall:,.0f} per wall second; {len(sample)} sentences)")
    # CPU time per character compares the two fairly even when other programs share the machine
    print(f"ratio:             {(chars / ours.cpu) / (ner_chars / theirs.cpu):11.1f}x faster than ner() per core")

    if args.workers > 1:
        cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
        one = rate_pipeline(docs, 1)
        many = rate_pipeline(docs, args.workers)
        print(f"extract_paths:     {chars / one.wall:11,.0f} chars/s with 1 worker, {chars / many.wall:,.0f} with "
              f"{args.workers} (speed-up {one.wall / many.wall:.2f}x on {cores} cores; "
              f"CPU per char {many.cpu / one.cpu:.2f}x of one worker's)")
        load = os.getloadavg()[0] if hasattr(os, "getloadavg") else 0.0
        if load > cores:
            print(f"note: load average {load:.1f} on {cores} cores: other programs share the machine, "
                  f"so wall-clock speed-ups are understated")


if __name__ == "__main__":
    main()
