"""The cleaner classifies lines of scraped news without cutting the text: boilerplate, captions,
bylines, title; and reads the document's metadata (title, date, outlet, authors) from them."""
from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from loaders.clean import segment

LEAD = ("Sáng 13/5, Lữ đoàn 125 tổ chức huấn luyện cơ động trên biển cho các kíp tàu mặt nước, bảo đảm an toàn "
        "tuyệt đối về người và phương tiện, đồng thời rút kinh nghiệm công tác hiệp đồng giữa các biên đội tàu "
        "trong điều kiện thời tiết phức tạp trên vùng biển được giao quản lý.")

KINDS = [
    ("leftcenterrightdel", "boilerplate"),
    ("Đường dây nóng: 0912 000 111 Thứ ba, 14/05/2024 07:30 GMT+7", "boilerplate"),
    # rows marked "anywhere" in boilerplate.tsv are found anywhere in the line
    ("Thứ Năm, 09/11/2023, 10:46GMT+7", "boilerplate"),
    ("Liên hệ quảng cáo | Đường dây nóng bạn đọc: 0243 111 222", "boilerplate"),
    ("Trời nắng nóng, bộ đội vẫn duy trì huấn luyện đúng kế hoạch trên thao trường dã ngoại.", "body"),
    ("1.024 lượt xem", "boilerplate"),
    ("Bình luận", "boilerplate"),
    ("ZALO", "boilerplate"),
    ("*Mời bạn đọc vào chuyên mục Quân sự xem các tin, bài liên quan.", "boilerplate"),
    ("Tin, ảnh: VĂN LONG", "byline"),
    ("Bài và ảnh: NGỌC ANH", "byline"),
    ("Các tàu cơ động theo đội hình biên đội. Ảnh: Minh Đức", "caption"),
    (LEAD, "body"),
]


@pytest.mark.parametrize("line, kind", KINDS)
def test_line_kinds(line, kind):
    text = "Tiêu đề bài viết\n" + LEAD + "\n" + line + "\n"
    lines, _ = segment(text)
    found = [l.kind for l in lines if text[l.start:l.end].strip() == line.strip()]
    assert found and found[-1] == kind, [(l.kind, text[l.start:l.end]) for l in lines]


def test_a_short_line_after_the_photo_marker_is_a_caption():
    text = "Tiêu đề\n" + LEAD + "\nleftcenterrightdel\nThiếu tướng Lê Văn An kiểm tra huấn luyện.\n" + LEAD
    lines, _ = segment(text)
    assert [l.kind for l in lines] == ["title", "body", "boilerplate", "caption", "body"]


METADATA = [
    # (text, title, date, outlet, authors)
    ("Thứ ba, 14/05/2024 07:30 GMT+7\nLữ đoàn 125 huấn luyện trên biển\n(Báo Hải quân) - " + LEAD +
     "\nTin, ảnh: VĂN LONG - THU TRANG\n",
     "Lữ đoàn 125 huấn luyện trên biển", "2024-05-14", "Báo Hải quân", ("Văn Long", "Thu Trang")),
    ("Quân khu 7 tổng kết năm\nQK7 Online - " + LEAD + "\nMinh Hà\n",
     "Quân khu 7 tổng kết năm", "", "QK7 Online", ("Minh Hà",)),
    (LEAD + "\n", "", "", "", ()),
    # datelines in the shapes news sites print them: the publication date
    ("Cập nhật: 08:15 ngày 22-08-2024\nLữ đoàn 125 huấn luyện trên biển\n" + LEAD + "\n",
     "Lữ đoàn 125 huấn luyện trên biển", "2024-08-22", "", ()),
    ("Lữ đoàn 125 huấn luyện trên biển\n11/06/2020 | 10:23\n" + LEAD + "\n",
     "Lữ đoàn 125 huấn luyện trên biển", "2020-06-11", "", ()),
    ("Chủ nhật, ngày 12/5/2024\nLữ đoàn 125 huấn luyện trên biển\n" + LEAD + "\n",
     "Lữ đoàn 125 huấn luyện trên biển", "2024-05-12", "", ()),
    # a day no calendar has is no publication date
    ("Thứ ba, 31/02/2024 07:30 GMT+7\nLữ đoàn 125 huấn luyện trên biển\n" + LEAD + "\n",
     "Lữ đoàn 125 huấn luyện trên biển", "", "", ()),
    ("Hà Nội, ngày 15/1/2025\nLữ đoàn 125 huấn luyện trên biển\n" + LEAD + "\n",
     "Lữ đoàn 125 huấn luyện trên biển", "2025-01-15", "", ()),
    # a short article: one sentence of body is enough for a last-line byline
    ("Nhà máy Z111 sơ kết\nNgày 2/7, Nhà máy Z111 tổ chức hội nghị sơ kết công tác sản xuất sáu tháng đầu năm.\n"
     "Thu Hà\n", "Nhà máy Z111 sơ kết", "", "", ("Thu Hà",)),
]


@pytest.mark.parametrize("text, title, date, outlet, authors", METADATA)
def test_metadata(text, title, date, outlet, authors):
    _, meta = segment(text)
    assert (meta.title, meta.date, meta.outlet, meta.authors) == (title, date, outlet, authors)


def test_outlet_span_points_at_the_outlet():
    text = "Tiêu đề\n  (Báo Hải quân) - " + LEAD
    _, meta = segment(text)
    assert text[meta.outlet_span[0]:meta.outlet_span[1]] == "Báo Hải quân"


@given(st.text(alphabet=st.sampled_from(list("aăâbcdđeêghiklmnoôơpqrstuưvxyÁÀẢÃẠẤẦĐ .,:-()\n\t0123456789/")),
               max_size=400))
def test_lines_are_exact_spans_of_the_text(text):
    lines, meta = segment(text)
    previous_end = -1
    for line in lines:
        assert 0 <= line.start < line.end <= len(text) and line.start > previous_end
        assert "\n" not in text[line.start:line.end]
        previous_end = line.end
    assert 0 <= meta.outlet_span[0] <= meta.outlet_span[1] <= len(text)
