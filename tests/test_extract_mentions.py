"""Table tests of the extractor, in Vietnamese written for these tests. Stage mentions: what the recognisers find, and what they must not take for a name."""
from __future__ import annotations

import pytest

from tests.extraction import run


ENTITY_TABLE = [
    ("Đại tướng Nguyễn Văn Thạch phát biểu.", {("Rank", "Đại tướng"), ("Person", "Nguyễn Văn Thạch")}),
    ("Phó Đô đốc Trần Hữu Nghĩa dự lễ.", {("Rank", "Phó Đô đốc"), ("Person", "Trần Hữu Nghĩa")}),
    ("Chuẩn Đô đốc Vũ Đình Lâm kiểm tra tàu.", {("Rank", "Chuẩn Đô đốc"), ("Person", "Vũ Đình Lâm")}),
    ("Đồng chí Lê Thị Hạnh báo cáo kết quả.", {("Person", "Lê Thị Hạnh")}),
    ("Nhà máy Z121 hoàn thành kế hoạch năm.", {("Agency", "Nhà máy Z121")}),
    ("Cục Tiêu chuẩn Đo lường Chất lượng kiểm tra.", {("Agency", "Cục Tiêu chuẩn Đo lường Chất lượng")}),
    ("Tổng cục Công nghiệp quốc phòng đã tham mưu.", {("Agency", "Tổng cục Công nghiệp quốc phòng")}),
    ("Quân uỷ Trung ương chỉ đạo.", {("Agency", "Quân ủy Trung ương")}),
    ("Hội nghị do QK7 tổ chức.", {("Agency", "Quân khu 7")}),
    ("Chính phủ ban hành Nghị định số 12/2024/NĐ-CP về quản lý.",
     {("Agency", "Chính phủ"), ("Resolution", "Nghị định số 12/2024/NĐ-CP")}),
    # a decree of the early republic
    ("Ngày 7/9/1945, Chủ tịch Hồ Chí Minh ký Sắc lệnh số 34/SL về thành lập Bộ Quốc phòng.",
     {("Person", "Hồ Chí Minh"), ("Resolution", "Sắc lệnh số 34/SL"), ("Agency", "Bộ Quốc phòng")}),
    ("Các đơn vị quán triệt Luật Quốc phòng; tổ chức thực hiện nghiêm.", {("Resolution", "Luật Quốc phòng")}),
    ("Đơn vị thực hiện tốt Cuộc vận động 50.", {("Program", "Cuộc vận động 50")}),
    ("Đẩy nhanh tiến độ đề án 12 - KT.", {("Program", "Đề án 12-KT")}),
]


