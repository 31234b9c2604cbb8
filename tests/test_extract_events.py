"""Table tests of the events stage, in Vietnamese written for these tests: how an event is named,
which mentions are one event, and which are none."""
from __future__ import annotations

import pytest

from graph.model import Document
from loaders.extract import extract
from tests.extraction import run


def meetings(text: str, title: str = "", date: str = "") -> list[str]:
    ex = extract(Document("t.txt", (title + "\n\n" + text) if title else text, title=title, date=date))
    return [e.name for e in ex.entities if e.label == "Meeting"]


NAMES = [
    # the kind with its purpose, period and owner as written
    ("Sáng 9/7, Cục Quân khí tổ chức Hội nghị sơ kết công tác 6 tháng đầu năm 2024 của Cục Quân khí.",
     ["Hội nghị sơ kết công tác 6 tháng đầu năm 2024 của Cục Quân khí"]),
    # purposes joined by a comma belong to one name; a numbered instrument closes it
    ("Sáng 4/3, Quân khu 5 tổ chức Hội nghị học tập, quán triệt Nghị quyết số 12-NQ/TW ngày 2/1/2024 "
     "của Bộ Chính trị về xây dựng Đảng.",
     ["Hội nghị học tập, quán triệt Nghị quyết số 12-NQ/TW"]),
    # a working session is named by whom it is with, not by its subject
    ("Chiều 8/5, Thượng tướng Lê Văn Hòa chủ trì buổi làm việc với Tổng công ty Sông Thu về nhiệm vụ năm 2024.",
     ["Buổi làm việc với Tổng công ty Sông Thu"]),
    # the edition after a comma is part of the name
    ("Ngày 20/8, Quân khu 9 tổ chức Đại hội đại biểu Đảng bộ Quân khu lần thứ XI, nhiệm kỳ 2025-2030.",
     ["Đại hội đại biểu Đảng bộ Quân khu lần thứ XI, nhiệm kỳ 2025-2030"]),
    # the organiser written as the subject of "tổ chức" owns the event: before the edition of a congress,
    # after "của" for a conference; not when the name already names one, nor for several organisers
    ("Sáng 9/10, Đảng bộ Cục Quân khí tổ chức Đại hội đại biểu lần thứ XI, nhiệm kỳ 2025-2030.",
     ["Đại hội đại biểu Đảng bộ Cục Quân khí lần thứ XI, nhiệm kỳ 2025-2030"]),
    ("Chiều 18/12, Tổng cục Hậu cần tổ chức Hội nghị tổng kết công tác năm 2025.",
     ["Hội nghị tổng kết công tác năm 2025 của Tổng cục Hậu cần"]),
    ("Ngày 6/1, Bộ Tư lệnh Quân khu 2 (QK2) tổ chức Hội nghị quân chính năm 2026.",
     ["Hội nghị quân chính năm 2026 của Bộ Tư lệnh Quân khu 2"]),
    ("Sáng 3/4, Cục Quân y và Cục Hậu cần tổ chức Hội nghị sơ kết công tác quý I năm 2025.",
     ["Hội nghị sơ kết công tác quý I năm 2025"]),
    ("Ngày 2/7, Nhà máy Z115, Tổng cục Kỹ thuật tổ chức Hội nghị sơ kết nhiệm vụ 6 tháng đầu năm 2025.",
     ["Hội nghị sơ kết nhiệm vụ 6 tháng đầu năm 2025"]),
    ("Sáng 5/3, Cục Quân khí tổ chức Hội nghị phổ biến Luật Quốc phòng.", ["Hội nghị phổ biến Luật Quốc phòng"]),
    # a term or period after a comma; an owner between an edition and its term; titles in a list
    ("Sáng 27/2/2024, Bộ đội Biên phòng tổ chức Hội nghị sơ kết 5 năm thực hiện Ngày Biên phòng toàn dân, "
     "giai đoạn 2019-2024.", ["Hội nghị sơ kết 5 năm thực hiện Ngày Biên phòng toàn dân, giai đoạn 2019-2024"]),
    ("Ngày 20/8/2020, tại Cần Thơ, Đại hội đại biểu lần thứ X, Đảng bộ Quân khu 9, nhiệm kỳ 2020 - 2025 đã khai mạc.",
     ["Đại hội đại biểu lần thứ X, Đảng bộ Quân khu 9, nhiệm kỳ 2020 - 2025"]),
    ("Ngày 4/7/2022, Bộ Quốc phòng tổ chức khai mạc Cuộc thi Chỉ huy trưởng, Chính ủy Bộ Chỉ huy quân sự tỉnh "
     "năm 2022.", ["Cuộc thi Chỉ huy trưởng, Chính ủy Bộ Chỉ huy quân sự tỉnh năm 2022",
                   "Lễ khai mạc Cuộc thi Chỉ huy trưởng, Chính ủy Bộ Chỉ huy quân sự tỉnh năm 2022 của Bộ Quốc phòng"]),
    # after an edition: the parties, or the body whose sitting it is
    ("Năm 2024, Cảnh sát biển tổ chức Hội nghị song phương lần thứ nhất giữa Cảnh sát biển Việt Nam và Lực lượng "
     "Bảo vệ bờ biển Philippines.",
     ["Hội nghị song phương lần thứ nhất giữa Cảnh sát biển Việt Nam và Lực lượng Bảo vệ bờ biển Philippines"]),
    ("Chiều 3/8/2020, Trung tướng Lê Văn Hải thông báo kết quả Hội nghị lần thứ nhất Ban Chấp hành Đảng bộ Quân "
     "khu nhiệm kỳ 2020-2025.", ["Hội nghị lần thứ nhất Ban Chấp hành Đảng bộ Quân khu nhiệm kỳ 2020-2025"]),
    # ceremonies named by what they do, and whose they are
    ("Sáng 18/9/2025, Học viện Lục quân long trọng khai giảng năm học mới 2025-2026.",
     ["Lễ khai giảng năm học mới 2025-2026 của Học viện Lục quân"]),
    ("Ngày 28/10/2025, Sư đoàn Không quân 370 tổ chức kỷ niệm 50 năm Ngày truyền thống và đón nhận Huân chương "
     "Bảo vệ Tổ quốc hạng Nhất.",
     ["Lễ kỷ niệm 50 năm Ngày truyền thống và đón nhận Huân chương Bảo vệ Tổ quốc hạng Nhất của Sư đoàn Không "
      "quân 370"]),
    # "tổ chức khai mạc X": the opening ceremony of X; "tổ chức chiêu đãi": a reception with a dinner,
    # whose name leaves out the days in parentheses and goes on after them
    ("Ngày 4/7/2022, Bộ Quốc phòng tổ chức khai mạc Hội thao quân sự năm 2022.",
     ["Lễ khai mạc Hội thao quân sự năm 2022 của Bộ Quốc phòng", "Hội thao quân sự năm 2022"]),
    ("Tối 6/12/2022, Đại sứ quán Cuba tổ chức chiêu đãi nhân kỷ niệm 62 năm Ngày thiết lập quan hệ ngoại giao "
     "Việt Nam - Cuba (02/12/1960 - 02/12/2022) và kỷ niệm 66 năm Ngày thành lập các Lực lượng vũ trang "
     "Cách mạng Cuba.",
     ["Tiệc chiêu đãi nhân kỷ niệm 62 năm Ngày thiết lập quan hệ ngoại giao Việt Nam - Cuba và kỷ niệm 66 năm "
      "Ngày thành lập các Lực lượng vũ trang Cách mạng Cuba"]),
    # a second complement after a comma stays in the name; a new clause or list does not
    ("Sáng 7/5/2024, tại Điện Biên Phủ, Lễ diễu binh, diễu hành kỷ niệm 70 năm Chiến thắng Điện Biên Phủ đã diễn ra.",
     ["Lễ diễu binh, diễu hành kỷ niệm 70 năm Chiến thắng Điện Biên Phủ"]),
    ("Chiều 20/11/2020, Thượng tướng Lê Hữu Thành chủ trì hội nghị rút kinh nghiệm công tác phòng chống bão lụt, "
     "khắc phục hậu quả mưa lũ tháng 10/2020.",
     ["Hội nghị rút kinh nghiệm công tác phòng chống bão lụt, khắc phục hậu quả mưa lũ tháng 10/2020"]),
    ("Sáng 5/3/2024, Sư đoàn 9 tổ chức Hội nghị tổng kết công tác năm 2024, các đại biểu đã thảo luận nhiều nội dung.",
     ["Hội nghị tổng kết công tác năm 2024 của Sư đoàn 9"]),
    ("Sáng 5/3/2024, Sư đoàn 9 tổ chức Hội nghị quân chính năm 2024, đồng thời triển khai nhiệm vụ năm 2025.",
     ["Hội nghị quân chính năm 2024 của Sư đoàn 9"]),
    # whom a purpose is for; an exercise a word introduces
    ("Sáng 20/7/2023, Học viện Kỹ thuật quân sự tổ chức lễ tốt nghiệp cho 206 học viên lớp hoàn thiện đại học "
     "khóa 13.", ["Lễ tốt nghiệp cho 206 học viên lớp hoàn thiện đại học khóa 13"]),
    ("Sáng 8/11/2024, Thượng tướng Lê Hữu Thành đã dự, chỉ đạo diễn tập khu vực phòng thủ thành phố Hà Nội năm "
     "2024.", ["Diễn tập khu vực phòng thủ thành phố Hà Nội năm 2024"]),
    # dialogues, receptions, courtesy calls
    ("Sáng 27/12/2016, tại Hà Nội, Đối thoại chính sách quốc phòng Việt Nam - Hàn Quốc lần thứ 5 đã diễn ra.",
     ["Đối thoại chính sách quốc phòng Việt Nam - Hàn Quốc lần thứ 5"]),
    ("Tối 6/12/2022, Bộ Quốc phòng tổ chức tiệc chiêu đãi nhân kỷ niệm 62 năm Ngày thiết lập quan hệ ngoại giao "
     "Việt Nam - Cuba.", ["Tiệc chiêu đãi nhân kỷ niệm 62 năm Ngày thiết lập quan hệ ngoại giao Việt Nam - Cuba"]),
    ("Ngày 26/8/2025, Thiếu tướng Ngô Bình Minh đã chào xã giao lãnh đạo Cảnh sát biển Indonesia và trao đổi "
     "kinh nghiệm.", ["Buổi chào xã giao lãnh đạo Cảnh sát biển Indonesia"]),
    # an event named as the object of another's purpose stays its own event
    ("Chiều 2/6, Bộ Quốc phòng tổ chức họp báo giới thiệu Hội chợ Quốc phòng quốc tế 2025.",
     ["Họp báo giới thiệu Hội chợ Quốc phòng quốc tế 2025", "Hội chợ Quốc phòng quốc tế 2025"]),
    # what an event is held for, written after a comma, what a purpose acts on ("vào ..."), and the event
    # a preparation is for
    ("Chiều 25/3/2026, Quân ủy Trung ương tổ chức hội nghị, xem xét, cho ý kiến vào dự thảo báo cáo chính trị.",
     ["Hội nghị xem xét, cho ý kiến vào dự thảo báo cáo chính trị"]),
    ("Sáng 2/6/2026, Tổng cục Chính trị tổ chức hội nghị chuẩn bị cho Lễ kỷ niệm 80 năm Ngày thành lập "
     "Quân đội nhân dân Việt Nam.",
     ["Hội nghị chuẩn bị cho Lễ kỷ niệm 80 năm Ngày thành lập Quân đội nhân dân Việt Nam",
      "Lễ kỷ niệm 80 năm Ngày thành lập Quân đội nhân dân Việt Nam"]),
    ("Hội nghị sơ kết vào sáng 5/3/2026 tại Hà Nội do Đại tướng Phan Văn Giang chủ trì.", ["Hội nghị sơ kết"]),
    # a verb phrase that writes the event whole names it, not a caption's bare "lễ khai giảng"; who took
    # part ("với 970 học viên") is not its name
    ("Sáng 18-9-2025, Học viện Lục quân khai giảng năm học mới 2025-2026 với 970 học viên.\n"
     "Quang cảnh lễ khai giảng.", ["Lễ khai giảng năm học mới 2025-2026 của Học viện Lục quân"]),
    # a pilot conference ("làm trước") is named by what it reviews
    ("Sư đoàn 312 tổ chức hội nghị làm trước tổng kết 10 năm thực hiện Nghị quyết 8 về huấn luyện",
     ["Hội nghị làm trước tổng kết 10 năm thực hiện Nghị quyết 8 về huấn luyện"]),
    # a sitting organised by a body is that body's, and a bare "hội nghị" after it is the sitting
    ("Sáng 4/3/2026, Ban Chỉ đạo xây dựng Đề án phát triển công nghiệp quốc phòng tổ chức phiên họp thứ 2. "
     "Đại tướng Phan Văn Giang chủ trì hội nghị.",
     ["Phiên họp thứ 2 của Ban Chỉ đạo xây dựng Đề án phát triển công nghiệp quốc phòng"]),
]


