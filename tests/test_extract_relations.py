"""Table tests of the extractor, in Vietnamese written for these tests. Stage relations: positions, ranks, chairs, attendance, signings, issuers, per sentence."""
from __future__ import annotations

import pytest

from tests.extraction import run


RELATION_TABLE = [
    # "Bộ trưởng Quốc phòng <country> <name>": the country's ministry, written without "Bộ"
    ("Bộ trưởng Quốc phòng Lào Chansamone Chanyalath thăm Học viện.",
     {("HOLDS_POSITION", "Chansamone Chanyalath", "Bộ Quốc phòng Lào", "Bộ trưởng")}),
    ("Bộ trưởng Ngoại giao Nga Sergei Lavrov phát biểu.",
     {("HOLDS_POSITION", "Sergei Lavrov", "Bộ Ngoại giao Nga", "Bộ trưởng")}),
    ("Thứ trưởng Quốc phòng Hoàng Xuân Chiến tiếp đoàn.",
     {("HOLDS_POSITION", "Hoàng Xuân Chiến", "Bộ Quốc phòng", "Thứ trưởng")}),
    ("Về phía tỉnh Hà Tĩnh có đồng chí Trần Thế Dũng, Phó Bí thư Tỉnh ủy, Trưởng đoàn ĐBQH tỉnh.",
     {("HOLDS_POSITION", "Trần Thế Dũng", "Đoàn đại biểu Quốc hội tỉnh Hà Tĩnh", "Trưởng đoàn"),
      ("HOLDS_POSITION", "Trần Thế Dũng", "Tỉnh ủy Hà Tĩnh", "Phó Bí thư")}),
    # bare provincial bodies are those of the province the article names
    ("Về phía tỉnh Quảng Ninh có các đồng chí: Vũ Đại Thành, Bí thư Tỉnh ủy, Chủ tịch HĐND tỉnh; "
     "Cao Tường Hùng, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh.",
     {("HOLDS_POSITION", "Vũ Đại Thành", "Tỉnh ủy Quảng Ninh", "Bí thư"),
      ("HOLDS_POSITION", "Vũ Đại Thành", "Hội đồng nhân dân tỉnh Quảng Ninh", "Chủ tịch"),
      ("HOLDS_POSITION", "Cao Tường Hùng", "Ủy ban nhân dân tỉnh Quảng Ninh", "Chủ tịch")}),
    ("Đoàn làm việc với huyện Mường Tè. Về phía huyện có đồng chí Lò Văn Phương, Bí thư Huyện ủy.",
     {("HOLDS_POSITION", "Lò Văn Phương", "Huyện ủy Mường Tè", "Bí thư")}),
    ("Dự lễ có Bí thư Trung ương Đảng, Quyền Bộ trưởng Bộ Ngoại giao Lê Hoài Nam.",
     {("HOLDS_POSITION", "Lê Hoài Nam", "Bộ Ngoại giao", "Quyền Bộ trưởng")}),
    # a chain of titles written before the name
    ("Sáng 4/5, Ủy viên Bộ Chính trị, Thủ tướng Chính phủ Trần Quốc Huy thăm Nhà máy Z176.",
     {("HOLDS_POSITION", "Trần Quốc Huy", "Bộ Chính trị", "Ủy viên"),
      ("HOLDS_POSITION", "Trần Quốc Huy", "Chính phủ", "Thủ tướng")}),
    ("Tờ trình do Phó Chủ nhiệm Ủy ban Quốc phòng và An ninh của Quốc hội Nguyễn Minh Đức trình bày.",
     {("HOLDS_POSITION", "Nguyễn Minh Đức", "Ủy ban Quốc phòng và An ninh", "Phó Chủ nhiệm")}),
    ("Đồng chí Trần Cẩm Tú, Ủy viên Bộ Chính trị, Thường trực Ban Bí thư dự lễ.",
     {("HOLDS_POSITION", "Trần Cẩm Tú", "Ban Bí thư", "Thường trực")}),
    ("Đại tá Lê Văn An, Ủy viên Thường vụ Đảng ủy Quân khu 4 phát biểu.",
     {("HOLDS_POSITION", "Lê Văn An", "Đảng ủy Quân khu 4", "Ủy viên Thường vụ")}),
    ("Ông Vũ Hải Nam, Phó Trưởng ban Tổ chức Trung ương dự lễ.",
     {("HOLDS_POSITION", "Vũ Hải Nam", "Ban Tổ chức Trung ương", "Phó Trưởng ban")}),
    ("Trung tá Lê Thu Hà, Trưởng ban Tài chính Bộ Chỉ huy Quân sự tỉnh Hà Nam báo cáo.",
     {("HOLDS_POSITION", "Lê Thu Hà", "Bộ Chỉ huy Quân sự tỉnh Hà Nam", "Trưởng ban Tài chính")}),
    ("Thủ tướng Chính phủ Trần Quốc Huy chủ trì phiên họp.",
     {("HOLDS_POSITION", "Trần Quốc Huy", "Chính phủ", "Thủ tướng")}),
    ("Đại tướng Phan Văn Giang, Ủy viên Bộ Chính trị, Phó Bí thư Quân ủy Trung ương, Bộ trưởng Bộ Quốc "
     "phòng chủ trì hội nghị.",
     {("HOLDS_POSITION", "Phan Văn Giang", "Bộ Chính trị", "Ủy viên"),
      ("HOLDS_POSITION", "Phan Văn Giang", "Quân ủy Trung ương", "Phó Bí thư"),
      ("HOLDS_POSITION", "Phan Văn Giang", "Bộ Quốc phòng", "Bộ trưởng"),
      ("HAS_RANK", "Phan Văn Giang", "Đại tướng", "")}),
    ("Thiếu tướng Lê Văn An, Tư lệnh Quân khu 3 và Thiếu tướng Đinh Quốc Hùng, Chính ủy Quân khu 3 "
     "đồng chủ trì Hội nghị tổng kết công tác năm 2024.",
     {("CHAIRED", "Lê Văn An", "Hội nghị tổng kết công tác năm 2024", ""),
      ("CHAIRED", "Đinh Quốc Hùng", "Hội nghị tổng kết công tác năm 2024", ""),
      ("ATTENDED", "Đinh Quốc Hùng", "Hội nghị tổng kết công tác năm 2024", ""),
      ("HOLDS_POSITION", "Đinh Quốc Hùng", "Quân khu 3", "Chính ủy")}),
    ("Bộ Chính trị đã ban hành Nghị quyết số 08-NQ/TW về phát triển công nghiệp quốc phòng.",
     {("ISSUED", "Bộ Chính trị", "Nghị quyết số 08-NQ/TW", "")}),
    ("Các đơn vị quán triệt Nghị quyết số 08-NQ/TW của Bộ Chính trị.",
     {("ISSUED", "Bộ Chính trị", "Nghị quyết số 08-NQ/TW", "")}),
    ("Thực hiện Nghị quyết của Quân ủy Trung ương về công tác kỹ thuật trong tình hình mới.",
     {("ISSUED", "Quân ủy Trung ương", "Nghị quyết của Quân ủy Trung ương về công tác kỹ thuật trong tình hình mới", "")}),
    ("Hai bên ký kết chương trình phối hợp giữa Cục Quân khí và Nhà máy Z111.",
     {("SIGNED", "Cục Quân khí", "Chương trình phối hợp giữa Cục Quân khí và Nhà máy Z111", ""),
      ("SIGNED", "Nhà máy Z111", "Chương trình phối hợp giữa Cục Quân khí và Nhà máy Z111", "")}),
    ("Sáng 3/5, Quân khu 3 tổ chức hội nghị. Dự hội nghị có Trung tướng Hoàng Văn Đức, Chủ nhiệm Tổng cục Hậu cần.",
     {("ATTENDED", "Hoàng Văn Đức", "Hội nghị", ""),
      ("HOLDS_POSITION", "Hoàng Văn Đức", "Tổng cục Hậu cần", "Chủ nhiệm")}),
    ("Về phía Tổng cục Hậu cần có Trung tướng Hoàng Văn Đức, Chủ nhiệm Tổng cục.",
     {("HOLDS_POSITION", "Hoàng Văn Đức", "Tổng cục Hậu cần", "Chủ nhiệm")}),
    ("Đại tá Mai Văn Bình, Phó Chủ nhiệm Chính trị Quân khu 5 phát biểu tại hội nghị.",
     {("HOLDS_POSITION", "Mai Văn Bình", "Quân khu 5", "Phó Chủ nhiệm Chính trị"),
      ("SPOKE_AT", "Mai Văn Bình", "Hội nghị", ""), ("ATTENDED", "Mai Văn Bình", "Hội nghị", "")}),
]

