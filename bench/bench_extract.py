"""Extraction throughput, in characters per CPU second per core, against underthesea's `ner()`,
on text in which no paragraph repeats, each side measured on its first pass in a fresh process.

The corpus is built at run time, never stored in the project: the real articles (the seed and dev
articles in ../shared/corpus when present, the project's samples/ and tests/data/articles), then
articles written by bench/corpus.py until the size asked for. A paragraph is a line the extractor
reads (boilerplate and bylines are skipped by the extractor and not counted). A real article's line
seen before is dropped; a generated article with a paragraph seen before is not used. The script
checks that the distinct paragraphs are all the paragraphs, and says how many it left out.

Each measurement runs in a subprocess of its own, so that no cache of the extractor (or of
underthesea) is warm from earlier text: the extractor over the corpus, the extractor over a sample
of its sentences (one document per sentence), and `ner()` over the same sample. Each side first
reads one short sentence written here (loading lexicons or the model is not part of the rate).

    .venv/bin/python bench/bench_extract.py                 # about 2 MB of text
    .venv/bin/python bench/bench_extract.py --workers 2     # also time `extract_paths` with 1 and 2 processes
    .venv/bin/python bench/bench_extract.py --mb 10 --ner-sentences 400
"""
from __future__ import annotations

import argparse
import dataclasses
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import corpus as generator  # noqa: E402
from graph.model import Document, Extraction  # noqa: E402
from loaders.clean import segment  # noqa: E402
from loaders.extract import split_sentences  # noqa: E402
from loaders.read import read_documents  # noqa: E402

SHARED = ROOT.parent / "shared" / "corpus"
SOURCES = (SHARED / "seeds", SHARED / "dev", ROOT / "samples", ROOT / "tests" / "data" / "articles")
# Read by each side before its clock starts; not a paragraph of the corpus.
WARM_UP = "Sáng 2/1/2020, Đại tá Trần Văn Khải, Chính ủy Sư đoàn 999 dự Hội nghị quân chính tại Hà Nội."
_SKIPPED = ("boilerplate", "byline")  # lines the extractor does not read


def paragraphs(text: str) -> list[str]:
    """The lines of `text` the extractor reads, stripped."""
    lines, _ = segment(text)
    return [t for line in lines if line.kind not in _SKIPPED and (t := text[line.start:line.end].strip())]


@dataclasses.dataclass
class Corpus:
    real: list[Document]
    generated: list[Document]
    dropped_lines: int = 0  # lines of real articles seen before, dropped
    skipped_articles: int = 0  # generated articles with a paragraph seen before, not used

    @property
    def documents(self) -> list[Document]:
        return self.real + self.generated


def build_corpus(target_chars: int, seed: int = 7, sources=SOURCES) -> Corpus:
    """The real articles found in `sources` (each line once), then generated articles whose
    paragraphs are all new, until `target_chars` characters."""
    seen: set[str] = set()
    out = Corpus([], [])
    for doc in read_documents([str(p) for p in sources if p.is_dir()]):
        if not isinstance(doc, Document):
            continue
        kept = []
        for line in doc.text.split("\n"):
            t = line.strip()
            if t and t in seen:
                out.dropped_lines += 1
                continue
            kept.append(line)
            seen.update(paragraphs(line))
        out.real.append(dataclasses.replace(doc, id=f"real/{doc.id}", text="\n".join(kept)))
    total = sum(len(d.text) for d in out.real)
    rng = random.Random(seed)
    persons, instruments = generator.population(random.Random(seed))
    n = 0
    while total < target_chars:
        article = generator.article(rng, persons, instruments, n)
        n += 1
        new = paragraphs(article["text"])
        if any(p in seen for p in new) or len(set(new)) < len(new):
            out.skipped_articles += 1
            continue
        seen.update(new)
        out.generated.append(Document(id=f"generated/{n:06d}.txt", text=article["text"], title=article["title"],
                                      date=article["date"], url=article["url"]))
        total += len(article["text"])
    return out


def sentences(docs: list[Document]) -> list[str]:
    """The sentences the extractor itself reads, for a fair `ner()` comparison."""
    out = []
    for d in docs:
        lines, _ = segment(d.text)
        out.extend(d.text[s:e] for s, e, _cap in split_sentences(d.text, lines))
    return [s for s in out if s.strip()]


