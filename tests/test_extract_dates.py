"""Table tests of the extractor, in Vietnamese written for these tests. Event dates, resolved against the publication date or the year the article names."""
from __future__ import annotations

import re

import pytest

from graph.model import Document
from loaders.extract import dates, extract
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
     "Hội nghị giao ban quý IV của Bộ Tư lệnh Thủ đô", "2024-10-03"),
    # held in December, about next year's tasks, published in January: last year's December
    ("Ngày 28/12, Quân khu 5 tổ chức Hội nghị triển khai nhiệm vụ năm 2025.", "2025-01-02",
     "Hội nghị triển khai nhiệm vụ năm 2025 của Quân khu 5", "2024-12-28"),
    ("Sáng 5-3, Quân khu 7 tổ chức Hội nghị tổng kết năm 2023.", "", "Hội nghị tổng kết năm 2023 của Quân khu 7", "2023-03-05"),
    ("Chiều ngày 7 tháng 10 năm 2023, Lữ đoàn 170 tổ chức Lễ kỷ niệm ngày truyền thống.", "",
     "Lễ kỷ niệm ngày truyền thống", "2023-10-07"),
    # an event held over days begins on the first; the year of the same days written in full elsewhere
    ("Thứ Hai, 19/11/2018, 18:33 [GMT+7]\n\nTừ ngày 19 đến 21-11, Đại tướng Nguyễn Văn Toàn đồng chủ trì "
     "các hoạt động Giao lưu hữu nghị Quốc phòng biên giới lần thứ 5.", "",
     "Giao lưu hữu nghị Quốc phòng biên giới lần thứ 5", "2018-11-19"),
    ("Đoàn đại biểu Quân sự cấp cao Thái Lan thăm chính thức Việt Nam từ ngày 23 - 24/1/2019.\nChiều 23/1, "
     "Lễ đón chính thức Đại tướng Somchai Wongsakul đã diễn ra tại Trụ sở Bộ Quốc phòng.", "",
     "Lễ đón chính thức Đại tướng Somchai Wongsakul", "2019-01-23"),
    # a day of history is no event's day: no date rather than a wrong one
    ("Ngày 27-2, Sư đoàn Không quân 371 tổ chức Gặp mặt kỷ niệm 70 năm Ngày truyền thống Không quân.\nSư đoàn "
     "được thành lập ngày 24-3-1967 tại Hà Nội.", "", "Gặp mặt kỷ niệm 70 năm Ngày truyền thống Không quân", ""),
    # a site's month-first time stamp dates the article
    ("Chủ tịch Quốc hội thăm Tổng cục\n12/29/2023 10:46:35 AM\nChiều 15/12, tại Hà Nội, Đại tướng Nguyễn Văn "
     "Toàn chủ trì buổi làm việc với Tổng cục Công nghiệp quốc phòng.", "",
     "Buổi làm việc với Tổng cục Công nghiệp quốc phòng", "2023-12-15"),
]


@pytest.mark.parametrize("text, published, name, date", EVENT_DATES)
def test_event_dates(text, published, name, date):
    ex = extract(Document("t.txt", text, date=published))
    assert [(e.name, e.date) for e in ex.entities if e.label == "Meeting"] == [(name, date)]