# Who chaired and who attended the article's event (the event resolved by the events stage).
EVENT_PEOPLE = [
    # who chairs is the subject of the clause of "chủ trì", not everyone listed before it
    ("Sáng 4/6, Quân khu 2 tổ chức Hội nghị quân chính năm 2024. Dự hội nghị có Thượng tướng Lê Văn Long, "
     "Thứ trưởng Bộ Quốc phòng; Thiếu tướng Phạm Văn Tú, Tư lệnh Quân khu 2, chủ trì hội nghị.",
     {("ATTENDED", "Lê Văn Long"), ("ATTENDED", "Phạm Văn Tú"), ("CHAIRED", "Phạm Văn Tú")}),
    # "Tại hội nghị, đồng chí A ...; đồng chí B ...": each clause's speaker was there
    ("Sáng 4/6, Quân khu 2 tổ chức Hội nghị quân chính năm 2024. Tại hội nghị, đồng chí Thiếu tướng Lê Văn Long "
     "giới thiệu nội dung nghị quyết; đồng chí Đại tá Phạm Văn Tú báo cáo kết quả huấn luyện.",
     {("ATTENDED", "Lê Văn Long"), ("ATTENDED", "Phạm Văn Tú")}),
    # who presents a report at the event, or speaks in an address there, was at it
    ("Sáng 4/6, Quân khu 2 tổ chức Hội nghị quân chính năm 2024. Đại tá Phạm Văn Tú trình bày tại hội nghị "
     "báo cáo kết quả huấn luyện.", {("ATTENDED", "Phạm Văn Tú")}),
    ("Sáng 4/6, Quân khu 2 tổ chức Hội nghị quân chính năm 2024. Trong diễn văn tại hội nghị, Thiếu tướng "
     "Lê Văn Long cho biết đơn vị hoàn thành tốt nhiệm vụ.", {("ATTENDED", "Lê Văn Long")}),
]


@pytest.mark.parametrize("text, people", EVENT_PEOPLE)
def test_who_chaired_and_attended_the_event(text, people):
    _, _, relations = run(text)
    assert {(t, a) for t, a, b, _ in relations if t in ("CHAIRED", "ATTENDED")
            and b == "Hội nghị quân chính năm 2024 của Quân khu 2"} == people


@pytest.mark.parametrize("text, expected", RELATION_TABLE)
def test_relation_table(text, expected):
    _, _, relations = run(text)
    for rtype, source, target, title in expected:
        # a bare "hội nghị" is named after the article's main agency: the name starts with the word
        assert any(t == rtype and s == source and o.startswith(target) and ti == title
                   for t, s, o, ti in relations), (rtype, source, target, relations)


def test_a_position_given_once_for_a_list_of_names():
    _, entities, relations = run("Dự hội nghị có các đồng chí Ủy viên Bộ Chính trị: Trần Hưng, Lê Minh Khải, "
                                 "Đỗ Văn Chiến; các đồng chí Bí thư Trung ương Đảng: Nguyễn Hòa Bình.")
    holds = {(s, o, t) for r, s, o, t in relations if r == "HOLDS_POSITION"}
    assert holds == {("Trần Hưng", "Bộ Chính trị", "Ủy viên"), ("Lê Minh Khải", "Bộ Chính trị", "Ủy viên"),
                     ("Đỗ Văn Chiến", "Bộ Chính trị", "Ủy viên"), ("Nguyễn Hòa Bình", "Trung ương Đảng", "Bí thư")}
    assert ("Person", "Trần Hưng") in entities


@pytest.mark.parametrize("text, held", [
    ("Thượng tướng Lê Văn Hòa, nguyên Thứ trưởng Bộ Quốc phòng, Chủ tịch Hội Cựu chiến binh Việt Nam dự lễ.",
     {("Lê Văn Hòa", "Hội Cựu chiến binh Việt Nam", "Chủ tịch")}),
    ("Dự có nguyên Bộ trưởng Bộ Quốc phòng, Đại tướng Phùng Văn Thanh.", set()),
    ("Thiếu tướng Lê Văn An, nguyên Tư lệnh Quân khu 9 phát biểu.", set()),
])
def test_a_former_position_is_not_held(text, held):
    _, entities, relations = run(text)
    assert {(s, o, t) for r, s, o, t in relations if r == "HOLDS_POSITION"} == held
    assert [e for e in entities if e[0] == "Agency"]  # the agency is still named


