"""The benchmarks stay runnable: a deterministic corpus, and each writer on a tiny one."""
from __future__ import annotations

import re
import subprocess
import sys
from collections import Counter

import pytest

from graph.model import Extraction
from loaders.pipeline import extract_paths
from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))

import bench_extract  # noqa: E402
import corpus  # noqa: E402
import load_throughput  # noqa: E402


def test_corpus_is_deterministic_and_extractable(tmp_path):
    corpus.generate(30, tmp_path / "a", seed=3)
    corpus.generate(30, tmp_path / "b", seed=3)
    a = sorted(p.read_text("utf-8") for p in (tmp_path / "a").rglob("*.txt"))
    b = sorted(p.read_text("utf-8") for p in (tmp_path / "b").rglob("*.txt"))
    assert a == b and len(a) == 30
    extractions = [x for x in extract_paths([str(tmp_path / "a")]) if isinstance(x, Extraction)]
    assert len(extractions) == 30
    assert all(any(e.label == "Person" for e in x.entities) for x in extractions)
    people = [e.key for x in extractions for e in x.entities if e.label == "Person"]
    assert len(people) > len(set(people)), "popular people recur across articles"


@pytest.mark.neo4j
def test_each_writer_runs(store, tmp_path):
    corpus.generate(20, tmp_path / "c", seed=5)
    extractions = [x for x in extract_paths([str(tmp_path / "c")]) if isinstance(x, Extraction)]
    assert load_throughput.run_per_row(store, extractions[:5]) > 0
    assert load_throughput.run_raw(store, extractions, 10) > 0
    assert store.counts()["node"]["Document"] == 20
    assert load_throughput.run_ours(store, extractions, 10) > 0
    assert store.counts()["node"]["Document"] == 20


@pytest.mark.neo4j
def test_every_baseline_statement_explains(store):
    from graph.model import ENTITY_LABELS, RELATION_TYPES

    with store.driver.session(database=store.database) as session:
        for path in sorted((ROOT / "bench" / "cypher").glob("*.cypher")):
            text = path.read_text("utf-8")
            if "__TYPE__" in text:
                variants = [load_throughput.render(path.stem, source=s, target=t, type=r)
                            for r, (ss, ts) in RELATION_TYPES.items() for s in ss for t in ts]
            elif "__LABEL__" in text:
                variants = [load_throughput.render(path.stem, label=label) for label in ENTITY_LABELS]
            else:
                variants = [text]
            for statement in variants:
                session.run("EXPLAIN " + statement).consume()



def test_bench_corpus_has_no_repeated_paragraph():
    built = bench_extract.build_corpus(150_000)
    found = [p for d in built.documents for p in bench_extract.paragraphs(d.text)]
    assert built.generated and len(found) > 500
    repeated = [p for p, n in Counter(found).items() if n > 1]
    assert repeated == []
    assert sum(len(d.text) for d in built.documents) >= 150_000


def test_bench_corpus_paragraphs_are_the_lines_the_extractor_reads():
    text = "Tiêu đề bài\nSáng 3/4, Quân khu 7 tổ chức hội nghị.\nleftcenterrightdel\nTin, ảnh: NGỌC ANH\n"
    assert bench_extract.paragraphs(text) == ["Tiêu đề bài", "Sáng 3/4, Quân khu 7 tổ chức hội nghị."]


def test_bench_script_runs_on_a_tiny_corpus():
    done = subprocess.run([sys.executable, str(ROOT / "bench" / "bench_extract.py"), "--mb", "0.08",
                           "--ner-sentences", "3"], capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    corpus_line = next(line for line in lines if line.startswith("corpus:"))
    total, distinct = re.search(r"([\d,]+) paragraphs, ([\d,]+) distinct", corpus_line).groups()
    assert total == distinct
    assert re.search(r"ratio, corpus: +\d+\.\d+x faster than ner\(\) per core", done.stdout)
