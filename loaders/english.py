"""English names and ASCII-folded search forms, computed from the extraction output.

English renderings are data: loaders/lexicon/english_*.tsv (Vietnamese, English, source). An
agency not listed by name gets an English name composed only from listed parts — a kind word
(`Cục` → Department) followed by a listed agency (`Quân khu 7` → Military Region 7) — or none.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from graph.model import fold

__all__ = ["agency_en", "fold", "name_en", "rank_en", "table", "title_en"]

LEXICON = Path(__file__).parent / "lexicon"


@lru_cache(maxsize=None)
def table(kind: str) -> dict[str, str]:
    """`kind` in ranks, positions, agency_kinds, agencies: folded Vietnamese → English."""
    path = LEXICON / f"english_{kind}.tsv"
    rows: dict[str, str] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#") or line.startswith("vietnamese\t"):
            continue
        cells = line.split("\t")
        if len(cells) != 3 or not all(c.strip() for c in cells):
            raise ValueError(f"{path}:{number}: expected three tab-separated columns "
                             "(vietnamese, english, source); fix the row")
        rows[fold(cells[0])] = cells[1].strip()
    return rows


# The extractor asks for every entity and relation; the names repeat across articles (on 2 MB of
# news: 37,600 calls for 4,800 distinct names), and the search form `fold` is slow.
@lru_cache(maxsize=65536)
def rank_en(name: str) -> str:
    return table("ranks").get(fold(name), "")


@lru_cache(maxsize=65536)
def title_en(title: str) -> str:
    return table("positions").get(fold(title), "")


@lru_cache(maxsize=65536)
def agency_en(name: str) -> str:
    """The listed English name, or one composed of a listed kind and a listed agency, or ""."""
    key = fold(name)
    agencies = table("agencies")
    if key in agencies:
        return agencies[key]
    kinds = table("agency_kinds")
    words = key.split()
    # longest kind first: `cuc ky thuat` is not a kind, `cuc` is; the rest must be known too
    for cut in range(len(words) - 1, 0, -1):
        head, rest = " ".join(words[:cut]), " ".join(words[cut:])
        if head in kinds:
            if rest in agencies:
                return f"{kinds[head]}, {agencies[rest]}"
    return ""


def name_en(label: str, name: str) -> str:
    """The English name of a Rank or an Agency ("" for other labels and unknown names)."""
    if label == "Rank":
        return rank_en(name)
    if label == "Agency":
        return agency_en(name)
    return ""
