"""Reading files: encodings, HTML, JSONL, bad input — each file loads or fails with one reason."""
from __future__ import annotations

import codecs
import json
import unicodedata

import pytest

from graph.model import Document, Failure
from loaders.clean import segment
from loaders.read import decode, html_text, read_documents

VI = "Đại tướng Nguyễn Văn Thạch, Bộ trưởng Bộ Quốc phòng chủ trì hội nghị tổng kết."


def to_cp1258(text: str) -> bytes:
    """Windows-1258 as Vietnamese Windows software writes it: base letters precomposed, tone marks
    as separate combining characters."""
    tones = "\u0300\u0301\u0303\u0309\u0323"
    out = b""
    for ch in text:
        parts = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in tones))
        out += base.encode("cp1258") + "".join(c for c in parts if c in tones).encode("cp1258")
    return out


def read_one(path):
    items = list(read_documents([path]))
    assert len(items) == 1
    return items[0]


@pytest.mark.parametrize("name, data", [
    ("utf8.txt", VI.encode("utf-8")),
    ("utf8bom.txt", codecs.BOM_UTF8 + VI.encode("utf-8")),
    ("utf16.txt", VI.encode("utf-16")),
    ("utf16be.txt", codecs.BOM_UTF16_BE + VI.encode("utf-16-be")),
    ("cp1258.txt", to_cp1258(VI)),
    ("nfd.txt", unicodedata.normalize("NFD", VI).encode("utf-8")),
    ("crlf.txt", VI.replace(", ", ",\r\n").encode("utf-8")),
])
def test_encodings_become_the_same_nfc_text(tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data)
    doc = read_one(path)
    assert isinstance(doc, Document), doc
    assert doc.text.replace("\n", " ") == VI
    assert doc.id == name


@pytest.mark.parametrize("name, data, reason", [
    ("empty.txt", b"", "empty"),
    ("blank.txt", b"  \n\t \n", "empty"),
    ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "binary"),
    ("photo.png", b"\x89PNG\r\n\x1a\n", "not a document type"),
    ("bad.txt", b"ok \x81\x8d\x8f\x90\x9d\x00\x00\x00 ok" * 50, "binary"),
])
def test_bad_files_fail_with_a_reason(tmp_path, name, data, reason):
    path = tmp_path / name
    path.write_bytes(data)
    item = read_one(path)
    assert isinstance(item, Failure) and reason in item.reason and "\n" not in item.reason


def test_missing_path_fails():
    item = read_one("/nonexistent/article.txt")
    assert isinstance(item, Failure) and "no such file" in item.reason


def test_jsonl_lines_are_documents_and_bad_lines_fail_alone(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join([
        json.dumps({"text": VI, "title": "Tin 1", "url": "https://example.org/1", "date": "2024-05-12"},
                   ensure_ascii=False),
        "{not json",
        json.dumps({"title": "no text"}),
        "",
        json.dumps({"text": "Thượng tướng Lê Văn Minh dự lễ.", "date": "12/05/2024"}, ensure_ascii=False),
    ]), encoding="utf-8")
    items = list(read_documents([path]))
    assert [type(i).__name__ for i in items] == ["Document", "Failure", "Failure", "Document"]
    assert items[0].id == "https://example.org/1"  # a record's url is its key and items[0].date == "2024-05-12" and items[0].title == "Tin 1"
    assert items[1].source.endswith("feed.jsonl:2") and "not JSON" in items[1].reason
    assert items[3].id == "feed.jsonl#5" and items[3].date == "2024-05-12"


def test_html_keeps_the_article_only():
    page = ("<html><head><title>Báo X</title><script>var a='Thượng tướng Giả Mạo';</script></head><body>"
            "<nav>Trang chủ | Quốc phòng</nav><header>Logo</header>"
            "<article><h1>Hội nghị tổng kết</h1><p>" + VI + "</p><figure><figcaption>Quang cảnh hội nghị."
            "</figcaption></figure></article><footer>Bản quyền</footer></body></html>")
    title, text = html_text(page)
    assert title == "Hội nghị tổng kết"
    assert VI in text and "Quang cảnh hội nghị." in text
    for junk in ("Trang chủ", "Logo", "Bản quyền", "Giả Mạo"):
        assert junk not in text


def test_folders_are_read_recursively_in_order(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text(VI, encoding="utf-8")
    (tmp_path / "1.txt").write_text(VI, encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text(VI, encoding="utf-8")
    assert [d.id for d in read_documents([tmp_path])] == ["1.txt", "b/2.txt"]  # keyed by the path under the folder


def test_decode_prefers_utf8():
    assert decode("Quân ủy".encode()) == ("Quân ủy", "")


def test_boilerplate_captions_bylines_and_metadata():
    text = ("Đường dây nóng: 0912 345 678 Thứ hai, 12/05/2024 08:00 GMT+7\n"
            "Hội nghị tổng kết công tác kỹ thuật\n"
            "Báo Quân khu - Sáng 12/5, Quân khu 3 tổ chức hội nghị tổng kết công tác kỹ thuật năm 2024 với "
            "sự tham dự của nhiều cơ quan, đơn vị trong toàn quân và các địa phương trên địa bàn, cùng đông "
            "đảo cán bộ, nhân viên ngành kỹ thuật của quân khu và các đơn vị trực thuộc tham gia.\n"
            "leftcenterrightdel\n Thiếu tướng Lê Văn An phát biểu.\n"
            "1.234 lượt xem\nBình luận\nZALO\nNgọc Anh, Minh Đức\n")
    lines, meta = segment(text)
    kinds = [(line.kind, text[line.start:line.end].strip()[:20]) for line in lines]
    assert meta.date == "2024-05-12" and meta.title == "Hội nghị tổng kết công tác kỹ thuật"
    assert meta.outlet == "Báo Quân khu"
    assert meta.authors == ("Ngọc Anh", "Minh Đức")
    assert ("caption", "Thiếu tướng Lê Văn A") in kinds
    assert [k for k, _ in kinds].count("boilerplate") == 5