@pytest.mark.parametrize("text, names", NAMES)
def test_events_are_named_by_kind_purpose_period_and_owner(text, names):
    assert sorted(meetings(text)) == sorted(names)


NOT_NAMES = [
    # the words after the kind say what the event did, they do not name it
    "Tại hội nghị, các đại biểu đều nhấn mạnh yêu cầu bảo đảm an toàn. Hội nghị đều thống nhất cao.",
    "Hội nghị tiến hành biểu quyết các nội dung. Triển lãm mở cửa miễn phí cho nhân dân.",
    "Đảng ủy Lữ đoàn 125 được chọn tổ chức hội nghị làm trước để rút kinh nghiệm cho các đơn vị.",
    # a place that carries an event word
    "Sáng 3/5, tại Trung tâm Hội nghị Quốc gia, các đại biểu thăm quan gian hàng.",
    # kinds of event in a list, no particular one
    "Năm qua, Cục Kỹ thuật đã tổ chức tốt các hội thi, hội thao, tập huấn chuyên môn.",
    "Các đại biểu dự Đại hội Đảng bộ cấp trên đều trúng cử với số phiếu cao.",
    # a kind that is also a verb, used as one
    "Đoàn đại biểu Bộ Quốc phòng Lào đề nghị phía Việt Nam giúp tập huấn cán bộ kỹ thuật.",
]


