"""Table tests of the extractor, in Vietnamese written for these tests. Stage entities: one entity per thing named (short and full forms, keys across documents)."""
from __future__ import annotations

import pytest

from graph.model import Document
from loaders.extract import extract
from loaders.normalize import entity_key, fold, fold_tones
from tests.extraction import run


@pytest.mark.parametrize("a, b", [("Quân uỷ Trung ương", "Quân ủy Trung ương"), ("hoà bình", "Hòa Bình"),
                                  ("Tổng cục  Kỹ thuật", "tổng cục kỹ thuật"), ("đề án 324 - KT", "Đề án 324-KT")])
def test_keys_fold_case_tones_spacing(a, b):
    assert entity_key("Agency", a) == entity_key("Agency", b)


def test_tone_folding_leaves_longer_syllables_alone():
    assert fold_tones("hoàn thành thuyết") == "hoàn thành thuyết"
    assert fold("THUỶ") == "thủy"


def test_same_agency_across_documents_has_one_key():
    a = extract(Document("a.txt", "Tổng cục CNQP tổ chức hội nghị."))
    b = extract(Document("b.txt", "Tổng cục Công nghiệp Quốc phòng chủ động tham mưu."))
    key = lambda ex: {e.key for e in ex.entities if e.label == "Agency"}
    assert key(a) == key(b) == {"tổng cục công nghiệp quốc phòng"}


def test_one_entity_for_short_and_full_agency_names():
    ex, _, _ = run("Tổng cục Chính trị Quân đội nhân dân Việt Nam tổ chức hội nghị. Lãnh đạo Tổng cục Chính trị dự.")
    agencies = [e for e in ex.entities if e.label == "Agency"]
    assert [e.name for e in agencies] == ["Tổng cục Chính trị Quân đội nhân dân Việt Nam"]
    assert len(agencies[0].mentions) == 2


def test_one_programme_for_both_names():
    ex, _, _ = run("Hai bên ký kết Chương trình phối hợp giữa Lữ đoàn 125 và Hải đoàn 129 về tuần tra.\n"
                   "Theo đó, hai đơn vị ký kết Chương trình phối hợp trong bảo vệ chủ quyền biển đảo.")
    assert len([e for e in ex.entities if e.label == "Program"]) == 1


def test_the_two_parties_named_by_count_are_those_named_in_full():
    ex, _, _ = run("Hai bên ký kết Chương trình phối hợp giữa Cục Quân y và Cục Hậu cần. "
                   "Chương trình phối hợp giữa hai cục tập trung vào bảo đảm thuốc men.")
    assert [e.name for e in ex.entities if e.label == "Program"] == ["Chương trình phối hợp giữa Cục Quân y và Cục Hậu cần"]


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


@pytest.mark.parametrize("text, label, name", [
    ("Tổng kết Chỉ thị 05 của Bộ Chính trị\nĐơn vị thực hiện Chỉ thị số 05-CT/TW của Bộ Chính trị.",
     "Resolution", "Chỉ thị số 05-CT/TW"),
    ("Bộ Tư lệnh Thủ đô Hà Nội tổ chức hội nghị. Đại tá Lê Văn Tám, Phó Tư lệnh Bộ Tư lệnh Thủ đô dự.",
     "Agency", "Bộ Tư lệnh Thủ đô Hà Nội"),
])
def test_short_forms_are_the_full_entity(text, label, name):
    ex, _, _ = run(text)
    assert [e.name for e in ex.entities if e.label == label] == [name]