@pytest.mark.parametrize("text, expected", ENTITY_TABLE)
def test_entity_table(text, expected):
    _, entities, _ = run(text)
    assert expected <= entities, entities


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
    # a title right before a short name; foreign names after "ngài", "ông", "bà" or a rank
    ("Tổng Bí thư Lê Khải phát biểu chỉ đạo.", {("Person", "Lê Khải")}),
    ("Chủ tịch nước Trương Mạnh gặp mặt cựu chiến binh.", {("Person", "Trương Mạnh")}),
    ("Ngài Sok Vanna, Bộ trưởng Bộ Quốc phòng Campuchia thăm Học viện.",
     {("Person", "Sok Vanna"), ("Agency", "Bộ Quốc phòng Campuchia")}),
    ("Bà Elena Garcia Moreno, Đại sứ Tây Ban Nha, dự lễ.", {("Person", "Elena Garcia Moreno")}),
    ("Ông Batbayar Ganbold tiếp đoàn.", {("Person", "Batbayar Ganbold")}),
    ("Thiếu tướng Somsak Phongsavanh, Tư lệnh Quân khu 2 Lào hội đàm.", {("Person", "Somsak Phongsavanh")}),
    ("Đại tá Tôn Nữ Thị Minh Hằng báo cáo.", {("Person", "Tôn Nữ Thị Minh Hằng")}),
    # known full names with a comma, "và" or lower-case words; foreign ministries and governments
    ("Cục Đào tạo, bồi dưỡng cán bộ mở lớp tập huấn.", {("Agency", "Cục Đào tạo, bồi dưỡng cán bộ")}),
    ("Viện Khoa học và Công nghệ quân sự nghiệm thu đề tài.", {("Agency", "Viện Khoa học và Công nghệ quân sự")}),
    ("Lãnh đạo Ngân hàng Nhà nước Việt Nam làm việc với ngân hàng quân đội.",
     {("Agency", "Ngân hàng Nhà nước Việt Nam")}),
    ("Bộ Văn hóa, Thể thao và Du lịch phối hợp tổ chức.", {("Agency", "Bộ Văn hóa, Thể thao và Du lịch")}),
    ("Chính phủ Vương quốc Campuchia và Quân đội nhân dân Lào cử đoàn dự.",
     {("Agency", "Chính phủ Vương quốc Campuchia"), ("Agency", "Quân đội nhân dân Lào")}),
    ("Bộ Quốc phòng Mông Cổ cử đoàn sang thăm.", {("Agency", "Bộ Quốc phòng Mông Cổ")}),
    ("Tư lệnh Quân đội Hoàng gia Thái Lan thăm Học viện.", {("Agency", "Quân đội Hoàng gia Thái Lan")}),
    # associations
    ("Hội Truyền thống Trường Sơn Việt Nam gặp mặt hội viên.", {("Agency", "Hội Truyền thống Trường Sơn Việt Nam")}),
    ("Hội Cựu chiến binh tỉnh Quảng Bình trao nhà tình nghĩa.", {("Agency", "Hội Cựu chiến binh tỉnh Quảng Bình")}),
    # party standing committees, with or without "Ban"; "Ủy viên Thường vụ" stays a title
    ("Thường vụ Đảng ủy Quân khu 5 họp phiên tháng 3.",
     {("Agency", "Ban Thường vụ Đảng ủy Quân khu 5"), ("Agency", "Đảng ủy Quân khu 5")}),
    ("Ban Thường vụ Quân ủy Trung ương cho ý kiến.", {("Agency", "Ban Thường vụ Quân ủy Trung ương")}),
    ("Ban Thường vụ Tỉnh ủy Hà Giang kiểm tra.", {("Agency", "Ban Thường vụ Tỉnh ủy Hà Giang")}),
    # a known department written in lower case, and the ministry after it is its own agency
    ("Đại tá Lê Văn Hải, Phó Cục trưởng Cục đối ngoại Bộ Quốc phòng trả lời phỏng vấn.",
     {("Agency", "Cục Đối ngoại"), ("Agency", "Bộ Quốc phòng")}),
    # one head word for a list of names
    ("Làm việc với lãnh đạo các Bộ: Công Thương, Tài chính và Bộ Giáo dục và Đào tạo.",
     {("Agency", "Bộ Công Thương"), ("Agency", "Bộ Tài chính"), ("Agency", "Bộ Giáo dục và Đào tạo")}),
    ("Bộ đội các Quân khu 4, 5 tham gia cứu hộ.", {("Agency", "Quân khu 4"), ("Agency", "Quân khu 5")}),
    ("Hội Nhà báo Việt Nam trao giải báo chí.", {("Agency", "Hội Nhà báo Việt Nam")}),
    # a title carrying its agency's head word
    ("Ông Vũ Hải Nam, Trưởng ban Kinh tế Trung ương phát biểu.", {("Agency", "Ban Kinh tế Trung ương")}),
    # two-syllable names as items of a list of people
    ("Cùng dự có các đồng chí: Tô Huy, Lê Hồng Anh và Mai Tiến.",
     {("Person", "Tô Huy"), ("Person", "Lê Hồng Anh"), ("Person", "Mai Tiến")}),
    # an instrument's subject may list topics with a comma; what follows a law's name is not part of it
    ("Đơn vị quán triệt Nghị quyết của Đảng ủy Quân khu 5 về huấn luyện, sẵn sàng chiến đấu và xây dựng "
     "chính quy năm 2025.",
     {("Resolution", "Nghị quyết của Đảng ủy Quân khu 5 về huấn luyện, sẵn sàng chiến đấu và xây dựng chính quy năm 2025")}),
    ("Quốc hội thông qua Luật Phòng không nhân dân với tỷ lệ tán thành cao.",
     {("Resolution", "Luật Phòng không nhân dân")}),
    # a foreign official's title and country before a name Vietnamese syllables do not make
    ("Thủ tướng Campuchia Hun Manet tiếp đoàn đại biểu.", {("Person", "Hun Manet")}),
    ("Bộ trưởng Quốc phòng Malaysia Mohamed Khaled Nordin dự triển lãm.", {("Person", "Mohamed Khaled Nordin")}),
    ("Tổng thống Mông Cổ Ukhnaagiin Khurelsukh thăm Học viện.", {("Person", "Ukhnaagiin Khurelsukh")}),
    ("Đại sứ Tây Ban Nha Carlos Ortega dự lễ.", {("Person", "Carlos Ortega")}),
    ("Chuẩn tướng Khamla Vongsa dẫn đầu đoàn.", {("Rank", "Chuẩn tướng"), ("Person", "Khamla Vongsa")}),
    ("Tôn Nữ Thị Minh Hằng, Phó Giám đốc Học viện Quân y báo cáo.", {("Person", "Tôn Nữ Thị Minh Hằng")}),
    # a plan for another named programme
    ("Đơn vị xây dựng Kế hoạch tổng kết Cuộc vận động 50 năm 2025.",
     {("Program", "Kế hoạch tổng kết Cuộc vận động 50")}),
    # a hyphen joining two names inside an agency's name
    ("Tổng công ty Bưu chính-Viễn thông Quân đội đạt doanh thu cao.",
     {("Agency", "Tổng công ty Bưu chính-Viễn thông Quân đội")}),
    ("Đảng ủy Tập đoàn Dầu khí - Hóa chất Quốc gia họp phiên thường kỳ.",
     {("Agency", "Đảng ủy Tập đoàn Dầu khí - Hóa chất Quốc gia")}),
    # "Thủ tướng Chính phủ" is a position at the government, not an agency
    ("Dự lễ có Thủ tướng Chính phủ Trần Quốc Huy.", {("Agency", "Chính phủ"), ("Person", "Trần Quốc Huy")}),
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
    ("Bộ trưởng Bộ Quốc phòng chủ trì hội nghị.", "Person"),
    ("Các Tổng cục, Cục, Vụ chuẩn bị báo cáo.", "Agency"),
    ("Hội nghị Quân chính toàn quân diễn ra tại Hà Nội.", "Agency"),
    ("Đại sứ Việt Nam tại Lào dự lễ.", "Person"),
    ("Ông Lê Văn An, Trưởng đoàn Việt Nam phát biểu.", "Agency"),
    ("Bộ trưởng Phan Văn Giang phát biểu.", "Agency"),
    ("Tổng Giám đốc Viettel Global phát biểu.", "Person"),
    ("Đơn vị tập trung vào các nhiệm vụ, đề án trọng điểm mang tính đột phá.", "Program"),
    ("Chỉ đạo triển khai các dự án đầu tư, đề án khoa học công nghệ trọng điểm.", "Program"),
    ("Các đồng chí lãnh đạo tỉnh Hà Nam dự lễ.", "Person"),
]


