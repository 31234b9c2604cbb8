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
