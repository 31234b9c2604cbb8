"""The benchmarks stay runnable: a deterministic corpus, and each writer on a tiny one."""
from __future__ import annotations

import json
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from graph.model import Extraction
from loaders.pipeline import extract_paths
from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))

import bench_extract  # noqa: E402
import big_article  # noqa: E402
import corpus  # noqa: E402
import quality  # noqa: E402
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


GRAPH = """
MATCH (n) WITH collect([labels(n)[0], n.key]) AS nodes
OPTIONAL MATCH (s)-[r]->(t) WHERE NOT type(r) IN ['MENTIONS', 'STATES']
RETURN nodes, collect([type(r), s.key, t.key, r.title, r.evidence_count]) AS relationships,
       COUNT { ()-[:MENTIONS]->() } AS mentions, COUNT { ()-[:STATES]->(:Evidence) } AS evidence,
       COLLECT { MATCH (ev:Evidence) RETURN [ev.type, ev.sentences] } AS sentences
"""


def written(store) -> dict:
    """What a writer left in the graph, in comparable form."""
    with store.driver.session(database=store.database) as session:
        row = session.run(GRAPH).single()
    return {"nodes": sorted(map(tuple, row["nodes"]), key=repr),
            "relationships": sorted(map(tuple, row["relationships"]), key=repr),
            "mentions": row["mentions"], "evidence": row["evidence"], "sentences": sorted(map(repr, row["sentences"]))}


def unprefixed(graph: dict) -> dict:
    """The raw baseline's graph with its per-document entity copies (key `doc|key`) folded into one
    node each, and its per-document relationships into one relationship each (counts summed)."""
    entities = list({(label, key.split("|", 1)[1] if label != "Document" else key)
                     for label, key in graph["nodes"] if label != "Evidence"})
    evidence = [node for node in graph["nodes"] if node[0] == "Evidence"]
    merged: dict[tuple, int] = {}
    for rtype, source, target, title, count in graph["relationships"]:
        fact = (rtype, source.split("|", 1)[1], target.split("|", 1)[1], title)
        merged[fact] = merged.get(fact, 0) + count
    return {**graph, "nodes": sorted(entities + evidence, key=repr),
            "relationships": sorted((fact + (count,) for fact, count in merged.items()), key=repr)}


def no_baseline_file_reads(monkeypatch):
    """From here on, reading a baseline statement file fails the test."""
    read_text = Path.read_text

    def guarded(path, *args, **kwargs):
        if Path(path).resolve().parent == load_throughput.CYPHER.resolve():
            pytest.fail(f"{path.name} read while a writer ran")
        return read_text(path, *args, **kwargs)
    monkeypatch.setattr(Path, "read_text", guarded)


def test_every_statement_file_is_rendered_once_up_front():
    cypher = load_throughput.statements()
    others = {"bulk_totals"}  # bench/bulk.py's own query, not a baseline writer's
    assert {key[0] for key in cypher} == {p.stem for p in load_throughput.CYPHER.glob("*.cypher")} - others
    assert not [text for text in cypher.values() if "__" in text]  # every placeholder filled


@pytest.mark.neo4j
def test_every_writer_writes_the_same_graph(store, tmp_path, monkeypatch):
    corpus.generate(20, tmp_path / "c", seed=5)
    extractions = [x for x in extract_paths([str(tmp_path / "c")]) if isinstance(x, Extraction)]
    cypher = load_throughput.statements()
    no_baseline_file_reads(monkeypatch)
    assert load_throughput.run_ours(store, extractions, 10, cypher) > 0
    ours = written(store)
    assert len([n for n in ours["nodes"] if n[0] == "Document"]) == 20
    assert ours["relationships"] and ours["evidence"] > 0 and ours["mentions"] > 0

    assert load_throughput.run_per_row(store, extractions, 10, cypher) > 0
    assert written(store) == ours  # the same entities, relationships, counts and evidence

    assert load_throughput.run_raw(store, extractions, 10, cypher) > 0
    raw = written(store)
    # one node per document and entity, so as many as there are MENTIONS, folded: the same graph
    assert len([n for n in raw["nodes"] if n[0] not in ("Document", "Evidence")]) == raw["mentions"]
    assert unprefixed(raw) == ours


