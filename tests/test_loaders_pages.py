"""Real pages and files as analysts keep them: news pages with their chrome, dated folders, PDF, DOCX."""
import shutil
import subprocess
from pathlib import Path

import pytest

from graph.model import Document, Failure
from loaders.read import read_documents

PAGE = """<!doctype html><html lang="vi"><head><meta charset="utf-8">
<title>Bộ trưởng tiếp đoàn Lào | Báo Biên Phòng Mới</title>
<meta property="og:description" content="Sáng 12/3, tại Hà Nội, Đại tướng Phan Văn Giang đã tiếp đoàn đại biểu Quân đội nhân dân Lào.">
<meta property="og:site_name" content="Báo Biên Phòng Mới">
<meta property="article:published_time" content="2024-03-12T09:30:00+07:00">
<link rel="canonical" href="https://bienphongmoi.example.vn/quoc-phong/tiep-doan-lao-123.html">
<meta name="author" content="Hữu Việt"></head>
<body><nav><a href="/">Trang chủ</a><a>Thái Nguyên</a><a>Quảng Ninh</a><a>Cà Mau</a></nav>
<div class="ads">Công ty TNHH Minh Phát tuyển dụng nhân viên kinh doanh</div>
<article class="teaser"><h3><a>Thượng tướng Nguyễn Tân Cường thăm Sư đoàn 312</a></h3></article>
<div class="detail"><h1>Bộ trưởng tiếp đoàn Lào</h1><div class="date">Thứ Ba, 12/03/2024 - 09:30 (GMT+7)</div>
<div class="content"><p>Trong buổi tiếp, Bộ trưởng Phan Văn Giang đánh giá cao kết quả hợp tác giữa hai quân đội
trong những năm qua, nhất là trong đào tạo và khắc phục hậu quả chiến tranh.</p>
<figure><img src="x.jpg" alt="Đại tướng Phan Văn Giang tiếp Thượng tướng Vongsone Inpanphim.">
<figcaption>Đại tướng Phan Văn Giang tiếp Thượng tướng Vongsone Inpanphim.</figcaption></figure>
<p>Thượng tướng Vongsone Inpanphim cảm ơn Bộ Quốc phòng Việt Nam đã giúp đỡ Quân đội nhân dân Lào
trong công tác huấn luyện, đào tạo cán bộ và xây dựng lực lượng.</p></div></div>
<aside><h2>Tin liên quan</h2><article><a>Trung tướng Lê Văn Mạnh dự hội nghị tổng kết</a></article>
<article><a>Thiếu tướng Trần Quốc Bảo nhận nhiệm vụ mới</a></article></aside>
<div class="comments"><p>Nguyễn Văn Tám: Bài viết rất hay!</p></div>
<footer>Tổng biên tập: Đoàn Xuân Bình. Địa chỉ: 7 Phan Đình Phùng, Ba Đình, Hà Nội</footer></body></html>"""


def _one(path) -> Document:
    items = list(read_documents([path]))
    assert len(items) == 1 and isinstance(items[0], Document), items
    return items[0]


def test_page_main_text_and_metadata(tmp_path):
    (tmp_path / "a.html").write_text(PAGE, encoding="utf-8")
    doc = _one(tmp_path / "a.html")
    assert doc.date == "2024-03-12"
    assert doc.title == "Bộ trưởng tiếp đoàn Lào"
    assert doc.outlet == "Báo Biên Phòng Mới"
    assert doc.authors == ("Hữu Việt",)
    assert doc.url.endswith("tiep-doan-lao-123.html")
    assert doc.reader == ""
    assert doc.text.startswith("Sáng 12/3, tại Hà Nội")  # the lead, from og:description
    assert "Vongsone Inpanphim cảm ơn" in doc.text
    for chrome in ("Đoàn Xuân Bình", "Phan Đình Phùng", "Lê Văn Mạnh", "Trần Quốc Bảo", "Minh Phát",
                   "Thái Nguyên", "Nguyễn Văn Tám", "Nguyễn Tân Cường"):
        assert chrome not in doc.text, chrome