ATTENDANCE = [
    # "Về phía X có ...": those present for one side
    ("Sáng 3/5, Nhà máy Z115 tổ chức Lễ kỷ niệm 60 năm Ngày truyền thống. Về phía tỉnh Thái Nguyên có "
     "đồng chí Trịnh Việt Hùng, Bí thư Tỉnh ủy.", {"Trịnh Việt Hùng"}),
    # a speech at the event
    ("Sáng 3/5, Nhà máy Z115 tổ chức Lễ kỷ niệm 60 năm Ngày truyền thống. Trong diễn văn tại lễ kỷ niệm, "
     "Đại tá Lê Văn Nam, Giám đốc Nhà máy cho biết đơn vị đã hoàn thành nhiệm vụ.", {"Lê Văn Nam"}),
    # hosts and guests of working visits, talks and receptions
    ("Chiều 5/6, Thượng tướng Lê Văn An làm việc với Tổng cục Kỹ thuật. Buổi làm việc nhằm đánh giá tiến độ. "
     "Cùng dự có Thiếu tướng Trần Văn Bình, Phó Chủ nhiệm Tổng cục Kỹ thuật.", {"Lê Văn An", "Trần Văn Bình"}),
    ("Đại tướng Phan Văn Giang hội đàm với Đại tướng Somsak Phongsavanh. Hội đàm diễn ra trong không khí hữu nghị.",
     {"Phan Văn Giang", "Somsak Phongsavanh"}),
    ("Thượng tướng Hoàng Xuân Chiến đã tiếp xã giao Ngài Tea Seiha, Bộ trưởng Bộ Quốc phòng Campuchia. "
     "Buổi tiếp diễn ra tại Hà Nội.", {"Hoàng Xuân Chiến", "Tea Seiha"}),
    # a delegation and who leads it
    ("Đoàn công tác của Bộ Quốc phòng do Thượng tướng Hoàng Xuân Chiến, Thứ trưởng Bộ Quốc phòng dẫn đầu đã "
     "đến thăm và làm việc tại Nhà máy Z189. Buổi làm việc diễn ra sáng 4/4.", {"Hoàng Xuân Chiến"}),
    ("Sáng 9/9, Học viện Quốc phòng tổ chức Hội thảo khoa học về an ninh biển. Đoàn đại biểu Bộ Quốc phòng Lào "
     "do Thiếu tướng Vongsa Keomany làm trưởng đoàn tham dự hội thảo.", {"Vongsa Keomany"}),
    ("Sáng 9/9, Quân khu 7 tổ chức Hội nghị tổng kết năm 2025. Tới dự có Trung tướng Lê Văn Cường, "
     "Chính ủy Quân khu 7; Đại tá Võ Minh Đức, Tư lệnh Lữ đoàn 2.", {"Lê Văn Cường", "Võ Minh Đức"}),
    # the list goes on in a sentence of its own, under the titles its people share
    ("Sáng 9/9, Quân khu 7 tổ chức Hội nghị tổng kết năm 2025. Cùng dự có Trung tướng Lê Văn Cường, "
     "Chính ủy Quân khu 7. Các đồng chí Phó Tư lệnh Quân khu: Thiếu tướng Võ Minh Đức, Thiếu tướng Trần Hữu Lộc.",
     {"Lê Văn Cường", "Võ Minh Đức", "Trần Hữu Lộc"}),
    # but not after a sentence that is no list of those present
    ("Sáng 9/9, Quân khu 7 tổ chức Hội nghị tổng kết năm 2025. Hội nghị đánh giá cao kết quả đạt được. "
     "Các đồng chí Phó Tư lệnh Quân khu: Thiếu tướng Võ Minh Đức, Thiếu tướng Trần Hữu Lộc được khen thưởng.",
     set()),
]


@pytest.mark.parametrize("text, present", ATTENDANCE)
def test_attendance(text, present):
    _, _, relations = run(text)
    assert {s for r, s, o, t in relations if r == "ATTENDED"} == present, relations


def test_the_chair_is_the_one_in_the_clause_before_the_verb():
    _, _, relations = run("Sáng 11/12, Đảng ủy Quân khu 9 tổ chức Hội nghị tổng kết năm 2025. Dự và chỉ đạo hội nghị "
                          "có Thượng tướng Lê Văn An, Thứ trưởng Bộ Quốc phòng; Trung tướng Trần Văn Bình, "
                          "Chính ủy Quân khu 9, chủ trì hội nghị.")
    chaired = {s for r, s, o, t in relations if r == "CHAIRED"}
    attended = {s for r, s, o, t in relations if r == "ATTENDED"}
    assert chaired == {"Trần Văn Bình"} and attended == {"Lê Văn An", "Trần Văn Bình"}, relations


def test_co_chairs_are_all_named_before_the_verb_across_clauses():
    _, _, relations = run("Sáng 4/3/2026, Ban Chỉ đạo Đề án công nghiệp quốc phòng tổ chức phiên họp thứ 2. "
                          "Phó Thủ tướng Trần Hồng Hà, Trưởng Ban Chỉ đạo; các Phó Trưởng ban: Đại tướng Phan Văn "
                          "Giang, Bộ trưởng Bộ Quốc phòng; Thượng tướng Lê Hữu Thành đồng chủ trì hội nghị.")
    chaired = {s for r, s, o, t in relations if r == "CHAIRED"}
    assert chaired == {"Trần Hồng Hà", "Phan Văn Giang", "Lê Hữu Thành"}, relations


@pytest.mark.parametrize("opening", ["Trong khuôn khổ", "VNA - Trong hoạt động đầu tiên của"])
def test_who_takes_part_in_an_event_within_a_larger_one_is_at_the_larger_one(opening):
    _, _, relations = run(f"{opening} Giao lưu hữu nghị quốc phòng biên giới Việt Nam - Lào lần thứ 3, sáng 5/4/2026, "
                          "Đại tướng Phan Văn Giang đã hội đàm với Đại tướng Chansamone Chanyalath.")
    attended = {(s, o.split(" lần")[0]) for r, s, o, t in relations if r == "ATTENDED"}
    larger = "Giao lưu hữu nghị quốc phòng biên giới Việt Nam - Lào"
    assert {("Phan Văn Giang", larger), ("Chansamone Chanyalath", larger)} <= attended, relations


def test_who_hands_over_and_to_whom_were_at_an_event_held_to_hand_it_over():
    _, _, relations = run("Sáng 1/12/2026, Bộ Quốc phòng tổ chức Hội nghị công bố, trao quyết định về công tác cán bộ. "
                          "Thừa ủy quyền, Đại tướng Phan Văn Giang đã trao Quyết định nghỉ hưu cho ba đồng chí, gồm: "
                          "Thượng tướng Lê Văn An, Trung tướng Trần Văn Bình và Thiếu tướng Võ Minh Đức.")
    attended = {s for r, s, o, t in relations if r == "ATTENDED"}
    assert {"Phan Văn Giang", "Lê Văn An", "Trần Văn Bình", "Võ Minh Đức"} <= attended, relations


def test_who_hands_over_certificates_at_a_ceremony_was_there():
    _, _, relations = run("Sáng 30/3/2026, Thượng tướng Lê Văn An dự Lễ bế giảng lớp bồi dưỡng kiến thức quốc phòng "
                          "khóa 50.\n\nTrung tướng Trần Văn Bình, Giám đốc Học viện Quốc phòng trao Giấy chứng nhận "
                          "tốt nghiệp cho các học viên.")
    attended = {s for r, s, o, t in relations if r == "ATTENDED"}
    assert attended == {"Lê Văn An", "Trần Văn Bình"}, relations


def test_a_list_of_those_present_is_at_the_event_last_named():
    _, _, relations = run("Sáng 2/4, Nhà máy Z751 tổ chức Hội nghị sơ kết quý I năm 2025. Chiều cùng ngày, đoàn "
                          "có buổi làm việc với Tổng công ty Ba Son. Cùng dự có Đại tá Lê Văn Hòa, Tổng Giám đốc "
                          "Tổng công ty Ba Son.")
    attended = {(s, o) for r, s, o, t in relations if r == "ATTENDED"}
    assert len(attended) == 1 and next(iter(attended))[1].startswith("Buổi làm việc"), attended


def test_titles_after_one_person_are_not_the_next_persons():
    _, _, relations = run("Dự có Đại tá Lê Văn An, Ủy viên Đảng ủy Quân khu 4, Chính ủy Lữ đoàn 1, Thiếu tá Trần Văn Bình.")
    assert not [r for r in relations if r[0] == "HOLDS_POSITION" and r[1] == "Trần Văn Bình"], relations


def test_a_list_of_people_gives_each_their_own_titles():
    _, _, relations = run("Dự hội nghị có Thiếu tướng Cao Văn Lâm, Phó Chính ủy Sư đoàn 5, Đại tá Đỗ Thị Hoa, "
                          "Chính ủy Nhà máy Z184, Đại tá Trần Đức Tâm, Phó Chính ủy Lữ đoàn 126.")
    holds = {(s, o, t) for r, s, o, t in relations if r == "HOLDS_POSITION"}
    assert holds == {("Cao Văn Lâm", "Sư đoàn 5", "Phó Chính ủy"), ("Đỗ Thị Hoa", "Nhà máy Z184", "Chính ủy"),
                     ("Trần Đức Tâm", "Lữ đoàn 126", "Phó Chính ủy")}