@pytest.mark.parametrize("text", NOT_NAMES)
def test_words_that_follow_a_kind_name_no_event(text):
    names = meetings(text)
    assert not any(n.startswith("Tập huấn") for n in names)
    assert not any(n.split()[-1] in ("đều", "tiến", "hành", "phí", "Gia", "trên", "cấp", "làm") for n in names), names
    assert not any(n in ("Hội nghị đều", "Hội nghị tiến hành", "Triển lãm mở cửa miễn phí") for n in names)
    assert not any("Quốc gia" in n for n in names)


ONE_EVENT = [
    # every bare reference is the article's event
    ("Sáng 6/3, Sư đoàn 9 tổ chức Hội nghị quân chính năm 2024. Dự hội nghị có Đại tá Vũ Văn Tân. "
     "Phát biểu tại hội nghị, Đại tá Vũ Văn Tân biểu dương các đơn vị. Hội nghị này đánh giá cao kết quả.",
     ["Hội nghị quân chính năm 2024 của Sư đoàn 9"]),
    # a later lower-case mention that names nothing of its own is the same exhibition (and "X khai
    # mạc Y" tells of Y's opening ceremony, another event)
    ("Sáng 10/10, Bộ Quốc phòng khai mạc Triển lãm vũ khí trang bị năm 2024. Triển lãm năm nay "
     "giới thiệu hơn 300 sản phẩm. Triển lãm giới thiệu nhiều sản phẩm lưỡng dụng.",
     ["Lễ khai mạc Triển lãm vũ khí trang bị năm 2024", "Triển lãm vũ khí trang bị năm 2024"]),
    # an opening ceremony and the exhibition it opens are two
    ("Sáng 10/10, Bộ Quốc phòng tổ chức Lễ khai mạc Triển lãm vũ khí trang bị năm 2024.",
     ["Lễ khai mạc Triển lãm vũ khí trang bị năm 2024", "Triển lãm vũ khí trang bị năm 2024"]),
    # a short name in parentheses is the event's too
    ("Bộ Quốc phòng tổ chức Hội chợ Công nghiệp quốc phòng Việt Nam (Vietnam Defexpo) lần đầu. "
     "Sáng 9/12, hội chợ Vietnam Defexpo 2024 khai mạc.",
     ["Hội chợ Công nghiệp quốc phòng Việt Nam"]),
    # two contests with names of their own are two
    ("Cục Quân khí tổ chức tập huấn nghiệp vụ kho cho cán bộ toàn ngành.", ["Tập huấn nghiệp vụ kho"]),
    ("Cục Quân khí tổ chức Hội thi Thợ sửa chữa giỏi và Hội thi Kíp xe an toàn.",
     ["Hội thi Thợ sửa chữa giỏi", "Hội thi Kíp xe an toàn"]),
]


@pytest.mark.parametrize("text, names", ONE_EVENT)
def test_one_event_is_one_meeting(text, names):
    assert sorted(meetings(text)) == sorted(names)


VERB_PHRASES = [
    # "X làm việc với Y": a working session with Y, led by X
    ("Chiều 12/4, Đại tướng Lê Minh Quân làm việc với Bộ Tư lệnh Quân khu 4 về công tác huấn luyện. "
     "Dự buổi làm việc có Trung tướng Phạm Văn Hiếu.",
     "Buổi làm việc với Bộ Tư lệnh Quân khu 4",
     {("ATTENDED", "Lê Minh Quân"), ("ATTENDED", "Phạm Văn Hiếu")}),
    # "X tiếp Đoàn ...", "X hội đàm với ...": the guest or the party names it, X is there (and chairs
    # nothing: only "chủ trì" says so); talks are held between the two sides
    ("Chiều 10/4, Thượng tướng Hoàng Văn Chiến tiếp Đoàn đại biểu Bộ Quốc phòng Campuchia. Tại buổi tiếp, "
     "Thượng tướng Hoàng Văn Chiến đánh giá cao kết quả hợp tác.",
     "Buổi tiếp Đoàn đại biểu Bộ Quốc phòng Campuchia", {("ATTENDED", "Hoàng Văn Chiến")}),
    ("Sáng 12/3, Đại tướng Phan Văn Giang hội đàm với Bộ trưởng Quốc phòng Lào. Sau hội đàm, hai bên ký "
     "biên bản ghi nhớ.", "Hội đàm giữa Đại tướng Phan Văn Giang và Bộ trưởng Quốc phòng Lào",
     {("ATTENDED", "Phan Văn Giang")}),
    ("Chiều 5-12, Đại tướng Phan Văn Giang tiếp xã giao Đại sứ Nhật Bản tại Việt Nam.",
     "Buổi tiếp xã giao Đại sứ Nhật Bản", {("ATTENDED", "Phan Văn Giang")}),
    # "tổ chức sơ kết ...": a conference of the organiser
    ("Ngày 5/7, Cục Hậu cần tổ chức sơ kết 6 tháng đầu năm 2024. Đại tá Ngô Văn Sơn chủ trì hội nghị.",
     "Hội nghị sơ kết 6 tháng đầu năm 2024 của Cục Hậu cần",
     {("CHAIRED", "Ngô Văn Sơn"), ("ATTENDED", "Ngô Văn Sơn")}),
    ("Sáng 26/12, Bộ Tư lệnh Quân khu 5 tổ chức tổng kết công tác quân sự, quốc phòng năm 2024. "
     "Thiếu tướng Lê Văn Minh chủ trì hội nghị.",
     "Hội nghị tổng kết công tác quân sự, quốc phòng năm 2024 của Bộ Tư lệnh Quân khu 5",
     {("CHAIRED", "Lê Văn Minh"), ("ATTENDED", "Lê Văn Minh")}),
]