def test_caption_is_marked_as_caption(tmp_path):
    from loaders.clean import segment
    (tmp_path / "a.html").write_text(PAGE, encoding="utf-8")
    doc = _one(tmp_path / "a.html")
    lines, _ = segment(doc.text)
    kinds = {doc.text[l.start:l.end]: l.kind for l in lines}
    assert kinds["Đại tướng Phan Văn Giang tiếp Thượng tướng Vongsone Inpanphim."] == "caption"


TEASERS = """<!doctype html><html lang="vi"><head><meta charset="utf-8">
<title>Diễn tập phòng thủ khu vực năm 2024 | Báo Quân khu Mới</title>
<meta property="og:site_name" content="Báo Quân khu Mới">
<meta property="article:published_time" content="2024-05-20T08:00:00+07:00"></head>
<body><div class="main"><h1>Diễn tập phòng thủ khu vực năm 2024</h1>
<div class="detail-content">
<p>Sáng 20/5, Bộ Tư lệnh Quân khu 9 tổ chức diễn tập phòng thủ khu vực năm 2024 tại tỉnh Sóc Trăng,
với sự tham gia của các cơ quan, đơn vị trong lực lượng vũ trang địa phương.</p>
<figure><img src="/anh/dien-tap.jpg" alt="Trung tướng Trần Võ Dũng kiểm tra công tác chuẩn bị diễn tập.">
<figcaption>Trung tướng Trần Võ Dũng kiểm tra công tác chuẩn bị diễn tập.</figcaption></figure>
<p>Phát biểu tại buổi diễn tập, Trung tướng Trần Võ Dũng yêu cầu các đơn vị rút kinh nghiệm, nâng cao
chất lượng huấn luyện và khả năng sẵn sàng chiến đấu của lực lượng vũ trang địa phương.</p>
<p><a href="/bai-khac-1.html">Thượng tá Lâm Văn Khởi nhận nhiệm vụ Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh</a></p>
<div class="box"><a href="/bai-khac-2.html"><img src="/anh/nho.jpg" alt="Đại tá Huỳnh Minh Lộc dự lễ giao nhận quân"></a>
<a href="/bai-khac-2.html">Lễ giao nhận quân năm 2024</a></div>
<p>Đọc nhiều</p><ul><li><a href="/bai-khac-3.html">Công ty Hải Đăng khai trương nhà máy mới</a></li>
<li><a href="/bai-khac-4.html">Thiếu tướng Phạm Quốc Huy thăm trường sĩ quan</a></li></ul>
</div></div></body></html>"""


def test_teasers_inside_the_main_text_are_dropped(tmp_path):
    """A linked headline in place of a paragraph and a linked thumbnail's alt text are other articles;
    the article's own photo caption stays, marked as a caption."""
    from loaders.clean import segment
    (tmp_path / "c.html").write_text(TEASERS, encoding="utf-8")
    doc = _one(tmp_path / "c.html")
    assert "Trung tướng Trần Võ Dũng yêu cầu" in doc.text
    for teaser in ("Lâm Văn Khởi", "Huỳnh Minh Lộc", "Lễ giao nhận quân", "Hải Đăng", "Phạm Quốc Huy"):
        assert teaser not in doc.text, teaser
    lines, _ = segment(doc.text)
    kinds = {doc.text[l.start:l.end]: l.kind for l in lines}
    assert kinds["Trung tướng Trần Võ Dũng kiểm tra công tác chuẩn bị diễn tập."] == "caption"


def test_page_without_main_text_uses_the_fallback_reader(tmp_path):
    (tmp_path / "b.html").write_text("<html><body><div>Đại tá Hoàng Minh</div></body></html>", encoding="utf-8")
    doc = _one(tmp_path / "b.html")
    assert "Hoàng Minh" in doc.text
    assert doc.reader in ("", "fallback")