def test_the_prime_minister_is_no_agency():
    _, entities, _ = run("Được sự đồng ý của Thủ tướng Chính phủ, Bộ Quốc phòng tổ chức diễn tập.")
    assert {n for label, n in entities if label == "Agency"} == {"Chính phủ", "Bộ Quốc phòng"}


@pytest.mark.parametrize("text, label", NOT_ENTITIES)
def test_not_entities(text, label):
    _, entities, _ = run(text)
    assert not [e for e in entities if e[0] == label], entities


def test_quy_keeps_its_tone():
    ex, entities, _ = run("Sáng 2/10, Quân khu 2 tổ chức Hội nghị giao ban quý III năm 2024.")
    assert ("Meeting", "Hội nghị giao ban quý III năm 2024 của Quân khu 2") in entities


# Agency names the head word and capitalised words alone would cut or stretch: known full names,
# dashes of every kind, a code in brackets inside a name, a country or a party after a body, "và".
AGENCY_NAMES = [
    ("Trung tướng Vũ Văn Kha, Chính ủy Quân chủng Phòng không — Không quân dự lễ.",
     {"Quân chủng Phòng không — Không quân"}),
    ("Binh chủng Thông tin liên lạc tổ chức hội thao.", {"Binh chủng Thông tin liên lạc"}),
    ("Trường Sĩ quan Tăng thiết giáp khai giảng năm học mới.", {"Trường Sĩ quan Tăng thiết giáp"}),
    ("Trường Cao đẳng Cơ khí công nghiệp tuyển sinh.", {"Trường Cao đẳng Cơ khí công nghiệp"}),
    ("Trường Sĩ quan Kỹ thuật quân sự Vin-hem Pích khai giảng.", {"Trường Sĩ quan Kỹ thuật quân sự Vin-hem Pích"}),
    ("Tòa án quân sự Quân khu 5 mở phiên tòa lưu động.", {"Tòa án quân sự Quân khu 5"}),
    ("Cục Điều tra hình sự Bộ Quốc phòng khởi tố vụ án.", {"Cục Điều tra hình sự", "Bộ Quốc phòng"}),
    ("Ông Lê Hải Bình, Phó Trưởng ban Ban Chính sách, chiến lược Trung ương phát biểu.",
     {"Ban Chính sách, chiến lược Trung ương"}),
    ("Học viện Kỹ thuật (KT) quân sự tuyển sinh.", {"Học viện Kỹ thuật quân sự"}),
    # a code for part of a name, used later inside a shorter form of it
    ("Viện Khoa học và Công nghệ (KH-CN) quân sự chủ trì đề tài. Viện KH-CN Quân sự đã nghiệm thu.",
     {"Viện Khoa học và Công nghệ quân sự"}),
    # a country, or "nước" and a state's name, ends the name of a foreign body
    ("Đoàn đại biểu Bộ Quốc phòng Ấn Độ do Đại tướng Rajnath Kumar dẫn đầu.", {"Bộ Quốc phòng Ấn Độ"}),
    ("Ông Hoàng Tuấn, Bộ trưởng Bộ Quốc phòng nước Cộng hòa Dân chủ Nhân dân Lào dự.",
     {"Bộ Quốc phòng nước Cộng hòa Dân chủ Nhân dân Lào"}),
    ("Ông Bounthong Keo, Ủy viên Bộ Chính trị Đảng Nhân dân Cách mạng Lào thăm Hà Nội.",
     {"Bộ Chính trị Đảng Nhân dân Cách mạng Lào"}),
    ("Hội Hữu nghị Việt Nam - Lào tỉnh Nghệ An trao quà.", {"Hội Hữu nghị Việt Nam - Lào tỉnh Nghệ An"}),
    # "và" joins two parts of one name, never a whole name and the next body
    ("Tổng cục Kỹ thuật Quân đội nhân dân Việt Nam và Tiểu ban Kinh tế - Quốc phòng phối hợp.",
     {"Tổng cục Kỹ thuật Quân đội nhân dân Việt Nam", "Tiểu ban Kinh tế - Quốc phòng"}),
    ("Sở Kế hoạch và Đầu tư tỉnh Bình Định thẩm định dự án.", {"Sở Kế hoạch và Đầu tư tỉnh Bình Định"}),
    ("Trường Đại học Khoa học Xã hội và Nhân văn ký kết hợp tác.", {"Trường Đại học Khoa học Xã hội và Nhân văn"}),
    # a head word that is the first word of the name before a whole one
    ("Bộ tư lệnh Vùng Cảnh sát biển 1 tuần tra.", {"Bộ tư lệnh Vùng Cảnh sát biển 1", "Vùng Cảnh sát biển 1"}),
    # an abbreviated head word, and a code for part of a name
    ("Đại tá Mai Hữu Đức, Chỉ huy trưởng Bộ CHQS tỉnh Phú Yên báo cáo.", {"Bộ Chỉ huy Quân sự tỉnh Phú Yên"}),
    ("BTL Thủ đô Hà Nội tổ chức diễn tập.", {"Bộ Tư lệnh Thủ đô Hà Nội"}),
    ("Ông Trần Minh, Chủ tịch UBND TP Cần Thơ tiếp đoàn.", {"Ủy ban nhân dân thành phố Cần Thơ"}),
    # councils and steering boards named by a description ending at their owner, scope or object
    ("Hội đồng khoa học Học viện Quân y nghiệm thu giáo trình.", {"Hội đồng khoa học Học viện Quân y"}),
    ("Hội đồng giáo dục quốc phòng - an ninh Trung ương kiểm tra công tác.",
     {"Hội đồng giáo dục quốc phòng - an ninh Trung ương"}),
    ("Hội đồng thẩm định cấp quốc gia đánh giá chương trình.", {"Hội đồng thẩm định cấp quốc gia"}),
    ("Ban Chỉ đạo thực hiện Đề án 89 họp phiên thứ hai.", {"Ban Chỉ đạo thực hiện Đề án 89"}),
    ("Ban chỉ đạo phòng chống thiên tai tỉnh Quảng Nam kiểm tra đê điều.",
     {"Ban chỉ đạo phòng chống thiên tai tỉnh Quảng Nam"}),
    # foreign armed services, with their country
    ("Đại tướng Ahmad Rizal, Tư lệnh Không quân Malaysia thăm Học viện.", {"Không quân Malaysia"}),
    ("Đô đốc Kenji Sato, Tham mưu trưởng Lực lượng Phòng vệ Biển Nhật Bản hội đàm.",
     {"Lực lượng Phòng vệ Biển Nhật Bản"}),
    # a programme's code is part of the name of the board that runs it
    ("Đại diện Ban Chủ nhiệm Chương trình KC.09/21-25 dự.", {"Ban Chủ nhiệm Chương trình KC.09/21-25"}),
    # units named with their number
    ("Đoàn Trinh sát số 4 phối hợp tuần tra.", {"Đoàn Trinh sát số 4"}),
    # a department and its parent written with a slash; lower-case words of a central body's name
    ("Cán bộ Cục Quân huấn/BTTM và Vụ Pháp chế/Bộ quốc phòng kiểm tra công tác chuẩn bị.",
     {"Cục Quân huấn", "Bộ Tổng Tham mưu", "Vụ Pháp chế", "Bộ Quốc phòng"}),
    ("Cục Nhà trường/BTTM ban hành hướng dẫn tuyển sinh.", {"Cục Nhà trường"}),
    ("Ông Đặng Văn Phúc, Trưởng ban Thi đua khen thưởng Trung ương trao cờ thi đua.",
     {"Ban Thi đua khen thưởng Trung ương"}),
    # a place after a body, after its short name in brackets, after its abbreviation; a foreign
    # coast guard with its country; a mission abroad with where it is
    ("Cán bộ Bộ Chỉ huy Bộ đội Biên phòng (BĐBP) tỉnh Kon Tum cùng tuần tra với Bộ Chỉ huy Quân sự (CHQS) tỉnh "
     "Attapeu.",
     {"Bộ Chỉ huy Bộ đội Biên phòng tỉnh Kon Tum", "Bộ Chỉ huy Quân sự tỉnh Attapeu"}),
    ("Chính ủy BĐBP tỉnh Quảng Trị, Đại tá Lê Văn Hùng kiểm tra đồn.", {"Bộ đội Biên phòng tỉnh Quảng Trị"}),
    ("Cán bộ Bộ đội Biên phòng khu vực Văn Sơn (Trung Quốc) tham gia tuần tra song phương.",
     {"Bộ đội Biên phòng khu vực Văn Sơn"}),
    ("Ty Cảnh sát tỉnh Kampot cử cán bộ phối hợp điều tra.", {"Ty Cảnh sát tỉnh Kampot"}),
    ("Tàu của Lực lượng Bảo vệ bờ biển Nhật Bản ghé thăm Đà Nẵng.", {"Lực lượng Bảo vệ bờ biển Nhật Bản"}),
    ("Đại sứ quán Lào tại Việt Nam trao tặng kỷ niệm chương cho cán bộ Học viện.", {"Đại sứ quán Lào tại Việt Nam"}),
    ("Đoàn cảm ơn sự hỗ trợ dành cho các LLVT Cách mạng Cuba.", {"Lực lượng vũ trang Cách mạng Cuba"}),
    ("Nghị quyết của Đảng ủy Bộ đội Biên phòng (BĐBP) tỉnh được quán triệt tới các đồn.",
     {"Đảng ủy Bộ đội Biên phòng tỉnh", "Bộ đội Biên phòng tỉnh"}),
    # a university named after someone
    ("Ông Lê Văn An, Hiệu trưởng Trường Đại học Trần Đại Nghĩa phát biểu.", {"Trường Đại học Trần Đại Nghĩa"}),
    # a division of an academy
    ("Sáng 3/4, Hệ Quốc tế tổ chức bế giảng.", {"Hệ Quốc tế"}),
    # fleets; an ocean in a command's name, and its country
    ("Tàu của Hạm đội Biển Đen thăm cảng.", {"Hạm đội Biển Đen"}),
    ("Ông tiếp Đoàn Bộ Tư lệnh Thái Bình Dương Hoa Kỳ.", {"Bộ Tư lệnh Thái Bình Dương Hoa Kỳ"}),
    ("Lãnh đạo Đoàn Kinh tế - Quốc phòng 379 báo cáo.", {"Đoàn Kinh tế - Quốc phòng 379"}),
]


