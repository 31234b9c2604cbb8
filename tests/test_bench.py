"""The benchmarks stay runnable: a deterministic corpus, and each writer on a tiny one."""
from __future__ import annotations

import sys

import pytest

from graph.model import Extraction
from loaders.pipeline import extract_paths
from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))

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
