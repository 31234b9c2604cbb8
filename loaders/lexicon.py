"""The domain knowledge in `loaders/lexicon/`, read once per process."""
from __future__ import annotations

from functools import lru_cache
from importlib import resources


def _lines(name: str) -> list[list[str]]:
    text = resources.files("loaders").joinpath("lexicon", name).read_text("utf-8")
    rows = []
    for line in text.splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            rows.append([cell.strip() for cell in line.split("\t")])
    return rows


@lru_cache(maxsize=None)
def words(name: str) -> tuple[str, ...]:
    """The first column of a lexicon file, longest first (so that longest matches win)."""
    return tuple(sorted({row[0] for row in _lines(name)}, key=len, reverse=True))


@lru_cache(maxsize=None)
def table(name: str) -> tuple[tuple[str, ...], ...]:
    """Every row of a tab-separated lexicon file."""
    return tuple(tuple(row) for row in _lines(name))


@lru_cache(maxsize=None)
def dictionary() -> frozenset[str]:
    """Multi-syllable Vietnamese words (lower case, as written), from underthesea's Viet74K word list."""
    try:
        path = resources.files("underthesea").joinpath("corpus", "data", "Viet74K.txt")
        entries = path.read_text("utf-8").splitlines()
    except (FileNotFoundError, ModuleNotFoundError, OSError):
        entries = []
    return frozenset(e.strip().lower() for e in entries if " " in e.strip())