RELATIONS = [
    # a bare title shares the agency of the next title in the chain
    ("Thiếu tướng Lò Văn Tám, Phó Tư lệnh, Tham mưu trưởng Quân khu 2 dự lễ.",
     {("HOLDS_POSITION", "Lò Văn Tám", "Quân khu 2", "Phó Tư lệnh"),
      ("HOLDS_POSITION", "Lò Văn Tám", "Quân khu 2", "Tham mưu trưởng")}),
    # a bare party committee in a chain is the committee of the agency the chain names
    ("Trung tướng Phạm Văn Bình, Bí thư Đảng ủy, Chính ủy Quân đoàn 34 phát biểu.",
     {("HOLDS_POSITION", "Phạm Văn Bình", "Đảng ủy Quân đoàn 34", "Bí thư"),
      ("HOLDS_POSITION", "Phạm Văn Bình", "Quân đoàn 34", "Chính ủy")}),
    ("Thiếu tướng, PGS.TS Đinh Văn Hậu, Giám đốc Học viện Hậu cần chủ trì hội thảo.",
     {("HAS_RANK", "Đinh Văn Hậu", "Thiếu tướng", ""),
      ("HOLDS_POSITION", "Đinh Văn Hậu", "Học viện Hậu cần", "Giám đốc")}),
    # a field with lower-case words between the title and a bare agency named before
    ("Học viện Kỹ thuật Quân sự tổ chức hội thảo. Dự có Đại tá Mai Thị Lan, Trưởng khoa Công nghệ thông tin "
     "Học viện.",
     {("HOLDS_POSITION", "Mai Thị Lan", "Học viện Kỹ thuật Quân sự", "Trưởng khoa Công nghệ thông tin")}),
    # "Nhà máy chủ trì": the verb, not "máy chủ"
    ("Nhà máy Z115 tổ chức hội nghị. Đại tá Lê Hải Nam, Giám đốc Nhà máy chủ trì hội nghị.",
     {("HOLDS_POSITION", "Lê Hải Nam", "Nhà máy Z115", "Giám đốc")}),
    # an instrument's owner written with it wins over the issuer its number suggests
    ("Bộ Chính trị chỉ đạo. Các cấp thực hiện Nghị quyết số 12-NQ/TW của Ban Chấp hành Trung ương Đảng.",
     {("ISSUED", "Ban Chấp hành Trung ương Đảng", "Nghị quyết số 12-NQ/TW", "")}),
    ("Chính phủ ban hành Nghị định số 5/2023/NĐ-CP; Bộ Quốc phòng ban hành Thông tư số 9/2023/TT-BQP.",
     {("ISSUED", "Chính phủ", "Nghị định số 5/2023/NĐ-CP", ""),
      ("ISSUED", "Bộ Quốc phòng", "Thông tư số 9/2023/TT-BQP", "")}),
    ("Quốc hội đã biểu quyết thông qua Luật Dân quân tự vệ.",
     {("ISSUED", "Quốc hội", "Luật Dân quân tự vệ", "")}),
    # a verb inside an agency's name is no verb: "Ban Tổ chức"
    ("Sáng 4/4, Cục Tuyên huấn tổ chức Hội thi báo cáo viên giỏi. Thiếu tướng Phan Văn Quý, Trưởng Ban Tổ chức "
     "hội thi chủ trì.",
     {("CHAIRED", "Phan Văn Quý", "Hội thi báo cáo viên giỏi", "")}),
    # sentence openers and delegations mark who was at the event
    ("Sáng 9/9, Quân khu 4 tổ chức Hội nghị tổng kết công tác dân vận. Tại hội nghị, Thượng tá Lê Thị Hà "
     "báo cáo kết quả.",
     {("ATTENDED", "Lê Thị Hà", "Hội nghị tổng kết công tác dân vận của Quân khu 4", "")}),
    ("Ngày 2/6, Thượng tướng Võ Minh Lương dẫn đầu đoàn công tác có buổi làm việc với Binh chủng Công binh. "
     "Cùng đi có Thiếu tướng Đào Văn Tuấn.",
     {("ATTENDED", "Võ Minh Lương", "Buổi làm việc với Binh chủng Công binh", ""),
      ("ATTENDED", "Đào Văn Tuấn", "Buổi làm việc với Binh chủng Công binh", "")}),
    # an abbreviation the article defines names that agency later
    ("Trường Sĩ quan Chính trị (TSQCT) khai giảng năm học. Đại tá Cao Văn Hòa, Phó Hiệu trưởng TSQCT phát biểu.",
     {("HOLDS_POSITION", "Cao Văn Hòa", "Trường Sĩ quan Chính trị", "Phó Hiệu trưởng")}),
    # a programme named by its parties and by its subject is one programme, signed by both parties
    ("Ký kết chương trình phối hợp giữa Cục Cứu hộ và Cục Quân y\n"
     "Ngày 1/7, Cục Cứu hộ và Cục Quân y ký kết Chương trình phối hợp trong huấn luyện cấp cứu giai đoạn "
     "2025-2030.",
     {("SIGNED", "Cục Cứu hộ", "Chương trình phối hợp trong huấn luyện cấp cứu giai đoạn 2025-2030", ""),
      ("SIGNED", "Cục Quân y", "Chương trình phối hợp trong huấn luyện cấp cứu giai đoạn 2025-2030", "")}),
]


@pytest.mark.parametrize("text, expected", RELATIONS)
def test_relations(text, expected):
    _, _, relations = run(text)
    assert expected <= relations, relations


MORE_RELATIONS = [
    # a bare unit title belongs to the article's only unit of that kind
    ("Sáng 5/1, Sư đoàn 304 tổ chức hội nghị quân chính. Đại tá Vi Văn Lực, Sư đoàn trưởng chủ trì.",
     {("HOLDS_POSITION", "Vi Văn Lực", "Sư đoàn 304", "Sư đoàn trưởng")}),
    # an abbreviated head word
    ("Dự có ông Lò Minh Hải, Chủ tịch UBND tỉnh Điện Biên.",
     {("HOLDS_POSITION", "Lò Minh Hải", "Ủy ban nhân dân tỉnh Điện Biên", "Chủ tịch")}),
    # a department before its ministry, a unit after "thuộc"
    ("Đại tá Lý Văn Kiên, Vụ trưởng Vụ Kế hoạch Bộ Quốc phòng phát biểu.",
     {("HOLDS_POSITION", "Lý Văn Kiên", "Vụ Kế hoạch", "Vụ trưởng"),
      ("PART_OF", "Vụ Kế hoạch", "Bộ Quốc phòng", "")}),
    ("Viện Hóa học thuộc Viện Khoa học và Công nghệ quân sự bàn giao sản phẩm.",
     {("PART_OF", "Viện Hóa học", "Viện Khoa học và Công nghệ quân sự", "")}),
    ("Đại diện Cục Cán bộ/TCCT dự.", {("PART_OF", "Cục Cán bộ", "Tổng cục Chính trị", "")}),
    # the title and agency written before the name
    ("Dự có Thứ trưởng Bộ Quốc phòng Hoàng Xuân Chiến.",
     {("HOLDS_POSITION", "Hoàng Xuân Chiến", "Bộ Quốc phòng", "Thứ trưởng")}),
    ("Sáng 3/2, Tư lệnh Quân khu 7, Trung tướng Nguyễn Trường Thắng phát biểu.",
     {("HOLDS_POSITION", "Nguyễn Trường Thắng", "Quân khu 7", "Tư lệnh"),
      ("HAS_RANK", "Nguyễn Trường Thắng", "Trung tướng", "")}),
    # the army's name after a national title is skipped, the chain goes on
    ("Đại tướng Đào Minh Hải, Tổng Tham mưu trưởng QĐND Việt Nam, Thứ trưởng Bộ Quốc phòng dự.",
     {("HOLDS_POSITION", "Đào Minh Hải", "Bộ Quốc phòng", "Thứ trưởng")}),
    # lower-case words that belong to a department's name
    ("Thiếu tướng Vàng A Sình, Cục trưởng Cục Phòng chống ma túy và tội phạm phát biểu.",
     {("HOLDS_POSITION", "Vàng A Sình", "Cục Phòng chống ma túy và tội phạm", "Cục trưởng")}),
    # a number without its suffix, owned by an agency
    ("Đơn vị thực hiện Nghị quyết 1659 của Quân ủy Trung ương.",
     {("ISSUED", "Quân ủy Trung ương", "Nghị quyết 1659", "")}),
]


