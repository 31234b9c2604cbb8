"""Canonical forms of names: one key per real entity, whatever the case, spacing or tone placement."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Old-style tone placement on oa, oe, uy ("hoà", "uỷ") folded to the new style ("hòa", "ủy").
_TONE_FOLD: dict[str, str] = {}
for _first, _marked in (("o", "òóỏõọ"), ("u", "ùúủũụ")):
    for _second, _plain in (("a", "àáảãạ"), ("e", "èéẻẽẹ"), ("y", "ỳýỷỹỵ")):
        if _first == "u" and _second != "y":
            continue
        for _old, _new in zip(_plain, _marked):
            _TONE_FOLD[_first + _old] = _new + _second
            _TONE_FOLD[_first.upper() + _old] = _new.upper() + _second
            _TONE_FOLD[_first.upper() + _old.upper()] = _new.upper() + _second.upper()
_TONE_RE = re.compile("|".join(sorted(map(re.escape, _TONE_FOLD), key=len, reverse=True)))
# Upper-case letters of Vietnamese, for regular expressions (À-Ỹ would take lower case too).
UPPER = "A-ZĐÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ"
_SPACE = re.compile(r"\s+")
_DASH = re.compile(r"\s*[-–—]\s*")
_EDGE = " \t\n\"'“”‘’.,;:()[]-–—…"


def fold_tones(text: str) -> str:
    """`Quân uỷ` → `Quân ủy`, `hoà` → `hòa`: one spelling for both tone-placement styles.

    Only where the syllable ends with the pair (`oà`, `uỷ`); `hoàn`, `thuyết` are left alone."""
    return _TONE_RE.sub(lambda m: _fold_at(m), text)


def _fold_at(match: re.Match) -> str:
    text, end = match.string, match.end()
    if end < len(text) and text[end].isalpha():
        return match.group(0)  # the pair is inside a longer syllable: already correct
    return _TONE_FOLD[match.group(0)]


def clean_name(text: str) -> str:
    """NFC, single spaces, new-style tones, no punctuation at the ends; case kept."""
    text = fold_tones(unicodedata.normalize("NFC", text))
    return _SPACE.sub(" ", text).strip(_EDGE)


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """The comparison form of a name: `clean_name`, case folded, dashes unspaced."""
    return _DASH.sub("-", clean_name(text).casefold())


def entity_key(label: str, name: str) -> str:
    """The key that identifies an entity across documents (Meeting keys add a date: see extract)."""
    return fold(name)