@pytest.mark.parametrize("text, name, people", VERB_PHRASES)
def test_events_named_by_a_verb_phrase(text, name, people):
    ex, entities, relations = run(text)
    assert [e.name for e in ex.entities if e.label == "Meeting"] == [name]
    assert {(t, a) for t, a, b, _ in relations if t in ("CHAIRED", "ATTENDED") and b == name} == people


def test_a_conference_named_only_by_its_kind_takes_the_period_it_reviews_and_its_owner():
    text = ("Trung tướng Đỗ Văn Hải phát biểu kết luận hội nghị.\n\n"
            "Báo cáo tại hội nghị nêu rõ: 6 tháng đầu năm 2024, Tổng cục Hậu cần đã hoàn thành tốt các nhiệm vụ.")
    assert meetings(text) == ["Hội nghị sơ kết 6 tháng đầu năm 2024 của Tổng cục Hậu cần"]
    assert meetings("Năm 2024, Đảng ủy Quân khu 5 đã lãnh đạo tốt các nhiệm vụ.\n\n"
                    "Đại tá Lê Văn Bình chủ trì hội nghị.") == ["Hội nghị Đảng ủy Quân khu 5"]


def test_a_purpose_without_its_object_takes_the_one_written_after_the_same_verb():
    text = ("Lãnh đạo hai cục tại hội nghị ký kết.\n\n"
            "Ký kết chương trình phối hợp giữa Cục Quân khí và Cục Xe máy.")
    assert meetings(text) == ["Hội nghị ký kết chương trình phối hợp giữa Cục Quân khí và Cục Xe máy"]


def test_the_headline_is_the_body_event_of_its_kind():
    names = meetings("Sáng 6/3, Sư đoàn 9 tổ chức Hội nghị quân chính năm 2024 của Sư đoàn.",
                     title="Hội nghị quân chính Sư đoàn 9")
    assert names == ["Hội nghị quân chính năm 2024 của Sư đoàn"]


def test_the_same_event_in_two_articles_is_one_node_and_a_yearly_one_is_new_each_year():
    a = extract(Document("a.txt", "Sáng 6/12/2024, Quân khu 7 tổ chức Hội nghị tổng kết công tác quân sự năm 2024."))
    b = extract(Document("b.txt", "Sáng 6/12/2024, Quân khu 7 tổ chức Hội nghị tổng kết công tác quân sự năm 2024. "
                                  "Dự hội nghị có Trung tướng Lê Văn Long."))
    c = extract(Document("c.txt", "Sáng 5/12/2025, Quân khu 7 tổ chức Hội nghị tổng kết công tác quân sự năm 2025."))
    key = lambda ex: [e.key for e in ex.entities if e.label == "Meeting"]
    assert key(a) == key(b)
    assert key(a) != key(c)
    # the same name without a date in two articles: two events, for nothing says they are one
    d = extract(Document("d.txt", "Quân khu 7 tổ chức Hội nghị quân chính."))
    e = extract(Document("e.txt", "Quân khu 7 tổ chức Hội nghị quân chính."))
    assert key(d) != key(e)


VISITS = [
    # a stay or a visit somewhere, with no counterpart "với ...", is no working session
    "Chiều 3/6, Đoàn đại biểu Bộ Quốc phòng Mông Cổ đang thăm và làm việc tại Việt Nam. "
    "Thượng tướng Hoàng Văn Chiến tiếp Đoàn tại trụ sở Bộ Quốc phòng.",
    "Ngày 14/9, Đoàn đại biểu Quân đội Hoàng gia Campuchia sang thăm, làm việc tại Hà Nội theo lời mời "
    "của Bộ Quốc phòng.",
]


@pytest.mark.parametrize("text", VISITS)
def test_working_somewhere_names_no_working_session(text):
    ex, _, relations = run(text)
    names = [e.name for e in ex.entities if e.label == "Meeting"]
    assert not any(n.startswith("Buổi làm việc") for n in names), names
    assert not any(t == "CHAIRED" and b.startswith("Buổi làm việc") for t, a, b, _ in relations)


VAGUE = [
    # many or some parties are no counterpart of one working session
    "Chiều 7/10, Thiếu tướng Lê Văn Hải làm việc với một số nhà máy thuộc Tổng cục Công nghiệp quốc phòng.",
    "Sáng 2/11, Đại tá Ngô Văn Sơn làm việc với các đơn vị trực thuộc Cục Quân khí về công tác bảo đảm.",
    "Ngày 5/4, Trung tướng Phạm Văn Hiếu chủ trì buổi làm việc với nhiều doanh nghiệp quốc phòng.",
    # a plan is no event that took place
    "Trong chuyến công tác, đoàn sẽ đến thăm, làm việc với Tổng công ty Ba Son và Nhà máy Z751.",
    "Theo kế hoạch, Đại tướng Lê Minh Quân dự kiến làm việc với Bộ Tư lệnh Quân khu 4 vào tuần tới.",
    "Tháng 12, Cục Hậu cần sẽ tổ chức tổng kết công tác năm 2025.",
    "Ngày mai, Đại tướng Phan Văn Giang sẽ hội đàm với Bộ trưởng Quốc phòng Lào.",
    # many events of a kind are no one event
    "Năm 2025, Quân khu 9 đã tổ chức thành công nhiều cuộc diễn tập phòng chống thiên tai cấp tỉnh.",
    "Trong nhiệm kỳ, Tổng cục Kỹ thuật đã chủ trì các hội thảo khoa học về bảo đảm kỹ thuật.",
]


def test_a_bare_kind_that_a_named_event_is_about_is_no_event_of_its_own():
    text = ("Sáng 9/5/2025, Quân khu 5 tổ chức Hội nghị tổng kết diễn tập khu vực phòng thủ tỉnh Quảng Ngãi. "
            "Thiếu tướng Nguyễn Hồng Phong chủ trì hội nghị. Cuộc diễn tập đã bảo đảm an toàn tuyệt đối.")
    names = meetings(text)
    assert len(names) == 1 and names[0].startswith("Hội nghị tổng kết diễn tập khu vực phòng thủ")


@pytest.mark.parametrize("text", VAGUE)
def test_a_vague_counterpart_or_a_plan_names_no_event(text):
    assert meetings(text) == []


def test_a_working_session_written_as_such_is_named_by_the_agency_visited():
    ex, _, relations = run("Ngày 18/4, Thiếu tướng Lê Văn Hải làm việc tại Nhà máy Z113. Tại buổi "
                           "làm việc, Thiếu tướng Lê Văn Hải biểu dương nhà máy.")
    assert [e.name for e in ex.entities if e.label == "Meeting"] == ["Buổi làm việc tại Nhà máy Z113"]
    assert ("ATTENDED", "Lê Văn Hải", "Buổi làm việc tại Nhà máy Z113", "") in relations


