"""English names from the lexicon, and the ASCII-folded search form."""
import pytest

from loaders import english


@pytest.mark.parametrize("text, folded", [
    ("Phan Văn Giang", "phan van giang"),
    ("Tổng cục Công nghiệp Quốc phòng", "tong cuc cong nghiep quoc phong"),
    ("Đại tá  Đỗ Đức", "dai ta do duc"),
])
def test_fold(text, folded):
    assert english.fold(text) == folded


@pytest.mark.parametrize("name, en", [
    ("Tổng cục Công nghiệp Quốc phòng", "General Department of Defence Industry"),
    ("Quân khu 7", "Military Region 7"),
    ("Cục Chính trị Quân khu 9", "Political Department, Military Region 9"),
    ("Cục Quân khu 7", "Department, Military Region 7"),
    ("Cục Kỹ thuật Quân khu 7", ""),  # `Kỹ thuật` has no sourced English row: no name, not a guess
    ("Nhà máy Không Tên", ""),
])
def test_agency_en(name, en):
    assert english.agency_en(name) == en


@pytest.mark.parametrize("rank, en", [
    ("Thượng tướng", "Senior Lieutenant General"),
    ("Đại tá", "Senior Colonel"),
    ("thiếu tướng", "Major General"),
    ("Không phải cấp bậc", ""),
])
def test_rank_en(rank, en):
    assert english.rank_en(rank) == en


def test_every_row_cites_a_source():
    for kind in ("ranks", "positions", "agency_kinds", "agencies"):
        rows = (english.LEXICON / f"english_{kind}.tsv").read_text(encoding="utf-8").splitlines()
        data = [r for r in rows if r and not r.startswith("#") and not r.startswith("vietnamese\t")]
        assert data and all(r.split("\t")[2].split()[1].startswith(("https://", "http://")) for r in data)
        assert english.table(kind)


TEXT = ("Sáng 12/5/2024, Thượng tướng Nguyễn Văn Thạch, Thứ trưởng Bộ Quốc phòng chủ trì hội nghị "
        "tổng kết công tác kỹ thuật của Tổng cục Công nghiệp quốc phòng.")


def _extracted(text: str = TEXT, doc_id: str = "en.txt"):
    from graph.model import Document
    from loaders.extract import extract
    return extract(Document(id=doc_id, text=text, source=doc_id, date="2024-05-12"))


def test_extraction_carries_the_english_names():
    ex = _extracted()
    names = {(e.label, e.name): e.name_en for e in ex.entities}
    assert names[("Rank", "Thượng tướng")] == "Senior Lieutenant General"
    assert names[("Agency", "Bộ Quốc phòng")] == "Ministry of National Defence"
    assert names[("Person", "Nguyễn Văn Thạch")] == ""
    held = [r for r in ex.relations if r.type == "HOLDS_POSITION"]
    assert held and held[0].title == "Thứ trưởng" and held[0].title_en == "Deputy Minister"


def _stored(store):
    return {(r["label"], r["name"]): (r["en"], r["folded"], r["aliases"]) for r in store.driver.execute_query(
        "MATCH (e:Person|Rank|Agency|Meeting) RETURN labels(e)[0] AS label, e.name AS name, "
        "e.name_en AS en, e.name_folded AS folded, e.aliases_folded AS aliases",
        database_=store.database).records}


@pytest.mark.neo4j
def test_the_graph_stores_english_and_folded_names(store):
    store.write([_extracted()])
    stored = _stored(store)
    assert stored[("Rank", "Thượng tướng")][:2] == ("Senior Lieutenant General", "thuong tuong")
    assert stored[("Person", "Nguyễn Văn Thạch")] == (None, "nguyen van thach", [])
    assert stored[("Agency", "Tổng cục Công nghiệp quốc phòng")][:2] == \
        ("General Department of Defence Industry", "tong cuc cong nghiep quoc phong")
    assert all(folded for _, folded, _ in stored.values())
    titles = store.driver.execute_query("MATCH ()-[r:HOLDS_POSITION]->() RETURN r.title_en AS en",
                                        database_=store.database).records
    assert [r["en"] for r in titles] == ["Deputy Minister"]


@pytest.mark.neo4j
def test_a_graph_stored_without_them_still_loads_changed_documents(store):
    store.write([_extracted()])
    # as a kg before English names left it
    store.driver.execute_query("MATCH (e) REMOVE e.name_en, e.name_folded, e.aliases_folded "
                               "WITH e MATCH (e)-[r]->() REMOVE r.title_en", database_=store.database)
    changed = TEXT.replace("chủ trì", "dự")
    store.write([_extracted(changed)])
    stored = _stored(store)
    assert stored[("Person", "Nguyễn Văn Thạch")][1] == "nguyen van thach"
    assert stored[("Rank", "Thượng tướng")][0] == "Senior Lieutenant General"