# A person's name after a local body's title is the person's; the body is that of the place the
# article names ("tỉnh Quảng Bình", "TP HCM"), and family names also begin places ("Hà Giang").
LOCAL_BODIES = [
    ("Đoàn công tác làm việc với tỉnh Quảng Bình. Tiếp đoàn có Bí thư Tỉnh ủy Lê Minh Khoa.",
     {("HOLDS_POSITION", "Lê Minh Khoa", "Tỉnh ủy Quảng Bình", "Bí thư")}),
    ("Hội nghị do tỉnh Hà Giang tổ chức. Chủ tịch UBND tỉnh Đặng Văn Hòa phát biểu.",
     {("HOLDS_POSITION", "Đặng Văn Hòa", "Ủy ban nhân dân tỉnh Hà Giang", "Chủ tịch")}),
    ("Lãnh đạo TP HCM gặp mặt cựu chiến binh. Phát biểu tại buổi gặp, Phó Bí thư Thành ủy, Chủ tịch UBND "
     "thành phố Phạm Quốc Tâm cảm ơn các đại biểu.",
     {("HOLDS_POSITION", "Phạm Quốc Tâm", "Thành ủy Thành phố Hồ Chí Minh", "Phó Bí thư"),
      ("HOLDS_POSITION", "Phạm Quốc Tâm", "Ủy ban nhân dân thành phố Hồ Chí Minh", "Chủ tịch")}),
    ("Dự lễ có đồng chí Hà Văn Lộc, Phó Chủ tịch HĐND tỉnh Thái Bình.",
     {("HOLDS_POSITION", "Hà Văn Lộc", "Hội đồng nhân dân tỉnh Thái Bình", "Phó Chủ tịch")}),
    # a province of ours rather than the partner's the article also names
    ("Lực lượng Bộ CHQS tỉnh Savannakhet (Lào) sang thăm tỉnh Quảng Trị. Đồng chí Lê Đức Tiến, Phó Bí thư "
     "Tỉnh ủy, Chủ tịch UBND tỉnh tiếp đoàn.",
     {("HOLDS_POSITION", "Lê Đức Tiến", "Tỉnh ủy Quảng Trị", "Phó Bí thư"),
      ("HOLDS_POSITION", "Lê Đức Tiến", "Ủy ban nhân dân tỉnh Quảng Trị", "Chủ tịch")}),
    # a listed place ends the body's name, the name after it is the chairman's (a family name of the
    # northern highlands too)
    ("Trao quà cho bộ đội có Bí thư Tỉnh ủy, Chủ tịch HĐND tỉnh Lào Cai Giàng A Tủa.",
     {("HOLDS_POSITION", "Giàng A Tủa", "Tỉnh ủy Lào Cai", "Bí thư"),
      ("HOLDS_POSITION", "Giàng A Tủa", "Hội đồng nhân dân tỉnh Lào Cai", "Chủ tịch")}),
    ("Chủ tịch UBND tỉnh Lâm Đồng Hồ Văn Mười tặng quà.",
     {("HOLDS_POSITION", "Hồ Văn Mười", "Ủy ban nhân dân tỉnh Lâm Đồng", "Chủ tịch")}),
]


# Titles whose body is not written after them: a delegation's leader holds his title in the body the
# delegation is of; our navy written alone after a title; a member of a standing committee.
BODIES_BY_CONTEXT = [
    ("Tham gia giao lưu có đoàn đại biểu Bộ đội Biên phòng tỉnh Lai Châu do Đại tá Lò Văn Minh, Chính ủy dẫn đầu.",
     {("HOLDS_POSITION", "Lò Văn Minh", "Bộ đội Biên phòng tỉnh Lai Châu", "Chính ủy")}),
    ("Đoàn đại biểu Quân khu 2 do Thiếu tướng Hà Văn Tú, Phó Tư lệnh, Tham mưu trưởng dẫn đầu.",
     {("HOLDS_POSITION", "Hà Văn Tú", "Quân khu 2", "Phó Tư lệnh"),
      ("HOLDS_POSITION", "Hà Văn Tú", "Quân khu 2", "Tham mưu trưởng")}),
    ("Đại tá Lê Văn Tâm, Phó Bí thư Đảng ủy, Phó Tư lệnh Hải quân kiểm tra huấn luyện.",
     {("HOLDS_POSITION", "Lê Văn Tâm", "Quân chủng Hải quân", "Phó Tư lệnh"),
      ("HOLDS_POSITION", "Lê Văn Tâm", "Đảng ủy Quân chủng Hải quân", "Phó Bí thư")}),
    ("Chính ủy Hải quân, Trung tướng Vũ Văn Lâm giao nhiệm vụ cho kíp tàu.",
     {("HOLDS_POSITION", "Vũ Văn Lâm", "Quân chủng Hải quân", "Chính ủy")}),
    ("Hội thao do tỉnh Quảng Ngãi tổ chức. Báo cáo tại hội thao có Đại tá Lê Văn Sơn, Ủy viên Ban Thường vụ "
     "Tỉnh ủy, Chính ủy Bộ CHQS tỉnh.",
     {("HOLDS_POSITION", "Lê Văn Sơn", "Ban Thường vụ Tỉnh ủy Quảng Ngãi", "Ủy viên"),
      ("HOLDS_POSITION", "Lê Văn Sơn", "Bộ Chỉ huy Quân sự tỉnh Quảng Ngãi", "Chính ủy")}),
    # a head word in lower case after a title, then the name
    ("Đón tàu bạn có chuẩn đô đốc Lê Văn Hà, phó tư lệnh quân chủng Hải quân.",
     {("HOLDS_POSITION", "Lê Văn Hà", "Quân chủng Hải quân", "Phó Tư lệnh")}),
    ("Đại tá Lê Văn Tú, chính ủy sư đoàn Phòng không 361 dự.",
     {("HOLDS_POSITION", "Lê Văn Tú", "Sư đoàn Phòng không 361", "Chính ủy")}),
    # a body named in the plural after a title and its field
    ("Đại tá Carlos Mendez, Phó Chủ nhiệm Hậu cần các LLVT Cách mạng Cuba thăm Học viện.",
     {("HOLDS_POSITION", "Carlos Mendez", "Lực lượng vũ trang Cách mạng Cuba", "Phó Chủ nhiệm Hậu cần")}),
    # "Nhà trường" after a title: the school the article named
    ("Học viên Trường Sĩ quan Công binh bước vào năm học mới. Đại tá Lê Văn Tú, Chính ủy Nhà trường giao nhiệm vụ.",
     {("HOLDS_POSITION", "Lê Văn Tú", "Trường Sĩ quan Công binh", "Chính ủy")}),
    # a rank and a title written in lower case; a code in brackets before the name's last words
    ("Chuyến thăm có sự tham gia của chuẩn đô đốc Lê Văn Hải, phó tư lệnh Vùng 2 Hải quân.",
     {("HAS_RANK", "Lê Văn Hải", "Chuẩn Đô đốc", ""), ("HOLDS_POSITION", "Lê Văn Hải", "Vùng 2 Hải quân", "Phó Tư lệnh")}),
    ("Thiếu tướng Lê Quang Minh, Phó Chủ nhiệm Tổng cục Hậu cần - Kỹ thuật Quân đội nhân dân (QĐND) Việt Nam "
     "kiểm tra kho.",
     {("HOLDS_POSITION", "Lê Quang Minh", "Tổng cục Hậu cần - Kỹ thuật Quân đội nhân dân Việt Nam", "Phó Chủ nhiệm")}),
]