@pytest.mark.parametrize("text, names", AGENCY_NAMES)
def test_agency_names(text, names):
    _, entities, _ = run(text)
    assert names <= {n for label, n in entities if label == "Agency"}, entities


NOT_AGENCIES = [
    # no one body: a generic council, a service without its country, those of every province
    ("Hội đồng nghiệm thu đánh giá cao kết quả đề tài.", "Hội đồng nghiệm thu"),
    ("Hải quân đóng vai trò nòng cốt trên biển.", "Hải quân"),
    ("Ban chỉ đạo các cấp chuẩn bị kỹ lưỡng.", "Ban chỉ đạo các cấp"),
    ("Bộ Chỉ huy Quân sự (CHQS) các tỉnh tổ chức giao quân.", "Bộ Chỉ huy Quân sự"),
    # no official's name after a body that names no country
    ("Bộ trưởng Bộ Quốc phòng Phan Văn Giang dự.", "Bộ Quốc phòng Phan Văn Giang"),
    # "Đoàn" is also a surname and a delegation
    ("Tổng Bí thư Đoàn Văn Khải phát biểu.", "Đoàn Văn Khải"),
    ("Đoàn công tác của tỉnh thăm đơn vị.", "Đoàn công tác"),
    # a country that begins a place, a verb written with a capital after a code
    ("Cục Hải quan Lào Cai kiểm tra hàng hóa.", "Cục Hải quan Lào"),
    ("Quân chủng PK-KQ Tổng kết công tác năm.", "Quân chủng Phòng không - Không quân Tổng"),
    # the officers of a body are no body
    ("Ban Chủ nhiệm đề tài báo cáo kết quả.", "Ban Chủ nhiệm"),
    # "Nhà trường" stands for no school the article does not name; "Hệ thống" is no division
    ("Cục Nhà trường tổ chức tập huấn. Đại tá Lê Văn Tú - Chính ủy Nhà trường dự.", "Nhà trường"),
    ("Sáng nay, Hệ thống phòng không được nâng cấp.", "Hệ thống"),
    # "khu vực" names a place only with its name; a coast guard without its country is no one body
    ("Bộ đội Biên phòng khu vực biên giới tuần tra.", "Bộ đội Biên phòng khu vực"),
    ("Lực lượng Bảo vệ bờ biển làm nhiệm vụ trên biển.", "Lực lượng Bảo vệ bờ biển"),
    ("Lực lượng vũ trang tỉnh ra quân huấn luyện.", "Lực lượng vũ trang tỉnh"),
    # what a body does is no lower-case part of its name; a slash in a code divides nothing
    ("Cục Chính trị chỉ đạo Trung ương Đoàn phối hợp.", "Cục Chính trị chỉ đạo Trung ương Đoàn"),
    ("Cục Nhà trường/BTTM tổ chức tập huấn.", "Cục Nhà"),
    # a company's board is part of a title; its company is the agency
    ("Đại tá Lê Thu, Chủ tịch Hội đồng thành viên Tổng công ty Sông Thu phát biểu.",
     "Hội đồng thành viên Tổng công ty Sông Thu"),
]