# (text, publication date, the Meeting's date) — sentences written for these tests
DAYS = [
    # the forms a day is written in
    ("Sáng 5.3, Lữ đoàn 126 tổ chức Hội nghị quân chính.", "2024-03-06", "2024-03-05"),
    ("Chiều 19-12, Quân khu 2 tổ chức Hội nghị quân chính.", "2024-12-20", "2024-12-19"),
    ("Ngày 3 tháng 2, Sư đoàn 10 tổ chức Hội nghị quân chính.", "2024-02-04", "2024-02-03"),
    # relative to the day of publication
    ("Sáng nay, Quân khu 2 tổ chức Hội nghị quân chính.", "2024-05-10", "2024-05-10"),
    ("Chiều qua, Quân khu 2 tổ chức Hội nghị quân chính.", "2024-05-10", "2024-05-09"),
    ("Hôm qua, Quân khu 2 tổ chức Hội nghị quân chính.", "2024-03-01", "2024-02-29"),
    # a recent day the text does not give: no date rather than a guess
    ("Vừa qua, Quân khu 2 tổ chức Hội nghị quân chính.", "2024-05-10", ""),
    # a later day of the year than the publication was last year's (month and day compared)
    ("Sáng 28/12, Quân khu 2 tổ chức Hội nghị quân chính.", "2025-01-03", "2024-12-28"),
    ("Sáng 9/5, Quân khu 2 tổ chức Hội nghị quân chính.", "2024-05-10", "2024-05-09"),
    ("Sáng 11/5, Quân khu 2 tổ chức Hội nghị quân chính.", "2024-05-10", "2023-05-11"),
]


@pytest.mark.parametrize("text, published, date", DAYS)
def test_the_day_an_event_took_place(text, published, date):
    ex = extract(Document("t.txt", text, date=published))
    assert [e.date for e in ex.entities if e.label == "Meeting"] == [date]


# (text, the Meeting's date) with no publication date: the year from what the article says
YEARS = [
    # the year the event's own sentence reports on
    ("Sáng 12/7, Cục Quân nhu tổ chức Hội nghị sơ kết 6 tháng đầu năm 2023.", "2023-07-12"),
    # a plan's year is not the year of the event: no date rather than 2026
    ("Sáng 20/12, Cục Quân nhu tổ chức Hội nghị triển khai nhiệm vụ năm 2026.", ""),
    ("Sáng 20/12, Cục Quân nhu tổ chức Hội nghị về phát triển ngành đến năm 2030.", ""),
    # a review names the year it reviews, though it names tasks too
    ("Sáng 20/12, Cục Quân nhu tổ chức hội nghị. Hội nghị thông qua báo cáo tổng kết thực hiện nhiệm vụ "
     "của Cục năm 2023 và bàn nhiệm vụ năm 2024.", "2023-12-20"),
    # a whole-year review held early in the next year
    ("Sáng 10/1, Cục Quân nhu tổ chức Hội nghị tổng kết công tác năm 2023.", "2024-01-10"),
    # an anniversary writes the day with its year
    ("Sáng 7-5, Trường Sĩ quan Lục quân 1 tổ chức Lễ kỷ niệm 80 năm ngày truyền thống (7-5-1945 - 7-5-2025).",
     "2025-05-07"),
    # the day a law takes effect is not the event's day; a law takes effect 45 days or more after it
    # is passed, so a passing on 20/6 before an effect on 1/7/2026 was in 2025
    ("Luật có hiệu lực thi hành từ ngày 1/7/2026. Chiều 20/6, Quốc hội tổ chức phiên họp và biểu quyết "
     "thông qua Luật Phòng không nhân dân.", "2025-06-20"),
    # an instrument made known soon after it was issued
    ("Sáng 15/9, Quân ủy Trung ương tổ chức Hội nghị quán triệt Nghị quyết số 05-NQ/TW ngày 2/4/2023 "
     "của Bộ Chính trị.", "2023-09-15"),
    # a congress, and its preparation, opens its term
    ("Ngày 14/5, Đảng ủy Quân khu 4 tổ chức Hội nghị chuẩn bị Đại hội Đảng bộ Quân khu, nhiệm kỳ 2025-2030.",
     "2025-05-14"),
    # a year of history is not the year of the event
    ("Sáng 12/5, Trung đoàn 9 (thành lập năm 1965) tổ chức Lễ kỷ niệm ngày truyền thống.", ""),
    # where a span starts is not the year of the event
    ("Sáng 3/10, Cục Quân nhu tổ chức Hội nghị quân chính. Từ năm 2019, Cục đã đổi mới công tác.", ""),
    # "chiều cùng ngày": the day the text dated last
    ("Sáng 14/3/2024, Thượng tướng Lê Văn Long dự Hội nghị quân chính của Sư đoàn 5. Chiều cùng ngày, "
     "Thượng tướng Lê Văn Long làm việc với Trường Quân sự Quân khu 7.", "2024-03-14"),
]