@pytest.mark.parametrize("text, expected", BODIES_BY_CONTEXT)
def test_bodies_by_context(text, expected):
    _, _, relations = run(text)
    assert expected <= relations, relations


@pytest.mark.parametrize("text, name", [
    # a foreign navy keeps its country; a qualified title names no body of its qualifier
    ("Chuẩn Đô đốc Ngô Văn Hà, Tư lệnh Hải quân Hoàng gia Campuchia thăm Việt Nam.", "Quân chủng Hải quân"),
    ("Thay mặt Phó Trưởng ban Thường trực Ban tổ chức giải đấu, ông Lê Văn Thắng trao cúp.", "Ban Thường trực Ban"),
    ("Hải quân đóng vai trò nòng cốt trên biển.", "Quân chủng Hải quân"),
    # the body of each of a number of provinces is no one body
    ("Chính ủy BĐBP hai tỉnh Kiên Giang và An Giang cùng dự hội nghị.", "Bộ đội Biên phòng"),
])
def test_no_body_by_context(text, name):
    _, entities, _ = run(text)
    assert ("Agency", name) not in entities, entities


@pytest.mark.parametrize("text, expected", LOCAL_BODIES)
def test_local_bodies(text, expected):
    _, entities, relations = run(text)
    assert expected <= relations, relations
    assert not any(label == "Agency" and any(p in name for _, p, _, _ in expected) for label, name in entities)


@pytest.mark.parametrize("text, name", [
    # a place named after a person, and a ward named after one
    ("Ủy ban nhân dân huyện Trần Văn Thời tổ chức ra quân.", "Ủy ban nhân dân huyện Trần Văn Thời"),
    ("Công an phường Hoàng Văn Thụ tuần tra.", "Công an phường Hoàng Văn Thụ"),
    ("Bộ Chỉ huy Quân sự tỉnh Hà Tĩnh tổ chức diễn tập.", "Bộ Chỉ huy Quân sự tỉnh Hà Tĩnh"),
    ("Thành ủy Hải Phòng chỉ đạo công tác quân sự.", "Thành ủy Hải Phòng"),
])
def test_places_named_like_people_stay_places(text, name):
    _, entities, _ = run(text)
    assert ("Agency", name) in entities, entities


@pytest.mark.parametrize("text, expected", MORE_RELATIONS)
def test_more_relations(text, expected):
    _, _, relations = run(text)
    assert expected <= relations, relations


def test_a_title_after_someone_else_is_not_the_next_persons():
    _, _, relations = run("Đại tá Lê Văn An, Chính ủy Lữ đoàn 1, Thiếu tá Trần Văn Bình dự.")
    assert {r for r in relations if r[0] == "HOLDS_POSITION"} == {
        ("HOLDS_POSITION", "Lê Văn An", "Lữ đoàn 1", "Chính ủy")}


SIGNINGS = [
    # what is signed is a programme whatever its case
    ("Sáng 12/3, Học viện Hậu cần và Trường Đại học Bách khoa Hà Nội ký kết thỏa thuận hợp tác giai đoạn 2024-2029.",
     {("SIGNED", "Học viện Hậu cần", "Thỏa thuận hợp tác giai đoạn 2024-2029", ""),
      ("SIGNED", "Trường Đại học Bách khoa Hà Nội", "Thỏa thuận hợp tác giai đoạn 2024-2029", "")}),
    ("Thay mặt hai đơn vị, Đại tá Lê Văn An và PGS.TS Trần Văn Bình đã ký kết Biên bản ghi nhớ về hợp tác đào tạo.",
     {("SIGNED", "Lê Văn An", "Biên bản ghi nhớ về hợp tác đào tạo", ""),
      ("SIGNED", "Trần Văn Bình", "Biên bản ghi nhớ về hợp tác đào tạo", "")}),
    # "với B": the subject signs too
    ("Tổng cục Kỹ thuật ký kết kế hoạch phối hợp với Cục Quân khí.",
     {("SIGNED", "Tổng cục Kỹ thuật", "Kế hoạch phối hợp với Cục Quân khí", ""),
      ("SIGNED", "Cục Quân khí", "Kế hoạch phối hợp với Cục Quân khí", "")}),
    # signers before "tổ chức hội nghị ký kết"
    ("Cục Bản đồ và Cục Tác chiến tổ chức hội nghị ký kết Chương trình phối hợp trong công tác địa hình.",
     {("SIGNED", "Cục Bản đồ", "Chương trình phối hợp trong công tác địa hình", ""),
      ("SIGNED", "Cục Tác chiến", "Chương trình phối hợp trong công tác địa hình", "")}),
]


@pytest.mark.parametrize("text, expected", SIGNINGS)
def test_signings(text, expected):
    _, _, relations = run(text)
    assert expected <= relations, relations


def test_the_chair_named_after_the_verb():
    text = ("Sáng 3/4, Quân khu 5 tổ chức Hội nghị tổng kết công tác dân vận. Chủ trì hội nghị là Trung tướng "
            "Trịnh Đình Thạch, Tư lệnh Quân khu. Đồng chủ trì có Thiếu tướng Lê Văn An.")
    _, _, relations = run(text)
    assert {("CHAIRED", "Trịnh Đình Thạch", "Hội nghị tổng kết công tác dân vận của Quân khu 5", ""),
            ("CHAIRED", "Lê Văn An", "Hội nghị tổng kết công tác dân vận của Quân khu 5", "")} <= relations


def test_a_government_title_is_not_shared_with_a_ministry():
    _, _, relations = run("Chính phủ họp phiên thường kỳ. Đại tướng Lê Văn An, Phó Thủ tướng, Bộ trưởng Bộ Quốc "
                          "phòng dự.")
    positions = {r for r in relations if r[0] == "HOLDS_POSITION"}
    assert positions == {("HOLDS_POSITION", "Lê Văn An", "Chính phủ", "Phó Thủ tướng"),
                         ("HOLDS_POSITION", "Lê Văn An", "Bộ Quốc phòng", "Bộ trưởng")}


