"""Invariants over awkward input: extraction never raises, every offset points at the text it
claims, records are valid JSON in the guide's shape, and files of any bytes go through the pipeline."""
from __future__ import annotations

import json
import unicodedata

from hypothesis import HealthCheck, given, settings, strategies as st

from graph.model import RELATION_TYPES, Document, Extraction, Failure
from loaders.exchange import extraction_to_record
from loaders.extract import extract
from loaders.pipeline import extract_paths

# Pieces of the constructions the rules look for, so that random text reaches deep into them.
PIECES = ["Thiếu tướng", ",", "PGS.TS", "Lê Văn Trường", "Phó Tư lệnh", "Tham mưu trưởng", "Quân khu", "9",
          "Bí thư", "Đảng ủy", "Chính ủy", "Bộ Chỉ huy Quân sự", "tỉnh", "Hà Tĩnh", "UBND", "thuộc", "Viện",
          "Khoa học", "và", "Công nghệ", "(", "TSQCT", ")", '"', "“", "”", "Hội thi", "Chương trình", "phối hợp",
          "giữa", "Đề án", "Nghị quyết", "1657", "của", "Bộ trưởng", "Bộ Quốc phòng", "ngày", "28/12/2021",
          "Chiều nay", "(3/10)", "Tại hội nghị", "dẫn đầu", "đoàn công tác", "Sư đoàn trưởng", "QĐND Việt Nam",
          "Luật", "Quốc phòng", "năm 2018", "phòng, chống", "\n", "leftcenterrightdel", "Ảnh:", "Tin, ảnh:", "  ",
          "\t", "Kết luận", "kiêm", "–", ";", ".", "Nhà máy", "chủ trì", "hội nghị", "thông qua"]


def check(doc: Document) -> Extraction:
    ex = extract(doc)
    text = ex.document.text
    assert text == doc.text
    keys = {(e.label, e.key) for e in ex.entities}
    for e in ex.entities:
        assert e.name and e.key
        for m in e.mentions:
            assert text[m.start:m.end] == m.text and m.text
            assert 0 <= m.sentence_start <= m.start < m.end <= m.sentence_end <= len(text)
    for r in ex.relations:
        sources, targets = RELATION_TYPES[r.type]
        assert r.source_label in sources and r.target_label in targets
        assert (r.source_label, r.source_key) in keys and (r.target_label, r.target_key) in keys
        assert r.evidence
        for ev in r.evidence:
            assert text[ev.start:ev.end] == ev.sentence and ev.doc_id == doc.id
    record = json.loads(json.dumps(extraction_to_record(ex), ensure_ascii=False))
    assert record["doc"] == doc.id
    assert {(e["label"], e["name"]) for e in record["entities"]} == {(e.label, e.name) for e in ex.entities}
    return ex


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(PIECES), max_size=80))
def test_constructions_in_any_order(pieces):
    text = " ".join(pieces)
    check(Document("a.txt", text))
    # not normalised by a reader: NFD text and Windows line ends must not break offsets either
    check(Document("b.txt", unicodedata.normalize("NFD", text)))
    check(Document("c.txt", text.replace("\n", "\r\n"), date="2024-02-30"))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=300), st.text(max_size=12))
def test_any_text_and_any_metadata(text, date):
    check(Document("d.txt", text, date=date, title=text[:20]))


def test_empty_and_blank_text():
    for text in ("", " ", "\n\n", "\u200b", "."):
        ex = check(Document("e.txt", text))
        assert not ex.relations


def test_the_hash_follows_the_text():
    a = extract(Document("f.txt", "Đại tá Lê Văn An dự hội nghị."))
    b = extract(Document("f.txt", "Đại tá Lê Văn Bình dự hội nghị."))
    assert a.content_hash and a.content_hash != b.content_hash
    assert a.content_hash == extract(Document("f.txt", "Đại tá Lê Văn An dự hội nghị.")).content_hash


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])
@given(st.lists(st.binary(max_size=300), min_size=1, max_size=4))
def test_files_of_any_bytes_go_through_the_pipeline(tmp_path_factory, blobs):
    folder = tmp_path_factory.mktemp("bytes")
    for n, blob in enumerate(blobs):
        (folder / f"{n}.txt").write_bytes(blob)
    items = list(extract_paths([folder]))
    assert len(items) == len(blobs)
    for item in items:
        assert isinstance(item, (Extraction, Failure))
        if isinstance(item, Failure):
            assert item.reason and "\n" not in item.reason
        else:
            check(item.document)
