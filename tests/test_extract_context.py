"""Table tests of the rules that read names from their context, in Vietnamese written for these tests:
titles shared along a chain, party committees, academic titles, places in agency names, owners of
instruments, quoted titles, sentence openers, abbreviations an article defines, the outlet."""
from __future__ import annotations

import pytest

from graph.model import Document
from loaders.extract import extract
from loaders.normalize import entity_key


def run(text: str):
    ex = extract(Document("t.txt", text))
    entities = {(e.label, e.name) for e in ex.entities}
    names = {(e.label, e.key): e.name for e in ex.entities}
    relations = {(r.type, names[r.source_label, r.source_key], names[r.target_label, r.target_key], r.title)
                 for r in ex.relations}
    return ex, entities, relations


ENTITIES = [
    # a given name that is also an agency head word ("Trường", "Vùng") is part of the name
    ("Đại tá Nguyễn Văn Trường, Chính ủy Lữ đoàn 173 dự buổi lễ.",
     {("Person", "Nguyễn Văn Trường"), ("Agency", "Lữ đoàn 173")}),
    # an academic title between the rank and the name
    ("Thiếu tướng, PGS.TS Đinh Văn Hậu phát biểu tại hội thảo.",
     {("Rank", "Thiếu tướng"), ("Person", "Đinh Văn Hậu")}),
    ("TS Hoàng Minh Khôi trình bày tham luận.", {("Person", "Hoàng Minh Khôi")}),
    # places continue an agency's name; the bare form later is the same agency
    ("Bộ Chỉ huy Quân sự tỉnh Hà Tĩnh tổ chức hội nghị. Bộ Chỉ huy Quân sự tỉnh đã hoàn thành kế hoạch.",
     {("Agency", "Bộ Chỉ huy Quân sự tỉnh Hà Tĩnh")}),
    ("Công an thành phố Đà Nẵng phối hợp tuần tra.", {("Agency", "Công an thành phố Đà Nẵng")}),
    # "và" inside a ministry's name, but not between two agencies
    ("Ông Trần Đức Minh, Thứ trưởng Bộ Khoa học và Công nghệ dự lễ.", {("Agency", "Bộ Khoa học và Công nghệ")}),
    ("Tổng cục Hậu cần và Cục Quân y kiểm tra bệnh viện.", {("Agency", "Tổng cục Hậu cần"), ("Agency", "Cục Quân y")}),
    # a whole name after a head word
    ("Bộ Tư lệnh Cảnh sát biển triển khai lực lượng.", {("Agency", "Bộ Tư lệnh Cảnh sát biển")}),
    # instruments: a year closes a named instrument; a law stops before "và các ..." and at a verb's comma
    ("Các đơn vị thực hiện Chỉ lệnh công tác hậu cần năm 2025 của Bộ trưởng Bộ Quốc phòng.",
     {("Resolution", "Chỉ lệnh công tác hậu cần năm 2025 của Bộ trưởng Bộ Quốc phòng")}),
    ("Đơn vị phổ biến Luật Quốc phòng và các văn bản hướng dẫn thi hành.", {("Resolution", "Luật Quốc phòng")}),
    ("Địa phương giao quân đúng Luật Nghĩa vụ quân sự, bảo đảm an toàn.", {("Resolution", "Luật Nghĩa vụ quân sự")}),
    ("Quán triệt Luật Công nghiệp quốc phòng, an ninh và động viên công nghiệp tới cán bộ.",
     {("Resolution", "Luật Công nghiệp quốc phòng, an ninh và động viên công nghiệp")}),
    # quoted titles
    ('Sáng 8/3, Cục Chính trị tổ chức Hội thi "Nữ quân nhân thanh lịch" lần thứ hai.',
     {("Meeting", "Hội thi “Nữ quân nhân thanh lịch”")}),
    ('Đồn Biên phòng duy trì chương trình "Nâng bước em tới trường" tại địa bàn.',
     {("Program", "Chương trình “Nâng bước em tới trường”")}),
    ("Hai đơn vị ký kết Quy chế phối hợp trong công tác tìm kiếm cứu nạn.",
     {("Program", "Quy chế phối hợp trong công tác tìm kiếm cứu nạn")}),
]


@pytest.mark.parametrize("text, expected", ENTITIES)
def test_entities(text, expected):
    _, entities, _ = run(text)
    assert expected <= entities, entities


NOT_ENTITIES = [
    ("Các cơ quan cụ thể hóa nghị quyết thành các kế hoạch, chương trình hành động của từng đơn vị.", "Program"),
    ("Hai bên phối hợp xây dựng chương trình đào tạo sát với thực tiễn.", "Program"),
    ("Nghị quyết số 44-NQ/TW về Chiến lược bảo vệ Tổ quốc trong tình hình mới.", "Program"),
    ("Sau đó, các tàu diễn tập cơ động trên biển.", "Meeting"),
    ("(Báo Phòng không - Không quân) - Sáng 2/3, các đơn vị ra quân huấn luyện.", "Agency"),
    # places that begin like an agency ("Trường ..."), and ideas or places named after a person
    ("Tàu tuần tra bảo vệ quần đảo Trường Sa và thềm lục địa.", "Agency"),
    ("Đoàn đến trụ sở ở số 1 đường Trường Chinh.", "Agency"),
    ("Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.", "Person"),
    ("Kỷ niệm Chiến dịch Hồ Chí Minh lịch sử.", "Person"),
]


