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
import random
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


def rate_extract(docs: list[Document]) -> tuple[float, int]:
    chars = sum(len(d.text) for d in docs)
    start = time.perf_counter()
    for d in docs:
        extract(d)
    return chars / (time.perf_counter() - start), chars


def rate_ner(sample: list[str]) -> float:
    from underthesea import ner
    ner(sample[0])  # the first call loads the model; not part of the rate
    start = time.perf_counter()
    for s in sample:
        ner(s)
    return sum(map(len, sample)) / (time.perf_counter() - start)


def rate_pipeline(docs: list[Document], workers: int) -> float:
    """Characters per second through `extract_paths` (reading included) with `workers` processes."""
    with tempfile.TemporaryDirectory() as folder:
        for d in docs:
            Path(folder, d.id).write_text(d.text, encoding="utf-8")
        chars = sum(len(d.text) for d in docs)
        start = time.perf_counter()
        n = sum(isinstance(x, Extraction) for x in extract_paths([folder], workers=workers))
        seconds = time.perf_counter() - start
    assert n == len(docs), f"{len(docs) - n} documents failed"
    return chars / seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=float, default=2.0, help="size of the generated corpus in MB of text")
    parser.add_argument("--workers", type=int, default=1, help="also time the pipeline with this many processes")
    parser.add_argument("--ner-sentences", type=int, default=200, help="sentences to time underthesea ner() on")
    args = parser.parse_args()

    docs = corpus(source_documents(), int(args.mb * 1_000_000))
    extract(docs[0])  # warm the lexicons up, as a long-running process would be
    ours, chars = rate_extract(docs)
    print(f"extract():        {ours:12,.0f} chars/s on one core  ({len(docs)} documents, {chars:,} chars)")

    pool = sentences(docs[:200])
    sample = random.Random(1).sample(pool, k=min(args.ner_sentences, len(pool)))
    theirs = rate_ner(sample)
    print(f"underthesea ner(): {theirs:11,.0f} chars/s on one core  ({len(sample)} sentences)")
    print(f"ratio:            {ours / theirs:12.1f}x faster than ner()")

    if args.workers > 1:
        one = rate_pipeline(docs, 1)
        many = rate_pipeline(docs, args.workers)
        print(f"extract_paths:    {one:12,.0f} chars/s with 1 worker, {many:,.0f} with {args.workers} "
              f"(speed-up {many / one:.2f}x, {many / one / args.workers:.0%} per worker)")


if __name__ == "__main__":
    main()