@pytest.mark.parametrize("text, name", NOT_AGENCIES)
def test_not_agencies(text, name):
    _, entities, _ = run(text)
    assert ("Agency", name) not in entities, entities


def test_a_surname_that_is_a_head_word_begins_a_name():
    _, entities, _ = run("Tổng Bí thư Đoàn Văn Khải phát biểu.")
    assert ("Person", "Đoàn Văn Khải") in entities


# Foreign names: transliterated syllable by syllable with hyphens, after a rank and a service, after
# a title alone, or written in Sino-Vietnamese after the official's country; and names that are not.
FOREIGN_PEOPLE = [
    ("Đại tướng Xụ-lạ-xắc Phôm-vi-hản, Tư lệnh Lục quân Thái Lan thăm Học viện.",
     {("Person", "Xụ-lạ-xắc Phôm-vi-hản"), ("Rank", "Đại tướng"), ("Agency", "Lục quân Thái Lan")}),
    ("Thiếu tướng Không quân Ra-giu Va-ma trình bày tham luận.",
     {("Person", "Ra-giu Va-ma"), ("Rank", "Thiếu tướng")}),
    ("Bài học từ thời Thủ tướng Gan-đi vẫn còn nguyên giá trị.", {("Person", "Gan-đi")}),
    ("Thủ tướng Singapore Lý Hiển Long dự hội nghị.", {("Person", "Lý Hiển Long")}),
    ("Chuyến thăm của Chủ tịch Trung Quốc Hồ Cẩm Đào năm 2005.", {("Person", "Hồ Cẩm Đào")}),
    # a hyphen between two syllables, an initial with its dot, a particle, one foreign word after a rank
    ("Ông Park Min-Jae, Thứ trưởng Bộ Quốc phòng Hàn Quốc, thăm Nhà máy Z111.", {("Person", "Park Min-Jae")}),
    ("Thứ trưởng tiếp Đô đốc Robert K. Hanson và đoàn. Đô đốc Robert K. Hanson cảm ơn.",
     {("Person", "Robert K. Hanson"), ("Rank", "Đô đốc")}),
    ("Đoàn do Thứ trưởng Bộ Quốc phòng Liên bang Nga Dmitri.P. Orlov dẫn đầu đến Hà Nội.",
     {("Person", "Dmitri.P. Orlov")}),
    ("Trung tá Phu Vông in Xổm Sạ thăm đơn vị.", {("Person", "Phu Vông in Xổm Sạ")}),
    ("Ông Ahmad bin Yusof thăm Học viện.", {("Person", "Ahmad bin Yusof")}),
    ("Khách mời có Chuẩn Đô đốc Suharyanto, Tham mưu trưởng Hải quân Indonesia.",
     {("Person", "Suharyanto"), ("Rank", "Chuẩn Đô đốc")}),
    ("Trung tướng SokPhalla phát biểu.", {("Person", "SokPhalla"), ("Rank", "Trung tướng")}),
    ("Sáng nay, Tổng thống Widodo tiếp đoàn.", {("Person", "Widodo")}),
    # a two-syllable name heading an item of a list of people with titles
    ("Được thăng quân hàm gồm: Lê Hải, Chính ủy Sư đoàn 5; Trần Văn Thuận, Tư lệnh Quân đoàn 3.",
     {("Person", "Lê Hải"), ("Person", "Trần Văn Thuận")}),
]