def test_a_visit_to_a_unit_is_a_working_session_there_and_one_to_a_country_is_none():
    text = ("Ngày 18/4/2026, Thiếu tướng Lê Văn Hải đến thăm và làm việc tại Nhà máy Z113. Tại buổi làm việc, "
            "Thiếu tướng Lê Văn Hải biểu dương nhà máy.")
    ex, _, relations = run(text)
    assert [e.name for e in ex.entities if e.label == "Meeting"] == ["Buổi thăm và làm việc tại Nhà máy Z113"]
    assert ("ATTENDED", "Lê Văn Hải", "Buổi thăm và làm việc tại Nhà máy Z113", "") in relations
    assert meetings("Ngày 5/4/2026, Đại tướng Phan Văn Giang thăm, làm việc tại Lữ đoàn 171.") == \
        ["Buổi thăm, làm việc tại Lữ đoàn 171"]
    assert meetings("Ngày 5/4/2026, Bộ trưởng Quốc phòng Singapore thăm và làm việc tại Việt Nam.") == []



VISIT_KINDS = [
    # a New Year visit, to people listed as one ("cán bộ, chiến sĩ ..."), and a tour of a named site
    ("Sáng 10/1/2026, Đoàn công tác Bộ Tổng Tham mưu do Trung tướng Nguyễn Văn Nam làm Trưởng đoàn đã đến "
     "thăm, chúc Tết cán bộ, chiến sĩ Bộ Tư lệnh Vùng Cảnh sát biển 2.",
     ["Buổi thăm, chúc Tết cán bộ, chiến sĩ Bộ Tư lệnh Vùng Cảnh sát biển 2"], "Nguyễn Văn Nam"),
    ("Sáng 19/3/2026, Đại tướng Phan Văn Giang cùng đoàn đại biểu tới tham quan Bảo tàng Hải quân tại Hải Phòng.",
     ["Buổi tham quan Bảo tàng Hải quân"], "Phan Văn Giang"),
    # products seen at an exhibition are no tour of their own
    ("Thủ tướng Phạm Minh Chính tham quan sản phẩm Công nghiệp quốc phòng.", [], None),
]


@pytest.mark.parametrize("text, names, visitor", VISIT_KINDS)
def test_visits_of_other_kinds(text, names, visitor):
    ex, _, relations = run(text)
    assert [e.name for e in ex.entities if e.label == "Meeting"] == names
    if visitor:
        assert ("ATTENDED", visitor, names[0], "") in relations, relations


def test_who_visits_is_at_the_visit_and_working_with_the_visitors_is_no_event_of_its_own():
    ex, _, relations = run("Chiều 12/11/2025, Đại tướng Phan Văn Giang, Bộ trưởng Bộ Quốc phòng, đã đến thăm và làm "
                           "việc tại Sư đoàn 5. Đón tiếp và làm việc với đoàn công tác có Đại tá Lê Văn Tám, "
                           "Sư đoàn trưởng.")
    assert [e.name for e in ex.entities if e.label == "Meeting"] == ["Buổi thăm và làm việc tại Sư đoàn 5"]
    assert ("ATTENDED", "Phan Văn Giang", "Buổi thăm và làm việc tại Sư đoàn 5", "") in relations


def test_verbs_that_begin_a_longer_word_name_no_event():
    assert meetings("Sáng 12/3, Bộ Quốc phòng tiếp tục triển khai nhiệm vụ. Đơn vị tiếp nhận 200 tân binh. "
                    "Tiếp đoàn có Đại tá Lê Văn Minh.") == []


def test_a_closing_ceremony_is_not_the_opening_one():
    ex, _, relations = run("Sáng 15/3/2024, Bộ Quốc phòng tổ chức Lễ khai mạc Hội thao quân sự năm 2024. "
                           "Chiều 20/3/2024, Cục Quân huấn tổ chức lễ bế mạc. Đại tá Lê Văn Minh dự lễ bế mạc.")
    assert ("ATTENDED", "Lê Văn Minh", "Lễ khai mạc Hội thao quân sự năm 2024", "") not in relations
    # the bare closing ceremony is that of the article's contest
    assert ("ATTENDED", "Lê Văn Minh", "Lễ bế mạc Hội thao quân sự năm 2024", "") in relations


def test_an_event_begins_on_the_day_of_its_opening_ceremony():
    ex = extract(Document("t.txt", "Sáng 15/3/2024, Bộ Quốc phòng tổ chức Lễ khai mạc Hội thao quân sự năm 2024."))
    assert {(e.name, e.date) for e in ex.entities if e.label == "Meeting"} == {
        ("Lễ khai mạc Hội thao quân sự năm 2024", "2024-03-15"), ("Hội thao quân sự năm 2024", "2024-03-15")}


def test_talks_are_held_between_who_has_them_and_the_guest():
    _, _, relations = run("Chiều 20/5, Thượng tướng Hoàng Văn Chiến, Thứ trưởng Bộ Quốc phòng đã có cuộc hội đàm "
                          "với Thứ trưởng Bộ Quốc phòng Nhật Bản.")
    talks = "Cuộc hội đàm giữa Thượng tướng Hoàng Văn Chiến và Thứ trưởng Bộ Quốc phòng Nhật Bản"
    assert ("ATTENDED", "Hoàng Văn Chiến", talks, "") in relations
    assert not any(t == "CHAIRED" for t, *_ in relations)


def test_a_bare_kind_is_no_alias_of_the_event():
    ex = extract(Document("t.txt", "Sáng 6/3, Sư đoàn 9 tổ chức Hội nghị quân chính năm 2024. Dự hội nghị có "
                                   "Đại tá Vũ Văn Tân. Quang cảnh buổi lễ."))
    [meeting] = [e for e in ex.entities if e.label == "Meeting"]
    assert not {a.lower() for a in meeting.aliases} & {"hội nghị", "buổi lễ"}