@pytest.mark.neo4j
def test_each_writer_is_warmed_up_alike_and_starts_empty(store, tmp_path):
    corpus.generate(12, tmp_path / "c", seed=9)
    extractions = [x for x in extract_paths([str(tmp_path / "c")]) if isinstance(x, Extraction)]
    cypher = load_throughput.statements()
    for writer in (load_throughput.run_per_row, load_throughput.run_raw, load_throughput.run_ours):
        rate = load_throughput.timed(writer, store, extractions[4:], 4, cypher, warm_up=extractions[:4])
        assert rate > 0
        documents = {key for label, key in written(store)["nodes"] if label == "Document"}
        assert documents == {x.document.id for x in extractions[4:]}, writer.__name__  # warm-up wiped


def test_big_article_is_one_document_of_the_size_asked(tmp_path):
    path = tmp_path / "big.txt"
    assert big_article.write_article(path, 60_000) == path.stat().st_size >= 60_000
    extractions = [x for x in extract_paths([str(path)]) if isinstance(x, Extraction)]
    assert len(extractions) == 1 and len([e for e in extractions[0].entities if e.label == "Person"]) > 5


def test_quality_scores_the_projects_own_articles_with_their_gold():
    name, folders, golds = quality.SETS[-1]
    assert all(p.exists() for p in folders + golds)
    documents = {json.loads(line)["doc"] for gold in golds for line in gold.read_text("utf-8").splitlines()}
    extracted = {x.document.id for x in extract_paths([str(p) for p in folders]) if isinstance(x, Extraction)}
    assert documents == extracted  # every gold document is one kg extracts, under the same key


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


def test_pages_bench_scores_a_page_against_its_hand_cut_article(tmp_path):
    """bench/pages.py on a page written for the tests: the new reader leaves the footer's editor
    and the related headlines out, the old one lets some in; both keep the article's people."""
    import pages
    from tests.test_loaders_pages import PAGE

    page = tmp_path / "tiep-doan-lao.html"
    page.write_text(PAGE, encoding="utf-8")
    article = ("Bộ trưởng tiếp đoàn Lào\nSáng 12/3, tại Hà Nội, Đại tướng Phan Văn Giang đã tiếp đoàn "
               "đại biểu Quân đội nhân dân Lào.\nTrong buổi tiếp, Bộ trưởng Phan Văn Giang đánh giá cao "
               "kết quả hợp tác giữa hai quân đội trong những năm qua, nhất là trong đào tạo và khắc phục "
               "hậu quả chiến tranh.\nĐại tướng Phan Văn Giang tiếp Thượng tướng Vongsone Inpanphim.\n"
               "Thượng tướng Vongsone Inpanphim cảm ơn Bộ Quốc phòng Việt Nam đã giúp đỡ Quân đội nhân dân "
               "Lào trong công tác huấn luyện, đào tạo cán bộ và xây dựng lực lượng.")
    pages_ = [(page, PAGE, article, "2024-03-12")]
    after = pages.measure(pages_, pages.new_reader)
    before = pages.measure(pages_, pages.old_reader)
    assert after["outside"] == 0.0 and after["kept"] == 1.0 and after["dated"] == 1.0
    assert before["outside"] > 0.0  # editors, related headlines and menu provinces come in
    assert pages.speed(pages_, pages.old_reader, 1) > 0

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
                           "--ner-sentences", "3", "--rounds", "2"], capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    corpus_line = next(line for line in lines if line.startswith("corpus:"))
    total, distinct = re.search(r"([\d,]+) paragraphs, ([\d,]+) distinct", corpus_line).groups()
    assert total == distinct
    assert re.search(r"ratio, corpus: +\d+\.\d+x faster than ner\(\) per core", done.stdout)
    assert done.stdout.count("ratio, corpus:") == 3  # each round's, then the median of the two
    median = re.search(r"median ratio, corpus: +(\d+\.\d)x .*\(rounds: (\d+\.\d)x, (\d+\.\d)x\)", done.stdout)
    low, high = float(median.group(2)), float(median.group(3))
    assert low <= float(median.group(1)) <= high