@pytest.mark.parametrize("text, expected", FOREIGN_PEOPLE)
def test_foreign_people(text, expected):
    _, entities, _ = run(text)
    assert expected <= entities, entities


NOT_PEOPLE = [
    # a place joined to another by a dash; a transliterated place; a place before a title
    ("Hợp tác khu vực Châu Á - Thái Bình Dương ngày càng sâu rộng.", "Thái Bình Dương"),
    ("Đoàn đến thăm Mát-xcơ-va và Xanh Pê-téc-bua.", "Mát-xcơ-va"),
    ("Tại Hà Nội, Chủ tịch nước Lê Văn An phát biểu.", "Hà Nội"),
    # a rank's service is no part of the name
    ("Thiếu tướng Không quân Ra-giu Va-ma trình bày tham luận.", "Không quân Ra-giu Va-ma"),
    # one word after a rank is a person's only when it is foreign, not a country nor a name's first word
    ("Đại tá Lào dự lễ.", "Lào"),
    # nor after a title that also heads a company, nor a country after a title
    ("Sáng nay, Tổng Giám đốc Viettel phát biểu.", "Viettel"),
    ("Sáng nay, Đại sứ Indonesia dự lễ.", "Indonesia"),
    ("Thiếu tướng Không quân Ra-giu Va-ma trình bày tham luận.", "Ra-giu"),
    # an initial's dot ends no name ("Samuel J") and a hyphen no Korean name ("Park Min")
    ("Thứ trưởng tiếp Đô đốc Robert K. Hanson và đoàn.", "Robert K"),
    ("Ông Park Min-Jae, Thứ trưởng Bộ Quốc phòng Hàn Quốc, thăm Nhà máy Z111.", "Park Min"),
    # a ship named after a hero: after its hull number, and so elsewhere in the article; after "tàu"
    ("Lễ đón tàu hộ vệ Lý Thái Tổ. Sáng 2/4, tàu 012-Lý Thái Tổ cập cảng.", "Lý Thái Tổ"),
    ("Hải quân tiếp nhận tàu Trần Nhật Duật vào biên chế.", "Trần Nhật Duật"),
    # an ocean, a city written after "TP.", a delegation, a country after a title
    ("Tàu của Hạm đội Thái Bình Dương cập cảng Cam Ranh.", "Thái Bình Dương"),
    ("Nhiều đơn vị đóng quân tại TP. Hồ Chí Minh tham gia diễu binh.", "Hồ Chí Minh"),
    ("Tại hội nghị, Đoàn Việt Nam trình bày tham luận về gìn giữ hòa bình.", "Đoàn Việt Nam"),
    ("Đại sứ Hàn Quốc chúc mừng thành công của triển lãm.", "Hàn Quốc"),
    ("Thứ trưởng làm việc với lãnh đạo Bộ Tư lệnh Thái Bình Dương Hoa Kỳ.", "Dương Hoa Kỳ"),
]