# A title whose last word begins its agency's name, a bare head word after a title in lower case,
# and a title of a council or board named by a description.
TITLES_AND_BODIES = [
    ("Thiếu tướng Trần Hữu Lộc, Chánh Thanh tra Bộ Quốc phòng phát biểu.",
     {("HOLDS_POSITION", "Trần Hữu Lộc", "Thanh tra Bộ Quốc phòng", "Chánh Thanh tra")}),
    ("Dự lễ có Chánh Văn phòng Trung ương Đảng Lê Quang Vinh.",
     {("HOLDS_POSITION", "Lê Quang Vinh", "Văn phòng Trung ương Đảng", "Chánh Văn phòng")}),
    ("Hội đồng khoa học Bộ Công an họp. Thượng tướng Lê Văn Tuấn, Thứ trưởng Bộ Công an, Chủ tịch hội "
     "đồng chủ trì.",
     {("HOLDS_POSITION", "Lê Văn Tuấn", "Hội đồng khoa học Bộ Công an", "Chủ tịch"),
      ("HOLDS_POSITION", "Lê Văn Tuấn", "Bộ Công an", "Thứ trưởng")}),
    ("Ban Chỉ đạo tổng kết Nghị quyết số 24-NQ/TW họp. Ông Trần Lưu Quang, Trưởng Ban Chỉ đạo phát biểu.",
     {("HOLDS_POSITION", "Trần Lưu Quang", "Ban Chỉ đạo tổng kết Nghị quyết số 24-NQ/TW", "Trưởng ban")}),
    ("Ông Lê Văn Hòa, Trưởng Ban Cơ yếu Chính phủ dự.",
     {("HOLDS_POSITION", "Lê Văn Hòa", "Ban Cơ yếu Chính phủ", "Trưởng ban")}),
    ("Ông Lê Hữu, Phó Trưởng Ban Chỉ huy Quân sự huyện Kỳ Sơn báo cáo.",
     {("HOLDS_POSITION", "Lê Hữu", "Ban Chỉ huy Quân sự huyện Kỳ Sơn", "Phó Trưởng ban")}),
    ("Đại tá Lê Thu, Chủ tịch Hội đồng thành viên Tổng công ty Sông Thu phát biểu.",
     {("HOLDS_POSITION", "Lê Thu", "Tổng công ty Sông Thu", "Chủ tịch Hội đồng thành viên")}),
]


@pytest.mark.parametrize("text, expected", TITLES_AND_BODIES)
def test_titles_and_bodies(text, expected):
    _, _, relations = run(text)
    assert expected <= relations, relations


def test_the_ministries_of_both_countries_sign():
    _, _, relations = run("Đại tướng Lê An, Bộ trưởng Bộ Quốc phòng Việt Nam hội đàm với Đại tướng Sok Vanna, "
                          "Bộ trưởng Bộ Quốc phòng Campuchia. Sau đó, Bộ Quốc phòng hai nước ký kế hoạch hợp tác "
                          "năm 2025.")
    signed = {(r[1], r[2]) for r in relations if r[0] == "SIGNED"}
    assert signed == {("Bộ Quốc phòng Việt Nam", "Kế hoạch hợp tác năm 2025"),
                      ("Bộ Quốc phòng Campuchia", "Kế hoạch hợp tác năm 2025")}


def test_two_countries_with_several_foreign_bodies_add_no_signer():
    _, _, relations = run("Bộ Quốc phòng Lào và Bộ Quốc phòng Campuchia cử đoàn dự. Bộ Quốc phòng hai nước ký "
                          "kế hoạch hợp tác năm 2025.")
    assert {r[1] for r in relations if r[0] == "SIGNED"} == {"Bộ Quốc phòng"}


# Irregular writing: no comma between a name and its titles, a whole name's first word in lower
# case after a title, a qualifier between a title and its agency (after or before the name).
IRREGULAR_TITLES = [
    ("Đại tướng Lê Văn Thành Phó Bí thư Quân ủy Trung ương, Bộ trưởng Bộ Quốc phòng phát biểu.",
     {("HOLDS_POSITION", "Lê Văn Thành", "Quân ủy Trung ương", "Phó Bí thư"),
      ("HOLDS_POSITION", "Lê Văn Thành", "Bộ Quốc phòng", "Bộ trưởng")}),
    ("Thượng tướng Võ Minh Lương, Ủy viên Thường vụ quân ủy Trung ương, Thứ trưởng Bộ Quốc phòng dự.",
     {("HOLDS_POSITION", "Võ Minh Lương", "Quân ủy Trung ương", "Ủy viên Thường vụ")}),
    ("Ông Đỗ Hùng Việt, Thứ trưởng thường trực Bộ Ngoại giao dự lễ.",
     {("HOLDS_POSITION", "Đỗ Hùng Việt", "Bộ Ngoại giao", "Thứ trưởng thường trực")}),
    ("Bà Trương Thị Mai Hoa, Phó Chủ tịch thứ Nhất Hội đồng Dân tộc phát biểu.",
     {("HOLDS_POSITION", "Trương Thị Mai Hoa", "Hội đồng Dân tộc", "Phó Chủ tịch thứ Nhất")}),
    ("Thiếu tướng Lê Đức Hạnh, Phó Chủ tịch chuyên trách Hội đồng Lý luận Trung ương dự.",
     {("HOLDS_POSITION", "Lê Đức Hạnh", "Hội đồng Lý luận Trung ương", "Phó Chủ tịch chuyên trách")}),
    ("Dự có Thứ trưởng thường trực Bộ Ngoại giao Nguyễn Minh Vũ.",
     {("HOLDS_POSITION", "Nguyễn Minh Vũ", "Bộ Ngoại giao", "Thứ trưởng thường trực")}),
]


@pytest.mark.parametrize("text, expected", IRREGULAR_TITLES)
def test_irregular_titles(text, expected):
    _, _, relations = run(text)
    assert expected <= relations, relations


@pytest.mark.parametrize("text", [
    # a whole name in lower case in running text, with no capital in it, is no agency
    "Lãnh đạo bộ quốc phòng dự lễ.",
    # a verb written after a name is no title
    "Đại tướng Lê Văn Thành chủ trì hội nghị.",
])
def test_no_irregular_positions(text):
    _, entities, relations = run(text)
    assert not [r for r in relations if r[0] == "HOLDS_POSITION"], relations


# A foreign delegation's leader holds his post in the delegation's country's body, not ours.
FOREIGN_POSTS = [
    ("Chiều nay, đoàn đại biểu Bộ Quốc phòng Trung Quốc do Thượng tướng Lý Thượng Phúc, Bộ trưởng Bộ Quốc "
     "phòng làm Trưởng đoàn đã đến Hà Nội.",
     {("HOLDS_POSITION", "Lý Thượng Phúc", "Bộ Quốc phòng Trung Quốc", "Bộ trưởng")}),
    ("Đại tướng Phạm An, Bộ trưởng Bộ Quốc phòng nước Cộng hòa xã hội chủ nghĩa Việt Nam và Thượng tướng "
     "Trương Hựu Hiệp, Ủy viên Quốc vụ, Bộ trưởng Bộ Quốc phòng nước Cộng hòa Nhân dân Trung Hoa hội đàm.",
     {("HOLDS_POSITION", "Trương Hựu Hiệp", "Bộ Quốc phòng nước Cộng hòa Nhân dân Trung Hoa", "Bộ trưởng"),
      ("HOLDS_POSITION", "Phạm An", "Bộ Quốc phòng", "Bộ trưởng")}),
    # the name right after a title and a foreign body ending with its country
    ("Bộ trưởng Bộ Quốc phòng Liên bang Nga Ivan Petrov thăm Học viện.",
     {("HOLDS_POSITION", "Ivan Petrov", "Bộ Quốc phòng Liên bang Nga", "Bộ trưởng")}),
    ("Hội đàm với Bộ trưởng Bộ Quốc phòng Trung Quốc Trương Hựu Hiệp.",
     {("HOLDS_POSITION", "Trương Hựu Hiệp", "Bộ Quốc phòng Trung Quốc", "Bộ trưởng")}),
    ("Ông Lê Văn Hào, Tổng Thư ký, Chủ nhiệm Văn phòng Quốc hội phát biểu.",
     {("HOLDS_POSITION", "Lê Văn Hào", "Văn phòng Quốc hội", "Chủ nhiệm")}),
]