# Welcomes, receptions, talks and meetings with a guest: the guest belongs to the name, and is there.
GUESTS = [
    ("Sáng 12/3/2024, Đại tướng Nguyễn Văn Toàn chủ trì lễ đón chính thức Đại tướng Somsak Phanthavong, "
     "Bộ trưởng Bộ Quốc phòng Lào.",
     "Lễ đón chính thức Đại tướng Somsak Phanthavong",
     {("CHAIRED", "Nguyễn Văn Toàn"), ("ATTENDED", "Nguyễn Văn Toàn"), ("ATTENDED", "Somsak Phanthavong")}),
    # several guests joined by "và", a delegation up to what it does ("thăm chính thức ...")
    ("Sáng 4/4/2024, tại Hà Nội, Thượng tướng Lê Hữu Thành chủ trì Lễ đón chính thức Đại tướng Somchai "
     "Wongsakul và Đoàn đại biểu quân sự cấp cao Quân đội Hoàng gia Thái Lan thăm chính thức Việt Nam.",
     "Lễ đón chính thức Đại tướng Somchai Wongsakul và Đoàn đại biểu quân sự cấp cao Quân đội Hoàng gia Thái Lan",
     {("CHAIRED", "Lê Hữu Thành"), ("ATTENDED", "Lê Hữu Thành"), ("ATTENDED", "Somchai Wongsakul")}),
    # a kind used as the verb of a person: held between the two
    ("Chiều 5/6/2023, Đại tướng Nguyễn Văn Toàn, Bộ trưởng Bộ Quốc phòng đã hội đàm với Đại tướng Bounmy "
     "Keola, Bộ trưởng Bộ Quốc phòng Lào.",
     "Hội đàm giữa Đại tướng Nguyễn Văn Toàn và Đại tướng Bounmy Keola",
     {("ATTENDED", "Nguyễn Văn Toàn"), ("ATTENDED", "Bounmy Keola")}),
    ("Sáng 9/9/2022, Thượng tướng Lê Hữu Thành hội kiến Đại tướng Tuan Seila, Tư lệnh Lục quân Campuchia.",
     "Hội kiến giữa Thượng tướng Lê Hữu Thành và Đại tướng Tuan Seila",
     {("ATTENDED", "Lê Hữu Thành"), ("ATTENDED", "Tuan Seila")}),
    ("Ngày 14/9/2022, tại Viêng Chăn đã diễn ra cuộc gặp giữa Bộ trưởng Quốc phòng ba nước Việt Nam - Lào "
     "- Campuchia.", "Cuộc gặp giữa Bộ trưởng Quốc phòng ba nước Việt Nam - Lào - Campuchia", set()),
    # a named series of exchanges; "dự và chủ trì" chairs
    ("Ngày 20/11/2024, Đại tướng Nguyễn Văn Toàn và Thượng tướng Trương Minh Đức đồng chủ trì các hoạt động "
     "Giao lưu hữu nghị Quốc phòng biên giới Việt Nam - Trung Quốc lần thứ 7.",
     "Giao lưu hữu nghị Quốc phòng biên giới Việt Nam - Trung Quốc lần thứ 7",
     {("CHAIRED", "Nguyễn Văn Toàn"), ("ATTENDED", "Nguyễn Văn Toàn"), ("CHAIRED", "Trương Minh Đức"),
      ("ATTENDED", "Trương Minh Đức")}),
    ("Chiều 7/4/2023, Thượng tướng Lê Hữu Thành dự và chủ trì lễ trao quyết định thăng quân hàm.",
     "Lễ trao quyết định thăng quân hàm", {("CHAIRED", "Lê Hữu Thành"), ("ATTENDED", "Lê Hữu Thành")}),
    # the head of a delegation ("do X dẫn đầu") is at its welcome
    ("Chiều 7/12/2022, Đại tướng Nguyễn Văn Toàn chủ trì lễ đón chính thức Đoàn đại biểu quân sự cấp cao Quân "
     "đội Nhân dân Lào do Đại tướng Bounmy Keola, Bộ trưởng Quốc phòng dẫn đầu sang thăm Việt Nam.",
     "Lễ đón chính thức Đoàn đại biểu quân sự cấp cao Quân đội Nhân dân Lào",
     {("CHAIRED", "Nguyễn Văn Toàn"), ("ATTENDED", "Nguyễn Văn Toàn"), ("ATTENDED", "Bounmy Keola")}),
    # "dưới sự chủ trì của A và B": the chairs follow; the edition's number ends the name
    ("Sáng 11/4/2024, đoàn đại biểu Bộ Quốc phòng Trung Quốc bắt đầu chương trình giao lưu hữu nghị quốc "
     "phòng biên giới Việt - Trung lần thứ 8 góp phần tăng cường tin cậy. Chương trình diễn ra dưới sự chủ "
     "trì của Đại tướng Nguyễn Văn Toàn và Thượng tướng Lý Minh.",
     "Giao lưu hữu nghị quốc phòng biên giới Việt - Trung lần thứ 8",
     {("CHAIRED", "Nguyễn Văn Toàn"), ("ATTENDED", "Nguyễn Văn Toàn"), ("CHAIRED", "Lý Minh"),
      ("ATTENDED", "Lý Minh")}),
    # two purposes joined by "và"
    ("Sáng 17/1/2026, Bộ Quốc phòng tổ chức Lễ công bố và trao quyết định của Chủ tịch nước về công tác cán "
     "bộ. Đại tướng Nguyễn Văn Toàn dự và chủ trì buổi lễ.",
     "Lễ công bố và trao quyết định của Chủ tịch nước về công tác cán bộ",
     {("CHAIRED", "Nguyễn Văn Toàn"), ("ATTENDED", "Nguyễn Văn Toàn")}),
    # a title in quotes after a colon
    ("Sáng 6/8/2020, Hội đồng khoa học cấp Bộ đã tổ chức phiên họp đánh giá, nghiệm thu đề tài khoa học cấp "
     "quốc gia: “Tiếp cận mới về biến đổi tình hình khu vực” thuộc Chương trình KX.",
     "Phiên họp đánh giá, nghiệm thu đề tài khoa học cấp quốc gia “Tiếp cận mới về biến đổi tình hình khu vực”",
     set()),
    # purposes after a comma stay in the name ("đánh giá kết quả, nghiệm thu ...")
    ("Sáng 3/8/2021, Trung tướng Đỗ Văn Hùng chủ trì phiên họp đánh giá kết quả, nghiệm thu đề tài khoa "
     "học “Nâng cao hiệu quả công tác đối ngoại quốc phòng”.",
     "Phiên họp đánh giá kết quả, nghiệm thu đề tài khoa học “Nâng cao hiệu quả công tác đối ngoại quốc phòng”",
     {("CHAIRED", "Đỗ Văn Hùng"), ("ATTENDED", "Đỗ Văn Hùng")}),
]


@pytest.mark.parametrize("text, name, people", GUESTS)
def test_a_guest_belongs_to_the_name_and_is_there(text, name, people):
    ex, _, relations = run(text)
    assert [e.name for e in ex.entities if e.label == "Meeting"] == [name]
    assert {(t, a) for t, a, b, _ in relations if t in ("CHAIRED", "ATTENDED") and b == name} == people