@pytest.mark.parametrize("text, date", YEARS)
def test_the_year_an_event_took_place(text, date):
    ex = extract(Document("t.txt", text))
    dates = {e.date for e in ex.entities if e.label == "Meeting" and not e.name.startswith("Đại hội")}
    assert dates == {date}


def test_days_that_are_not_the_event_day():
    ex = extract(Document("t.txt", "Triển lãm Vũ khí năm 2024 mở cửa đến hết ngày 8/9. Thông tư có hiệu lực "
                                   "từ ngày 1/10/2024."))
    assert [e.date for e in ex.entities if e.label == "Meeting"] == [""]
    # "diễn ra từ ngày ...": the first day an event is held
    ex = extract(Document("t.txt", "Bộ Quốc phòng tổ chức Triển lãm Vũ khí năm 2024, diễn ra từ ngày 5/12 đến 8/12."))
    assert [e.date for e in ex.entities if e.label == "Meeting"] == ["2024-12-05"]


# The date patterns put their look-behind after the first word (for speed); they must find exactly
# what the look-behind-first forms find.
def _look_behind_first() -> dict[str, str]:
    """The patterns as they were written before, each with its look-behind first."""
    day_part = dates._alternation("part_of_day")
    return {
        "cue": rf"(?<!\w)(?:(?:{day_part})\s+(?:(?:nay|qua|hôm nay|hôm qua)\s*\(\s*)?(?:ngày\s+)?|"
               rf"(?:hôm nay|hôm qua)\s*\(\s*|ngày\s+)(?:{dates._WORD_DATE}|{dates._NUM_DATE})",
        "plain": r"(?<![\w/.,-])(\d{1,2})\s*[/-]\s*(\d{1,2})\s*[/-]\s*((?:19|20)\d\d)(?![\d/])",
        "range": r"(?<!\w)(?:từ\s+(?:ngày\s+)?|ngày\s+)(\d{1,2})\s*(?:-|–|đến|tới)\s*(?:ngày\s+)?(\d{1,2})\s*[/-]\s*"
                 r"(\d{1,2})(?:\s*[/-]\s*((?:19|20)\d\d))?(?![\d/])",
        "year": r"(?<![\w/.-])((?:19|20)\d\d)(?![\w/])",
    }


_TRICKY = [
    "Sáng 19-12, hội nghị khai mạc; chiều nay (3/10) bế mạc; sáng ngày 5.3 họp tiếp.",
    "ngày 3 tháng 2 năm 2023, ngày 3/2/2023, hôm qua (4/5), hôm nay ( 6/7 )",
    "từ ngày 19 đến 21-11-2024 và ngày 23 - 24/1/2019; từ 1-3/4",
    "xngày 5/3, ngàyy 3/4, a12/3/2020, /1/2/2020, .1/2/2020, -1/2/2020, ,1/2/2020, 12/3/2020",
    "12/3/2020 ở đầu; năm 2020, 2019-2024, 1/2020, a2020, .2020, -2020, 2020/1, 20201",
    "sáng\n19-12; tối qua (8/9); đêm 30/4/1975; trưa ngày 2-9",
    "Nghị quyết 08 ngày 26/1/2022; 1975 2025",
]


def _found(pattern, text):
    return [m.span() + m.groups() for m in pattern.finditer(text)]


@pytest.mark.parametrize("text", _TRICKY)
def test_date_patterns_find_what_the_look_behind_first_forms_find(text):
    low = dates._folded(text)
    cue, plain, _ = dates._patterns()
    ours = {"cue": cue, "plain": plain, "range": dates._RANGE, "year": dates._YEAR}
    for name, first in _look_behind_first().items():
        assert _found(ours[name], low) == _found(re.compile(first), low), name
    assert _found(cue, low) or _found(plain, low) or _found(dates._YEAR, low)  # each line has dates
