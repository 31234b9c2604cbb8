"""Table tests of the extractor, in Vietnamese written for these tests. Stage tokens and sentences: sentences, captions, bylines and offsets."""
from __future__ import annotations

import pytest

from graph.model import Document
from tests.extraction import run


def test_captions_and_bylines():
    text = ("Sáng 5/6/2024, Trung tướng Lê Văn Thắng chủ trì hội nghị.\n"
            "leftcenterrightdel\n Trung tướng Lê Văn Thắng, Tư lệnh Quân khu 1 phát biểu.\n"
            "Hội nghị đánh giá kết quả công tác.\nTin, ảnh: MINH ANH\n")
    ex, entities, relations = run(text)
    assert ex.document.authors == ("Minh Anh",)
    assert ("Person", "Minh Anh") not in entities
    holds = [r for r in ex.relations if r.type == "HOLDS_POSITION"]
    assert holds and holds[0].evidence[0].caption


def test_offsets_point_at_the_text():
    text = "Đại tướng  Nguyễn Văn Thạch,  Bộ trưởng Bộ Quốc phòng  chủ trì hội nghị.\n\nTổng cục Kỹ thuật báo cáo."
    ex, _, _ = run(text)
    for e in ex.entities:
        for m in e.mentions:
            assert text[m.start:m.end] == m.text
            assert m.sentence_start <= m.start < m.end <= m.sentence_end
    for r in ex.relations:
        for ev in r.evidence:
            assert text[ev.start:ev.end] == ev.sentence


def test_read_sentences_splits_sentences_and_keeps_offsets():
    from loaders.extract.tokens import read_sentences
    text = "Sáng 5/6, Quân khu 1 tổ chức hội nghị. Đại tá Lê Văn An phát biểu!\nTổng cục Kỹ thuật báo cáo."
    _, sentences, _ = read_sentences(Document("t.txt", text))
    assert [text[s.start:s.end] for s in sentences] == [
        "Sáng 5/6, Quân khu 1 tổ chức hội nghị.", "Đại tá Lê Văn An phát biểu!", "Tổng cục Kỹ thuật báo cáo."]
    assert [t.text for t in sentences[0].toks][:4] == ["Sáng", "5/6", ",", "Quân"]
    assert all(text[t.start:t.end] == t.text for s in sentences for t in s.toks)


@pytest.mark.parametrize("text, words", [
    ("Công nghiệp-Viễn thông", ["Công", "nghiệp", "-", "Viễn", "thông"]),
    ("tỉnh Bà Rịa-Vũng Tàu", ["tỉnh", "Bà", "Rịa", "-", "Vũng", "Tàu"]),
    ("Quyết định 12/QĐ-BQP", ["Quyết", "định", "12/QĐ-BQP"]),
    ("tiêm kích Su-30MK2", ["tiêm", "kích", "Su-30MK2"]),
    ("chống COVID-19", ["chống", "COVID-19"]),
    # a slash between a lower-case word and a capitalised one divides two names; in a code it does not
    ("Cục Đối ngoại/BQP", ["Cục", "Đối", "ngoại", "/", "BQP"]),
    ("Nghị quyết 12-NQ/TW", ["Nghị", "quyết", "12-NQ/TW"]),
    ("chất độc da cam/dioxin", ["chất", "độc", "da", "cam/dioxin"]),
])
def test_a_hyphen_between_names_is_a_token(text, words):
    from loaders.extract.tokens import tokens
    assert [t.text for t in tokens(text, 0, len(text))] == words


@pytest.mark.parametrize("text, count", [
    # the dot of an initial after a foreign given name ends no sentence
    ("Thứ trưởng tiếp Đô đốc Robert K. Hanson tại Hà Nội.", 1),
    ("Ông Dmitri.P. Orlov phát biểu.", 1),
    # a Roman numeral or a single letter after a Vietnamese word still ends one
    ("Đại hội lần thứ X. Sáng nay đại biểu làm việc.", 2),
    ("Đơn vị xếp thứ nhất Bảng A. Đội bạn xếp thứ hai.", 2),
])
def test_an_initial_ends_no_sentence(text, count):
    from loaders.extract.tokens import read_sentences
    _, sentences, _ = read_sentences(Document("t.txt", text))
    assert len(sentences) == count