def test_talks_named_by_no_one_are_between_the_host_and_the_guest_of_the_welcome():
    names = meetings("Sáng 17/12/2024, Đại tướng Nguyễn Văn Toàn chủ trì lễ đón chính thức Trung tướng Ivan "
                     "Petrov, Bộ trưởng Bộ Quốc phòng Belarus.\nSau lễ đón chính thức, hai Bộ trưởng tiến hành "
                     "hội đàm. Tại hội đàm, Đại tướng Nguyễn Văn Toàn nhấn mạnh quan hệ hai nước.")
    assert sorted(names) == ["Hội đàm giữa Đại tướng Nguyễn Văn Toàn và Trung tướng Ivan Petrov",
                             "Lễ đón chính thức Trung tướng Ivan Petrov"]


def test_the_two_sides_of_talks_named_by_no_one_attended_them():
    _, _, relations = run("Sáng 17/12/2024, Đại tướng Nguyễn Văn Toàn chủ trì lễ đón chính thức Trung tướng Ivan "
                          "Petrov.\nSau lễ đón, hai Bộ trưởng tiến hành hội đàm.")
    talks = "Hội đàm giữa Đại tướng Nguyễn Văn Toàn và Trung tướng Ivan Petrov"
    assert {a for t, a, b, _ in relations if t == "ATTENDED" and b == talks} == {"Nguyễn Văn Toàn", "Ivan Petrov"}


def test_a_ceremony_named_by_no_one_is_named_by_what_was_done_there():
    ex, _, relations = run("Chiều 1/8/2025, Chủ tịch nước Lương Văn Cường trao quyết định thăng cấp bậc hàm từ trung "
                           "tướng lên thượng tướng với các ông: Tô Văn An, Trợ lý Tổng Bí thư; Thái Đại Ngọc, Phó "
                           "Tổng Tham mưu trưởng.\nPhát biểu tại buổi lễ, Chủ tịch nước chúc mừng các tướng lĩnh.")
    name = "Lễ trao quyết định thăng cấp bậc hàm từ trung tướng lên thượng tướng"
    assert [(e.name, e.date) for e in ex.entities if e.label == "Meeting"] == [(name, "2025-08-01")]
    assert ("ATTENDED", "Lương Văn Cường", name, "") in relations


HEADLINES = [
    # a headline that begins with the kind names the event; "diễn ra" introduces a lower-case one
    ("Đối thoại chính sách quốc phòng Việt Nam - Hàn Quốc lần thứ 5\n\nNgày 27/12/2016, tại Hà Nội đã diễn ra "
     "đối thoại chính sách quốc phòng Việt Nam - Hàn Quốc lần thứ 5.",
     [("Đối thoại chính sách quốc phòng Việt Nam - Hàn Quốc lần thứ 5", "2016-12-27")]),
    # "giữa hai nước" names no side: the headline's name is the event's
    ("Đối thoại quốc phòng Việt Nam - Liên bang Nga\n\nNgày 22/11/2017, Thứ trưởng Ivan Petrov tham dự Đối "
     "thoại quốc phòng giữa hai nước tại Hà Nội.", [("Đối thoại quốc phòng Việt Nam - Liên bang Nga", "2017-11-22")]),
]


@pytest.mark.parametrize("text, events", HEADLINES)
def test_headlines_name_events(text, events):
    ex = extract(Document("t.txt", text, title=text.split("\n")[0]))
    assert [(e.name, e.date) for e in ex.entities if e.label == "Meeting"] == events


def test_talks_of_two_subjects_are_held_between_them():
    text = ("Sáng 4/4/2017, Đại tướng Nguyễn Văn Toàn chủ trì lễ đón chính thức Đại tướng Somchai Wongsakul.\n"
            "Ngay sau lễ đón, Trung tướng Lê Hữu Thành, Trưởng đoàn đại biểu Quân sự cấp cao Việt Nam và Đại tướng "
            "Somchai Wongsakul, Trưởng đoàn đại biểu Quân sự cấp cao Thái Lan đã tiến hành hội kiến.")
    ex, _, relations = run(text)
    talks = "Hội kiến giữa Trung tướng Lê Hữu Thành và Đại tướng Somchai Wongsakul"
    assert {e.name: e.date for e in ex.entities if e.label == "Meeting"}[talks] == "2017-04-04"
    assert {a for t, a, b, _ in relations if t == "ATTENDED" and b == talks} == {"Lê Hữu Thành", "Somchai Wongsakul"}


def test_a_headline_that_closes_an_event_names_it_and_its_closing_ceremony():
    text = ("Bế mạc Hội nghị tập huấn công tác tham mưu kỹ thuật toàn quân năm 2021\n\nSau 3 ngày, từ 26 đến "
            "28-4-2021, Hội nghị tập huấn đã thực hiện đúng nội dung, trong đó có quy định của Hội thi Chủ nhiệm "
            "Kỹ thuật giỏi toàn quân năm 2021.\nPhát biểu tại buổi lễ bế mạc, Thiếu tướng Trần Minh Đức nhấn mạnh "
            "yêu cầu.")
    ex = extract(Document("t.txt", text, title="Bế mạc Hội nghị tập huấn công tác tham mưu kỹ thuật toàn quân "
                                               "năm 2021"))
    assert {e.name: e.date for e in ex.entities if e.label == "Meeting"} == {
        # the headline's fuller name; held from the first day; the contest is only mentioned ("Sau 3
        # ngày" is no event to follow); "buổi lễ bế mạc" is the conference's closing ceremony
        "Hội nghị tập huấn công tác tham mưu kỹ thuật toàn quân năm 2021": "2021-04-26",
        "Hội thi Chủ nhiệm Kỹ thuật giỏi toàn quân năm 2021": "",
        "Lễ bế mạc Hội nghị tập huấn công tác tham mưu kỹ thuật toàn quân năm 2021": ""}


def test_an_event_told_right_after_another_took_place_that_day():
    ex = extract(Document("t.txt", "Sáng 17/12/2024, Đại tướng Nguyễn Văn Toàn chủ trì lễ đón chính thức Trung "
                                   "tướng Ivan Petrov.\nSau lễ đón, hai Bộ trưởng tiến hành hội đàm."))
    assert {e.name: e.date for e in ex.entities if e.label == "Meeting"} == {
        "Lễ đón chính thức Trung tướng Ivan Petrov": "2024-12-17",
        "Hội đàm giữa Đại tướng Nguyễn Văn Toàn và Trung tướng Ivan Petrov": "2024-12-17"}