def test_dated_folders_are_different_documents(tmp_path):
    for month in ("01", "02"):
        folder = tmp_path / "2024" / month
        folder.mkdir(parents=True)
        (folder / "index.html").write_text(PAGE.replace("12/3", f"12/{int(month)}"), encoding="utf-8")
    keys = [d.id for d in read_documents([tmp_path])]
    assert keys == ["2024/01/index.html", "2024/02/index.html"]
    # the same folder named from elsewhere finds the same keys
    copy = tmp_path.parent / (tmp_path.name + "-copy")
    shutil.copytree(tmp_path, copy)
    assert [d.id for d in read_documents([copy])] == keys
    assert [d.id for d in read_documents([tmp_path / "2024" / "01" / "index.html"])] == ["index.html"]


def test_jsonl_keys(tmp_path):
    (tmp_path / "tin.jsonl").write_text('{"text": "Đại tá Lê Minh."}\n{"id": "bai-7", "text": "Đại tá Hà Nam."}\n'
                                        '{"url": "https://x.vn/a", "text": "Trung tá Lý Bình."}\n', encoding="utf-8")
    assert [d.id for d in read_documents([tmp_path])] == ["tin.jsonl#1", "bai-7", "https://x.vn/a"]


def test_docx(tmp_path):
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.core_properties.title = "Hội nghị tổng kết"
    document.add_paragraph("Thượng tướng Hoàng Xuân Chiến chủ trì hội nghị tổng kết công tác năm 2024.")
    table = document.add_table(rows=1, cols=1)
    table.cell(0, 0).text = "Đại tá Nguyễn Văn Hùng phát biểu."
    document.save(tmp_path / "tin.docx")
    doc = _one(tmp_path / "tin.docx")
    assert doc.title == "Hội nghị tổng kết"
    assert "Thượng tướng Hoàng Xuân Chiến chủ trì" in doc.text
    assert "Đại tá Nguyễn Văn Hùng phát biểu." in doc.text


def _chromium():
    return shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.browser
def test_pdf_printed_by_chromium_keeps_vietnamese_whole(tmp_path):
    if not _chromium():
        pytest.skip("headless Chromium is not installed (make browser)")
    places = ["Hải Phòng", "Đà Nẵng", "Cần Thơ", "Nghệ An", "Lạng Sơn"]
    body = "".join(f"<p>Tại {places[i % 5]}, Thượng tướng Hoàng Xuân Chiến kiểm tra công tác phát triển công "
                   f"nghiệp quốc phòng {'và huấn luyện ' * (i % 3)}tại Tổng cục Công nghiệp quốc phòng, cùng đi "
                   f"có Đại tá Nguyễn Văn Hùng.</p>" for i in range(40))
    html = tmp_path / "tin.html"
    html.write_text(f"<html lang='vi'><head><meta charset='utf-8'></head><body>{body}</body></html>",
                    encoding="utf-8")
    pdf = tmp_path / "tin.pdf"
    subprocess.run([_chromium(), "--headless", "--no-sandbox", "--disable-gpu", f"--print-to-pdf={pdf}",
                    html.as_uri()], check=True, capture_output=True, timeout=120)
    doc = _one(pdf)
    assert "phát triển công nghiệp quốc phòng" in doc.text
    assert "AM" not in doc.text and "file://" not in doc.text  # Chromium's running header and footer
    assert doc.text.count("Thượng tướng Hoàng Xuân Chiến") == 40  # page breaks and headers do not cut names
    assert "Đại tá Nguyễn Văn Hùng" in doc.text


def test_pdf_without_text_layer(tmp_path):
    pdf = tmp_path / "scan.pdf"
    # a one-page PDF with no text at all
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>"]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for n, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    pdf.write_bytes(bytes(out))
    items = list(read_documents([pdf]))
    assert len(items) == 1 and isinstance(items[0], Failure)
    assert items[0].reason == "no text layer (a scan?) — OCR it first"