@pytest.mark.parametrize("text, expected", FOREIGN_POSTS)
def test_foreign_posts(text, expected):
    _, _, relations = run(text)
    assert expected <= relations, relations


def test_a_foreign_leader_is_no_minister_of_ours():
    # the article names no Lao ministry: no post rather than ours
    _, _, relations = run("Đại tướng Lê An đón Đoàn đại biểu quân sự cấp cao Quân đội nhân dân Lào do Đại tướng "
                          "Chansamone Chanyalath, Phó Thủ tướng, Bộ trưởng Quốc phòng dẫn đầu.")
    assert not [r for r in relations if r[0] == "HOLDS_POSITION" and r[1] == "Chansamone Chanyalath"], relations


def test_our_delegation_leader_keeps_our_ministry():
    _, _, relations = run("Đoàn đại biểu Bộ Quốc phòng Việt Nam do Đại tướng Lê An, Bộ trưởng Bộ Quốc phòng dẫn đầu.")
    assert ("HOLDS_POSITION", "Lê An", "Bộ Quốc phòng Việt Nam", "Bộ trưởng") in relations


def test_a_level_is_no_agency():
    _, entities, _ = run("Sau chuyến thăm cấp Nhà nước, hai bên ký kết nhiều văn kiện.")
    assert not [e for e in entities if e[0] == "Agency"], entities


def test_a_chain_goes_on_past_a_title_of_no_agency_and_a_header_names_a_board():
    _, _, relations = run(
        "Ban Chỉ đạo tổng kết Nghị quyết số 24-NQ/TW họp phiên thứ hai. Chủ tịch nước Lê Văn Hưng – Ủy viên Bộ "
        "Chính trị, Chủ tịch Hội đồng Quốc phòng và An ninh, Thống lĩnh các lực lượng vũ trang nhân dân, Trưởng "
        "Ban chỉ đạo; các đồng chí Ủy viên Bộ Chính trị, Phó Trưởng ban chỉ đạo: đồng chí Trần Thanh Mẫn, Phó "
        "Thủ tướng Thường trực Chính phủ; Đại tướng Lê Minh Hải Phó Bí thư Quân ủy Trung ương, Bộ trưởng Bộ Quốc "
        "phòng đồng chủ trì.")
    board = "Ban Chỉ đạo tổng kết Nghị quyết số 24-NQ/TW"
    assert {("HOLDS_POSITION", "Lê Văn Hưng", board, "Trưởng ban"),
            ("HOLDS_POSITION", "Lê Văn Hưng", "Hội đồng Quốc phòng và An ninh", "Chủ tịch"),
            ("HOLDS_POSITION", "Trần Thanh Mẫn", board, "Phó Trưởng ban"),
            ("HOLDS_POSITION", "Trần Thanh Mẫn", "Bộ Chính trị", "Ủy viên"),
            ("HOLDS_POSITION", "Trần Thanh Mẫn", "Chính phủ", "Phó Thủ tướng Thường trực"),
            ("HOLDS_POSITION", "Lê Minh Hải", board, "Phó Trưởng ban"),
            ("HOLDS_POSITION", "Lê Minh Hải", "Quân ủy Trung ương", "Phó Bí thư")} <= relations


def test_a_chain_stops_at_the_next_person():
    # "Thống lĩnh ..." has no agency; the titles after the next person's rank are not the first one's
    _, _, relations = run("Ông Lê Văn Hưng, Thống lĩnh các lực lượng vũ trang nhân dân, Thượng tướng Trần Nam, "
                          "Thứ trưởng Bộ Quốc phòng dự.")
    assert not [r for r in relations if r[0] == "HOLDS_POSITION" and r[1] == "Lê Văn Hưng"], relations


def test_a_foreign_ministers_bare_ministry_is_his_countrys():
    _, _, relations = run("Bộ Quốc phòng Lào cử đoàn sang thăm. Đại tướng Chansamone Chanyalath, Phó Thủ tướng, "
                          "Bộ trưởng Bộ Quốc phòng phát biểu. Đại tướng Lê Văn Dũng, Bộ trưởng Bộ Quốc phòng đón đoàn.")
    assert ("HOLDS_POSITION", "Chansamone Chanyalath", "Bộ Quốc phòng Lào", "Bộ trưởng") in relations
    assert ("HOLDS_POSITION", "Lê Văn Dũng", "Bộ Quốc phòng", "Bộ trưởng") in relations


def test_a_foreign_name_keeps_our_ministry_when_two_countries_are_named():
    _, _, relations = run("Bộ Quốc phòng Lào và Bộ Quốc phòng Campuchia cử đoàn. Ông Chansamone Chanyalath, "
                          "Bộ trưởng Bộ Quốc phòng phát biểu.")
    assert not [r for r in relations if r[0] == "HOLDS_POSITION" and r[2] != "Bộ Quốc phòng"], relations


# Titles in lower case when their agency follows; the name as spelt at home in brackets; a level.
MORE_TITLES = [
    ("Đoàn do Thiếu tướng Không quân Ra-giu Va-ma (Raju Varma), giảng viên cao cấp Học viện Quốc phòng Ấn Độ "
     "làm trưởng đoàn.",
     {("HOLDS_POSITION", "Ra-giu Va-ma", "Học viện Quốc phòng Ấn Độ", "Giảng viên cao cấp")}),
    ("Thượng tướng Lê Văn Tiến, Thứ trưởng Bộ Quốc phòng, đồng thời là Chủ tịch Hội đồng Thi đua - Khen thưởng "
     "Bộ Quốc phòng phát biểu.",
     {("HOLDS_POSITION", "Lê Văn Tiến", "Hội đồng Thi đua - Khen thưởng", "Chủ tịch"),
      ("HOLDS_POSITION", "Lê Văn Tiến", "Bộ Quốc phòng", "Thứ trưởng")}),
    ("Đại tá Lê Văn Bình, chính ủy Lữ đoàn 147 báo cáo.",
     {("HOLDS_POSITION", "Lê Văn Bình", "Lữ đoàn 147", "Chính ủy")}),
]


@pytest.mark.parametrize("text, expected", MORE_TITLES)
def test_more_titles(text, expected):
    _, _, relations = run(text)
    assert expected <= relations, relations


def test_a_lower_case_title_without_its_agency_is_none():
    _, _, relations = run("Ông Lê Văn Bình, bộ trưởng nói rằng đơn vị đã hoàn thành nhiệm vụ.")
    assert not [r for r in relations if r[0] == "HOLDS_POSITION"], relations