ATTENDING = [
    # who holds a ceremony and who receives at it ("cho ... vì ...") were there
    ("Ngày 30/3/2023, Đại tướng Niek Sa Vuon, Tổng Cục trưởng Công an quốc gia Campuchia đã tổ chức Lễ trao "
     "Huân chương Hữu nghị cho Đại tá Nguyễn Hoài Phương, Chỉ huy trưởng Bộ đội Biên phòng tỉnh Tây Ninh và Đại "
     "tá Nguyễn Văn Thành vì thành tích xuất sắc.", "Lễ trao Huân chương Hữu nghị",
     {"Niek Sa Vuon", "Nguyễn Hoài Phương", "Nguyễn Văn Thành"}),
    # a ceremony named by what was done ("bàn giao nhiệm vụ cho B", then "Tại lễ bàn giao"): both were there
    ("Chiều 5/9/2023, Thiếu tướng Nguyễn Hồng Thái đã bàn giao nhiệm vụ cho Thiếu tướng Nguyễn Quốc Duyệt.\nTại "
     "lễ bàn giao, Thượng tướng Lê Hữu Thành ghi nhận những đóng góp.", "Lễ bàn giao nhiệm vụ",
     {"Nguyễn Hồng Thái", "Nguyễn Quốc Duyệt", "Lê Hữu Thành"}),
    ("Chiều 3/3/2019, Đại tướng Nguyễn Văn Toàn trao Quyết định nghỉ hưu cho sáu tướng lĩnh, gồm: Đại tướng Đỗ Bá "
     "Lâm, Thượng tướng Nguyễn Văn Vịnh.\nPhát biểu tại buổi lễ, Đại tướng Nguyễn Văn Toàn chúc mừng.",
     "Lễ trao Quyết định nghỉ hưu", {"Nguyễn Văn Toàn", "Đỗ Bá Lâm", "Nguyễn Văn Vịnh"}),
    # a guest after "bà"; a speech read at the event
    ("Ngày 12/6/2018, Bộ trưởng Nguyễn Văn Toàn tiếp bà Rose Miller, Thứ trưởng Ngoại giao Hoa Kỳ.",
     "Buổi tiếp bà Rose Miller", {"Nguyễn Văn Toàn", "Rose Miller"}),
    ("Sáng 28/10/2025, Thiếu tướng Vũ Hồng Sơn, Tư lệnh Quân chủng đọc diễn văn tại Lễ kỷ niệm 60 năm Ngày truyền "
     "thống Quân chủng.", "Lễ kỷ niệm 60 năm Ngày truyền thống Quân chủng", {"Vũ Hồng Sơn"}),
    # whose words at the event ("chỉ đạo của X tại Hội nghị ...")
    ("Trường sẽ triển khai nhiệm vụ theo tinh thần chỉ đạo của Tổng Bí thư Tô Văn Lâm tại Hội nghị Quân ủy Trung "
     "ương lần thứ 14.", "Hội nghị Quân ủy Trung ương lần thứ 14", {"Tô Văn Lâm"}),
    # "X khai mạc Y": Y's opening ceremony, which X's next sentence attends
    ("Sáng 4/7/2022, Bộ Quốc phòng khai mạc cuộc thi Chỉ huy trưởng quân sự tỉnh năm 2022. Thượng tướng Nguyễn "
     "Tân Cương dự.", "Lễ khai mạc cuộc thi Chỉ huy trưởng quân sự tỉnh năm 2022", {"Nguyễn Tân Cương"}),
]


@pytest.mark.parametrize("text, name, people", ATTENDING)
def test_who_attended(text, name, people):
    _, _, relations = run(text)
    assert {a for t, a, b, _ in relations if t == "ATTENDED" and b == name} == people


NO_EVENT = [
    # the only agency is in the chair's position: no "Hội nghị Trung ương Đảng"
    "Thượng tướng Vũ Minh Khoa, Ủy viên Trung ương Đảng, Thứ trưởng Bộ Quốc phòng chủ trì hội nghị. "
    "Dự hội nghị có Trung tướng Lê Văn Bình.",
    # "và" after a kind begins no name, unless a second purpose follows
    "Các đại biểu biểu quyết thông qua Nghị quyết của Đại hội và Dự thảo Chương trình hành động ngày 5/6/2020.",
    # a delegation received again, named by no one: no event of its own
    "Sau đó, Thượng tướng Lê Hữu Thành dành thời gian tiếp Đoàn và thông báo kết quả làm việc của Đoàn với "
    "Bộ Tư lệnh Quân chủng Hải quân.",
    # an event's kind followed by its opening as a verb ("Hội nghị khai mạc lúc 8 giờ")
    "Sáng 4/7/2022, Hội nghị khai mạc lúc 8 giờ tại Hà Nội.",
    # "diễn đàn" as a common noun
    "Hội thảo là diễn đàn để các nhà khoa học trao đổi kinh nghiệm.",
    "Chương trình nhằm tạo diễn đàn trao đổi cho cán bộ trẻ.",
]


@pytest.mark.parametrize("text", NO_EVENT)
def test_what_names_no_event(text):
    assert meetings(text) == []


def _key(text: str, doc: str = "t.txt") -> str:
    [meeting] = [e for e in extract(Document(doc, text)).entities if e.label == "Meeting"]
    return meeting.key


# Two outlets, one event: the same kind, purpose, owner and day (or the same guests and day) is one
# node however each words its name; the same conference a year later, or another owner's, is another.
SAME_EVENT = [
    ("Sáng 19/12/2024, tại Hà Nội, Tổng cục Kỹ thuật tổ chức Hội nghị tổng kết công tác kỹ thuật năm 2024.",
     "Ngày 19/12/2024, Tổng cục Kỹ thuật đã tổ chức Hội nghị tổng kết công tác kỹ thuật năm 2024 và triển khai "
     "nhiệm vụ năm 2025. Dự hội nghị có Thượng tướng Lê Văn Hòa.", True),
    ("Sáng 19/12/2024, Tổng cục Kỹ thuật tổ chức Hội nghị tổng kết công tác kỹ thuật năm 2024.",
     "Sáng 18/12/2025, Tổng cục Kỹ thuật tổ chức Hội nghị tổng kết công tác kỹ thuật năm 2025.", False),
    ("Sáng 19/12/2024, Tổng cục Kỹ thuật tổ chức Hội nghị tổng kết công tác kỹ thuật năm 2024.",
     "Sáng 19/12/2024, Tổng cục Hậu cần tổ chức Hội nghị tổng kết công tác hậu cần năm 2024.", False),
    ("Chiều 5/6/2023, Đại tướng Nguyễn Văn Toàn chủ trì lễ đón chính thức Đại tướng Bounmy Keola.",
     "Chiều 5/6/2023, tại Hà Nội đã diễn ra Lễ đón chính thức Đại tướng Bounmy Keola và Đoàn đại biểu "
     "Quân đội nhân dân Lào.", True),
]


@pytest.mark.parametrize("one, other, same", SAME_EVENT)
def test_one_event_reported_twice_is_one_node(one, other, same):
    assert (_key(one, "a.txt") == _key(other, "b.txt")) is same