# ---- the measurements, each in a fresh process ------------------------------------------------

def _child(kind: str, path: Path, workers: int = 1) -> dict:
    """Run this script as `--measure kind path` in a new interpreter and return what it prints."""
    command = [sys.executable, str(Path(__file__).resolve()), "--measure", kind, str(path), "--workers", str(workers)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        sys.exit(f"measuring {kind} failed:\n{done.stderr.strip()}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def _read(path: Path) -> list[Document]:
    with path.open(encoding="utf-8") as handle:
        return [Document(**{**row, "authors": tuple(row["authors"])}) for row in map(json.loads, handle)]


def measure(kind: str, path: Path, workers: int) -> dict:
    """In the child: CPU seconds (this process and its finished children) and wall seconds of one pass."""
    if kind == "ner":
        from underthesea import ner
        sample = json.loads(path.read_text("utf-8"))
        ner(WARM_UP)  # loads the model
        cpu, wall = _cpu(), time.perf_counter()
        for s in sample:
            ner(s)
        return {"cpu": _cpu() - cpu, "wall": time.perf_counter() - wall, "chars": sum(map(len, sample))}
    from loaders.extract import extract
    if kind == "pipeline":
        from loaders.pipeline import extract_paths
        extract(Document(id="warm-up", text=WARM_UP))
        cpu, wall = _cpu(), time.perf_counter()
        n = sum(isinstance(x, Extraction) for x in extract_paths([str(path)], workers=workers))
        return {"cpu": _cpu() - cpu, "wall": time.perf_counter() - wall, "documents": n}
    docs = _read(path)
    extract(Document(id="warm-up", text=WARM_UP))  # loads the lexicons
    parts: dict[str, dict] = {}
    for doc in docs:  # one pass, in corpus order: the real articles, then the generated ones
        part = parts.setdefault(doc.id.split("/")[0], {"cpu": 0.0, "wall": 0.0, "chars": 0, "documents": 0})
        cpu, wall = _cpu(), time.perf_counter()
        extract(doc)
        part["cpu"] += _cpu() - cpu
        part["wall"] += time.perf_counter() - wall
        part["chars"] += len(doc.text)
        part["documents"] += 1
    return parts


def _cpu() -> float:
    """CPU seconds of this process (at the clock's resolution) and of its finished children."""
    children = os.times()
    return time.process_time() + children.children_user + children.children_system


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=float, default=2.0, help="size of the corpus in MB of text")
    parser.add_argument("--workers", type=int, default=1, help="also time `extract_paths` with this many processes")
    parser.add_argument("--ner-sentences", type=int, default=200, help="sentences to time underthesea ner() on")
    parser.add_argument("--seed", type=int, default=7, help="seed of the generated articles")
    parser.add_argument("--rounds", type=int, default=1,
                        help="measure both sides this many times, alternating, and report the median ratio")
    parser.add_argument("--measure", nargs=2, metavar=("KIND", "PATH"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(args.measure[0], Path(args.measure[1]), args.workers)))
        return

    built = build_corpus(int(args.mb * 1_000_000), seed=args.seed)
    docs = built.documents
    found = [p for d in docs for p in paragraphs(d.text)]
    distinct = len(set(found))
    print(f"corpus:            {len(built.real)} real articles and {len(built.generated)} generated, "
          f"{sum(len(d.text) for d in docs):,} chars; {len(found):,} paragraphs, {distinct:,} distinct "
          f"({built.dropped_lines} repeated lines of real articles dropped, "
          f"{built.skipped_articles} generated articles with a repeated paragraph not used)")
    assert distinct == len(found), "a paragraph repeats"
    assert WARM_UP not in set(found)

    pool = sentences(docs)
    sample = random.Random(1).sample(pool, k=min(args.ner_sentences, len(pool)))
    with tempfile.TemporaryDirectory() as folder:
        corpus_file, sample_file, one_per_sentence = (Path(folder, n) for n in ("corpus.jsonl", "sample.json",
                                                                                "sentences.jsonl"))
        _write(corpus_file, docs)
        _write(one_per_sentence, [Document(id=f"sample/{i}", text=s) for i, s in enumerate(sample)])
        sample_file.write_text(json.dumps(sample, ensure_ascii=False), "utf-8")
        rounds = []  # each side measured afresh in every round, the two sides alternating
        for n in range(args.rounds):
            ours = _child("extract", corpus_file)
            ours_sample = _child("extract", one_per_sentence)["sample"]
            theirs = _child("ner", sample_file)
            total = {k: sum(p[k] for p in ours.values()) for k in ("cpu", "wall", "chars", "documents")}
            rounds.append((ours, ours_sample, theirs, total))
            if args.rounds > 1:
                print(f"round {n + 1}:")
            _report(ours, ours_sample, theirs, total, len(sample))
        if args.rounds > 1:
            for name in ("corpus", "real articles", "sample"):
                values = sorted(v for r in rounds if (v := _ratio(r, name)))
                if values:
                    print(f"median ratio, {name + ':':15s} {statistics.median(values):5.1f}x faster than ner() "
                          f"per core (rounds: {', '.join(f'{v:.1f}x' for v in values)})")

        if args.workers > 1:
            texts = Path(folder, "texts")
            for i, d in enumerate(docs):
                (texts / f"{i // 1000:03d}").mkdir(parents=True, exist_ok=True)
                (texts / f"{i // 1000:03d}" / f"{i:06d}.txt").write_text(d.text, encoding="utf-8")
            one = _child("pipeline", texts, 1)
            many = _child("pipeline", texts, args.workers)
            assert one["documents"] == many["documents"] == len(docs), "documents failed"
            chars = total["chars"]
            cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
            print(f"extract_paths:       {chars / one['wall']:11,.0f} chars/s with 1 worker, "
                  f"{chars / many['wall']:,.0f} with {args.workers} (speed-up {one['wall'] / many['wall']:.2f}x "
                  f"on {cores} cores; CPU per char {many['cpu'] / one['cpu']:.2f}x of one worker's)")
            load = os.getloadavg()[0] if hasattr(os, "getloadavg") else 0.0
            if load > cores:
                print(f"note: load average {load:.1f} on {cores} cores: other programs share the machine, "
                      f"so wall-clock speed-ups are understated")


def _ratio(measured: tuple, name: str) -> float:
    """A round's ratio of characters per CPU second, the extractor's part `name` against `ner()`."""
    ours, ours_sample, theirs, total = measured
    part = {"corpus": total, "real articles": ours.get("real"), "sample": ours_sample}[name]
    return (part["chars"] / part["cpu"]) / (theirs["chars"] / theirs["cpu"]) if part else 0.0


def _report(ours: dict, ours_sample: dict, theirs: dict, total: dict, sampled: int) -> None:
    """One round's rates and ratios."""
    for name, part in [*ours.items(), ("all", total)]:
        print(f"extract() {name + ':':10s} {part['chars'] / part['cpu']:11,.0f} chars per CPU second "
              f"({part['chars'] / part['wall']:,.0f} per wall second; {part['documents']} documents, "
              f"{part['chars']:,} chars)")
    rate_ner = theirs["chars"] / theirs["cpu"]
    print(f"extract() sample:    {ours_sample['chars'] / ours_sample['cpu']:11,.0f} chars per CPU second "
          f"({sampled} sentences, one document each)")
    print(f"underthesea ner():   {rate_ner:11,.0f} chars per CPU second "
          f"({theirs['chars'] / theirs['wall']:,.0f} per wall second; the same {sampled} sentences)")
    # CPU time per character compares the two fairly even when other programs share the machine
    for name, part in [("corpus", total), ("real articles", ours.get("real")), ("sample", ours_sample)]:
        if part:
            print(f"ratio, {name + ':':15s} {(part['chars'] / part['cpu']) / rate_ner:8.1f}x faster than "
                  f"ner() per core")


def _write(path: Path, docs: list[Document]) -> None:
    with path.open("w", encoding="utf-8") as handle:
        for d in docs:
            handle.write(json.dumps(dataclasses.asdict(d), ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