@pytest.mark.parametrize("text, name", NOT_PEOPLE)
def test_not_people(text, name):
    _, entities, _ = run(text)
    assert ("Person", name) not in entities, entities


# Programmes and instruments: what a programme carries out is part of its name, two words joined by
# a comma before a closing "và", a Central Committee's term, a congress's term of office, a topic.
PROGRAMS_AND_INSTRUMENTS = [
    ("Hai đơn vị ký kết Quy chế phối hợp tuần tra, kiểm soát biên giới và trao đổi thông tin.",
     {("Program", "Quy chế phối hợp tuần tra, kiểm soát biên giới và trao đổi thông tin")}),
    ("Đơn vị ban hành Chương trình hành động thực hiện Nghị quyết Đại hội Đảng bộ Quân khu lần thứ XI, "
     "nhiệm kỳ 2020 - 2025 sát thực tế.",
     {("Program", "Chương trình hành động thực hiện Nghị quyết Đại hội Đảng bộ Quân khu lần thứ XI, nhiệm kỳ "
                  "2020 - 2025"),
      ("Resolution", "Nghị quyết Đại hội Đảng bộ Quân khu lần thứ XI, nhiệm kỳ 2020 - 2025")}),
    ("Ban Chỉ đạo xây dựng Đề án Sơ kết 5 năm Thực hiện Nghị quyết Trung ương 6 khóa XII về đổi mới hệ "
     "thống chính trị tổ chức phiên họp thứ hai.",
     {("Program", "Đề án Sơ kết 5 năm Thực hiện Nghị quyết Trung ương 6 khóa XII về đổi mới hệ thống chính trị"),
      ("Resolution", "Nghị quyết Trung ương 6 khóa XII về đổi mới hệ thống chính trị"),
      ("Agency", "Ban Chỉ đạo xây dựng Đề án Sơ kết 5 năm Thực hiện Nghị quyết Trung ương 6 khóa XII về đổi "
                 "mới hệ thống chính trị")}),
    ("Báo cáo Bộ Quốc phòng đề án nâng cao năng lực huấn luyện, bảo đảm hậu cần kỹ thuật.",
     {("Program", "Đề án nâng cao năng lực huấn luyện, bảo đảm hậu cần kỹ thuật")}),
    ("Đề tài thuộc Chương trình KC.09/21-25 dự kiến hoàn thành năm sau.", {("Program", "Chương trình KC.09/21-25")}),
    ("Tỉnh ban hành Kế hoạch triển khai Nghị quyết số 08-NQ/TW của Bộ Chính trị.",
     {("Program", "Kế hoạch triển khai Nghị quyết số 08-NQ/TW")}),
    # agreements signed, whatever their case, that are not headed by "Chương trình" or "Kế hoạch"
    ("Hai đồn ký kết văn bản khung kết nghĩa giữa Đồn Biên phòng Hoành Mô và Đồn Biên phòng Bắc Phong Sinh.",
     {("Program", "Văn bản khung kết nghĩa giữa Đồn Biên phòng Hoành Mô và Đồn Biên phòng Bắc Phong Sinh")}),
]


