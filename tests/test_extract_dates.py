"""Table tests of the extractor, in Vietnamese written for these tests. Event dates, resolved against the publication date or the year the article names."""
from __future__ import annotations

import pytest

from graph.model import Document
from loaders.extract import extract
from tests.extraction import run


def test_meeting_date_takes_the_year_from_context():
    ex, _, _ = run("Chiều ngày 25/9, Bộ Quốc phòng tổ chức Hội nghị giao ban công tác kỹ thuật quý III năm 2024.")
    [meeting] = [e for e in ex.entities if e.label == "Meeting"]
    assert meeting.date == "2024-09-25"
    ex, _, _ = run("Sáng 3-4-2024, Quân khu 3 tổ chức Hội thảo khoa học về hậu cần.")
    assert [e.date for e in ex.entities if e.label == "Meeting"] == ["2024-04-03"]
    ex, _, _ = run("Chiều ngày 7 tháng 10 năm 2023, Học viện Hậu cần tổ chức Hội nghị tổng kết.")
    assert [e.date for e in ex.entities if e.label == "Meeting"] == ["2023-10-07"]


EVENT_DATES = [
    # (text, publication date, event name, event date)
    ("Chiều nay (3/10), Bộ Tư lệnh Thủ đô tổ chức Hội nghị giao ban quý IV.", "2024-10-03",
     "Hội nghị giao ban quý IV", "2024-10-03"),
    # held in December, about next year's tasks, published in January: last year's December
    ("Ngày 28/12, Quân khu 5 tổ chức Hội nghị triển khai nhiệm vụ năm 2025.", "2025-01-02",
     "Hội nghị triển khai nhiệm vụ năm 2025", "2024-12-28"),
    ("Sáng 5-3, Quân khu 7 tổ chức Hội nghị tổng kết năm 2023.", "", "Hội nghị tổng kết năm 2023", "2023-03-05"),
    ("Chiều ngày 7 tháng 10 năm 2023, Lữ đoàn 170 tổ chức Lễ kỷ niệm ngày truyền thống.", "",
     "Lễ kỷ niệm ngày truyền thống", "2023-10-07"),
]


@pytest.mark.parametrize("text, published, name, date", EVENT_DATES)
def test_event_dates(text, published, name, date):
    ex = extract(Document("t.txt", text, date=published))
    assert [(e.name, e.date) for e in ex.entities if e.label == "Meeting"] == [(name, date)]
