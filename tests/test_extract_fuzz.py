"""Bad text never crashes the reader, the cleaner or the extractor, and offsets stay valid."""
from __future__ import annotations

import unicodedata

from hypothesis import HealthCheck, given, settings, strategies as st

from graph.model import Document
from loaders.extract import extract
from loaders.read import decode, normalise

WORDS = ["Đại tướng", "Trung tướng", "Nguyễn Văn Thạch", ",", ".", "Chủ nhiệm", "Tổng cục", "Kỹ thuật",
         "chủ trì", "hội nghị", "Nghị quyết số 08-NQ/TW", "của", "Bộ Chính trị", "\n", "leftcenterrightdel",
         "Tin, ảnh:", "ký kết", "chương trình phối hợp giữa", "và", "Quân khu", "7", "dự", "Về phía", "(", ")",
         "Sáng 12/5/2024", "Luật", "Đề án", "324 - KT", "kiêm", "Phó Đô đốc", "  ", "QK7", "Đảng ủy"]


def check(text: str) -> None:
    doc = Document("fuzz.txt", normalise(text))
    ex = extract(doc)
    t = doc.text
    for e in ex.entities:
        assert e.name and e.key
        for m in e.mentions:
            assert 0 <= m.sentence_start <= m.start < m.end <= m.sentence_end <= len(t)
            assert t[m.start:m.end] == m.text
    keys = {(e.label, e.key) for e in ex.entities}
    for r in ex.relations:
        assert (r.source_label, r.source_key) in keys and (r.target_label, r.target_key) in keys
        for ev in r.evidence:
            assert t[ev.start:ev.end] == ev.sentence


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400))
def test_arbitrary_unicode(text):
    check(text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=60).map(" ".join))
def test_news_like_word_salad(text):
    check(text)
    check(unicodedata.normalize("NFD", text))
    check(text.upper())


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=600))
def test_arbitrary_bytes_decode_or_fail_cleanly(data):
    text, problem = decode(data)
    if problem:
        assert text == "" and "\n" not in problem
    else:
        check(text)