@pytest.mark.parametrize("text, label", NOT_ENTITIES)
def test_not_entities(text, label):
    _, entities, _ = run(text)
    assert not [e for e in entities if e[0] == label], entities


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
     {("ATTENDED", "Lê Thị Hà", "Hội nghị tổng kết công tác dân vận", "")}),
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


def test_one_entity_for_short_and_full_agency_names():
    ex, _, _ = run("Tổng cục Chính trị Quân đội nhân dân Việt Nam tổ chức hội nghị. Lãnh đạo Tổng cục Chính trị dự.")
    agencies = [e for e in ex.entities if e.label == "Agency"]
    assert [e.name for e in agencies] == ["Tổng cục Chính trị Quân đội nhân dân Việt Nam"]
    assert len(agencies[0].mentions) == 2


def test_one_programme_for_both_names():
    ex, _, _ = run("Hai bên ký kết Chương trình phối hợp giữa Lữ đoàn 125 và Hải đoàn 129 về tuần tra.\n"
                   "Theo đó, hai đơn vị ký kết Chương trình phối hợp trong bảo vệ chủ quyền biển đảo.")
    assert len([e for e in ex.entities if e.label == "Program"]) == 1


@pytest.mark.parametrize("a, b", [
    ("Luật Quốc phòng năm 2018", "Luật Quốc phòng"),
    ("Nghị quyết 08 - NQ/TW ngày 26/1/2022", "Nghị quyết số 08-NQ/TW"),
])
def test_instrument_keys(a, b):
    assert entity_key("Resolution", a) == entity_key("Resolution", b)


@pytest.mark.parametrize("a, b", [
    ("QK7", "Quân khu 7"),
    ("Tổng cục CNQP", "Tổng cục Công nghiệp quốc phòng"),
    ("Cảnh sát biển Việt Nam", "Cảnh sát biển"),
    ("Tổng cục Chính trị Quân đội nhân dân Việt Nam", "tổng cục chính trị"),
    ("Quân uỷ Trung ương", "Quân ủy  Trung ương"),
])
def test_agency_keys(a, b):
    assert entity_key("Agency", a) == entity_key("Agency", b)


def test_different_versions_of_a_directive_keep_their_year():
    assert entity_key("Resolution", "Chỉ lệnh huấn luyện năm 2024") != entity_key("Resolution",
                                                                                 "Chỉ lệnh huấn luyện năm 2025")


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


@pytest.mark.parametrize("text, expected", MORE_RELATIONS)
def test_more_relations(text, expected):
    _, _, relations = run(text)
    assert expected <= relations, relations


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


def test_quy_keeps_its_tone():
    ex, entities, _ = run("Sáng 2/10, Quân khu 2 tổ chức Hội nghị giao ban quý III năm 2024.")
    assert ("Meeting", "Hội nghị giao ban quý III năm 2024") in entities


def test_a_title_after_someone_else_is_not_the_next_persons():
    _, _, relations = run("Đại tá Lê Văn An, Chính ủy Lữ đoàn 1, Thiếu tá Trần Văn Bình dự.")
    assert {r for r in relations if r[0] == "HOLDS_POSITION"} == {
        ("HOLDS_POSITION", "Lê Văn An", "Lữ đoàn 1", "Chính ủy")}


@pytest.mark.parametrize("text, label, name", [
    ("Tổng kết Chỉ thị 05 của Bộ Chính trị\nĐơn vị thực hiện Chỉ thị số 05-CT/TW của Bộ Chính trị.",
     "Resolution", "Chỉ thị số 05-CT/TW"),
    ("Bộ Tư lệnh Thủ đô Hà Nội tổ chức hội nghị. Đại tá Lê Văn Tám, Phó Tư lệnh Bộ Tư lệnh Thủ đô dự.",
     "Agency", "Bộ Tư lệnh Thủ đô Hà Nội"),
])
def test_short_forms_are_the_full_entity(text, label, name):
    ex, _, _ = run(text)
    assert [e.name for e in ex.entities if e.label == label] == [name]


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
    assert {("CHAIRED", "Trịnh Đình Thạch", "Hội nghị tổng kết công tác dân vận", ""),
            ("CHAIRED", "Lê Văn An", "Hội nghị tổng kết công tác dân vận", "")} <= relations


def test_a_government_title_is_not_shared_with_a_ministry():
    _, _, relations = run("Chính phủ họp phiên thường kỳ. Đại tướng Lê Văn An, Phó Thủ tướng, Bộ trưởng Bộ Quốc "
                          "phòng dự.")
    positions = {r for r in relations if r[0] == "HOLDS_POSITION"}
    assert positions == {("HOLDS_POSITION", "Lê Văn An", "Chính phủ", "Phó Thủ tướng"),
                         ("HOLDS_POSITION", "Lê Văn An", "Bộ Quốc phòng", "Bộ trưởng")}

