"""Canonical forms of names: one key per real entity, whatever the case, spacing or tone placement."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from loaders import lexicon

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
# Each pair as its first letter and a class of second letters ("o[àáảãạ…]|O[…]|u[ỳýỷỹỵ]|U[…]"): the same
# pairs as an alternation of all sixty, and the regex engine finds them faster (this runs over whole
# documents).
_SECONDS: dict[str, str] = {}
for _pair in _TONE_FOLD:
    _SECONDS[_pair[0]] = _SECONDS.get(_pair[0], "") + _pair[1]
_TONE_RE = re.compile("|".join(f"{first}[{seconds}]" for first, seconds in _SECONDS.items()))
# Upper-case letters of Vietnamese, for regular expressions (À-Ỹ would take lower case too).
UPPER = "A-ZĐÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ"
_SPACE = re.compile(r"\s+")
_DASH = re.compile(r"\s*[-–—]\s*")
_EDGE = " \t\n\"'“”‘’.,;:()[]-–—…"


def fold_tones(text: str) -> str:
    """`Quân uỷ` → `Quân ủy`, `hoà` → `hòa`: one spelling for both tone-placement styles.

    Only where the syllable ends with the pair (`oà`, `uỷ`); `hoàn`, `thuyết` are left alone."""
    return _TONE_RE.sub(_fold_at, text)


def _fold_at(match: re.Match) -> str:
    text, end = match.string, match.end()
    if end < len(text) and text[end].isalpha():
        return match.group(0)  # the pair is inside a longer syllable: already correct
    start = match.start()
    if start > 0 and text[start - 1] in "qQ":
        return match.group(0)  # "quý": the u belongs to "qu", the tone is already on the vowel
    return _TONE_FOLD[match.group(0)]


# Names repeat across articles (on 2 MB of news: 124,000 calls for 11,000 distinct names).
@lru_cache(maxsize=65536)
def clean_name(text: str) -> str:
    """NFC, single spaces, new-style tones, no punctuation at the ends; case kept."""
    text = fold_tones(unicodedata.normalize("NFC", text))
    return _SPACE.sub(" ", text).strip(_EDGE)


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """The comparison form of a name: `clean_name`, case folded, dashes unspaced."""
    return _DASH.sub("-", clean_name(text).casefold())


# A document number inside an instrument's name: "08-NQ/TW", "12/2024/NĐ-CP", "4187/QĐ-BQP".
_DOC_NUMBER = re.compile(r"\b\d+[a-z]?(?:\s*/\s*\d{4})?(?:\s*[-/]\s*[a-zđ][\wđ]*)+", re.IGNORECASE)
# What a national body may add after its name without becoming another body.
_OWNER_SUFFIXES = (" quân đội nhân dân việt nam", " qđnd việt nam", " nhân dân việt nam", " việt nam")


@lru_cache(maxsize=65536)
def entity_key(label: str, name: str) -> str:
    """The key that identifies an entity across documents, whatever the case, tone placement,
    spacing or abbreviations: `Tổng cục CNQP` and `Tổng cục Công nghiệp quốc phòng` have one key,
    `QK7` and `Quân khu 7` one key, `Cảnh sat biển Việt Nam` and `Cảnh sát biển` one key; an
    instrument is known by its document number when it has one (`Nghị quyết 08-NQ/TW`).
    Meetings are keyed by extract (name and date), since two meetings may share a name."""
    if label == "Agency":
        folded = fold(_expand_abbreviations(clean_name(name)))
        for suffix in _OWNER_SUFFIXES:
            if folded.endswith(suffix) and len(folded) > len(suffix) and " " in folded[:-len(suffix)]:
                return folded[:-len(suffix)]
        return folded
    if label == "Resolution":
        number = _DOC_NUMBER.search(clean_name(name))
        if number:
            return fold(re.sub(r"\s+", "", number.group()))
        # "Luật Quốc phòng năm 2018" is "Luật Quốc phòng": the year says which version, not which law
        return _LAW_YEAR.sub(r"\1\2", fold(name))
    return fold(name)


_LAW_YEAR = re.compile(r"^((?:bộ )?luật|pháp lệnh|hiến pháp)\b(.*?)\s+năm\s+\d{4}$")


@lru_cache(maxsize=1)
def _abbreviations() -> tuple[dict[str, str], dict[str, str]]:
    whole, prefixes = {}, {}
    for row in lexicon.table("abbreviations.tsv"):
        if len(row) >= 3:
            (prefixes if row[2] == "prefix" else whole)[row[0]] = row[1]
    return whole, prefixes


_PREFIX_NUMBER = re.compile(r"([A-ZĐ]+)(\d+)")  # "QK7": an abbreviated head word and its number


def _expand_abbreviations(name: str) -> str:
    whole, prefixes = _abbreviations()
    out = []
    for word in name.split(" "):
        m = _PREFIX_NUMBER.fullmatch(word)
        if word in whole:
            out.append(whole[word])
        elif m and m.group(1) in prefixes:
            out.append(f"{prefixes[m.group(1)]} {m.group(2)}")
        else:
            out.append(word)
    return " ".join(out)