@pytest.mark.parametrize("text, expected", PROGRAMS_AND_INSTRUMENTS)
def test_programs_and_instruments(text, expected):
    _, entities, _ = run(text)
    assert expected <= entities, entities


NOT_PROGRAM_NAMES = [
    # a comma between two capitalised bodies' things, or before a clause, ends the name
    ("Xây dựng chương trình hành động của Chính phủ, chỉ thị của Quân ủy Trung ương và kế hoạch của Bộ "
     "Quốc phòng.", "Chương trình hành động của Chính phủ, chỉ thị của Quân ủy Trung ương và kế hoạch của Bộ Quốc phòng"),
    ("Hai bên ký kết Kế hoạch phối hợp năm 2025, hai bên thống nhất nội dung và thời gian.",
     "Kế hoạch phối hợp năm 2025, hai bên thống nhất nội dung"),
    ("Đơn vị triển khai đề án cải tiến, hiện đại hóa vũ khí, sau đó báo cáo kết quả.",
     "Đề án cải tiến, hiện đại hóa vũ khí"),
]


@pytest.mark.parametrize("text, name", NOT_PROGRAM_NAMES)
def test_not_program_names(text, name):
    _, entities, _ = run(text)
    assert ("Program", name) not in entities, entities


@pytest.mark.parametrize("two, is_word", [
    ("quốc phòng", True),
    ("Quốc phòng", True),  # the folded forms are asked: case does not matter
    ("công nghiệp", True),
    ("hoà bình", True),  # old-style tone placement, folded like the dictionary ("hòa bình")
    ("phòng quốc", False),  # order matters
    ("nguyên vật", False),  # the start of a three-syllable word is no two-syllable word
    ("tướng Trần", False),  # a rank's last syllable and a surname
])
def test_two_syllables_make_a_word_of_the_dictionary(two, is_word):
    from loaders.extract import tokens
    from loaders.extract.lexicons import _is_word

    a, b = tokens(two, 0, len(two))
    assert _is_word(a, b) is is_word
