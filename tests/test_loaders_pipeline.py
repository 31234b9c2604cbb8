"""The extraction pipeline: order, workers, per-document failures, streaming, the cheap census."""
from __future__ import annotations

import json
from itertools import islice

import pytest

from graph.model import Document, Extraction, Failure
from loaders import pipeline
from loaders.exchange import extraction_to_record
from loaders.pipeline import count_documents, extract_paths, safe_extract

ARTICLES = [
    "Sáng 5/3/2024, Thượng tướng Đỗ Quang Vinh, Thứ trưởng Bộ Quốc phòng chủ trì hội nghị tổng kết.",
    "Đại tá Hà Minh Tâm, Chính ủy Lữ đoàn 202 dự lễ ra quân huấn luyện.",
    "Bộ Chính trị ban hành Nghị quyết số 24-NQ/TW về chiến lược quốc phòng.",
]


@pytest.fixture
def corpus(tmp_path):
    """Three articles, a JSONL file with one bad line, a picture and an empty file, in sub-folders."""
    (tmp_path / "b").mkdir()
    for i, text in enumerate(ARTICLES):
        (tmp_path / "b" / f"{i}.txt").write_text(text, encoding="utf-8")
    lines = [json.dumps({"text": ARTICLES[0], "title": "Tin một"}, ensure_ascii=False), "{không phải json",
             json.dumps({"text": ARTICLES[1]}, ensure_ascii=False)]
    (tmp_path / "a.jsonl").write_text("\n".join(lines), encoding="utf-8")
    (tmp_path / "c.txt").write_text("   \n", encoding="utf-8")
    return tmp_path


def kinds(items) -> list[str]:
    return [item.document.id if isinstance(item, Extraction) else "failed " + item.source.rsplit("/", 1)[-1]
            for item in items]


def test_documents_come_out_in_reading_order_with_failures_in_place(corpus):
    # a folder's own files (sorted) come before its sub-folders', as the reader walks them
    assert kinds(extract_paths([corpus])) == [
        "a.jsonl#1", "failed a.jsonl:2", "a.jsonl#3", "failed c.txt", "b/0.txt", "b/1.txt", "b/2.txt"]


def test_workers_give_the_same_records_in_the_same_order(corpus):
    one = [extraction_to_record(x) if isinstance(x, Extraction) else x for x in extract_paths([corpus])]
    two = [extraction_to_record(x) if isinstance(x, Extraction) else x
           for x in extract_paths([corpus], workers=2, chunksize=1)]
    assert one == two


def test_missing_path_is_a_failure_not_an_exception(tmp_path):
    items = list(extract_paths([tmp_path / "không-có"]))
    assert len(items) == 1 and isinstance(items[0], Failure)


def test_an_exception_in_one_document_fails_only_that_document(monkeypatch, corpus):
    real = pipeline.extract

    def fragile(doc: Document):
        if doc.id == "1.txt":
            raise ValueError("hỏng")
        return real(doc)

    monkeypatch.setattr(pipeline, "extract", fragile)
    items = list(extract_paths([corpus / "b"]))
    assert kinds(items) == ["0.txt", "failed 1.txt", "2.txt"]
    assert "ValueError: hỏng" in items[1].reason and "\n" not in items[1].reason


def test_results_stream_before_the_corpus_is_read(monkeypatch):
    """Only what has been asked for is read: memory does not grow with the corpus."""
    read = []

    def endless(paths):
        n = 0
        while True:
            n += 1
            read.append(n)
            yield Document(f"{n}.txt", ARTICLES[n % 3])

    monkeypatch.setattr(pipeline, "read_documents", endless)
    first = list(islice(extract_paths(["x"]), 3))
    assert [x.document.id for x in first] == ["1.txt", "2.txt", "3.txt"] and len(read) == 3


def test_safe_extract_passes_failures_through():
    failure = Failure("x.txt", "no text")
    assert safe_extract(failure) is failure


def test_census_counts_without_reading(corpus):
    (corpus / "ảnh.png").write_bytes(b"\x89PNG")
    census = count_documents([corpus, corpus / "không-có"])
    assert (census.files, census.missing, census.skipped) == (5, 1, 1)
    assert census.bytes == sum(p.stat().st_size for p in corpus.rglob("*") if p.suffix in (".txt", ".jsonl"))
