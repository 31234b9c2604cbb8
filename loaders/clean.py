"""Cleaning scraped news without cutting it: each line of `Document.text` gets a kind, so that
offsets stay exact. Kinds: body, caption (photo captions: kept, they often say who holds which
position), byline (authors, not actors), title, boilerplate (site furniture)."""
from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from functools import lru_cache

from loaders import lexicon
from loaders.normalize import UPPER


@dataclass(frozen=True)
class Line:
    """One line of `Document.text` (a span, never a copy) and what kind of line it is."""

    start: int
    end: int
    kind: str  # body | caption | byline | title | boilerplate


@dataclass(frozen=True)
class Metadata:
    """What the lines say about the document itself rather than about the news."""

    title: str = ""
    date: str = ""
    outlet: str = ""
    authors: tuple[str, ...] = ()
    outlet_span: tuple[int, int] = (0, 0)  # where the outlet is written ("(Báo X) - "), not an actor


_BYLINE = re.compile(r"^(?:(?:tin|bài|ảnh|video|clip)(?:\s*(?:,|và|-|&)\s*(?:tin|bài|ảnh|video|clip))*"
                     r"|nguồn|theo)\s*:\s*(.+)$", re.IGNORECASE)
_PHOTO_CREDIT = re.compile(r"\s*\(?\s*Ảnh\s*:\s*([^.()]{2,40}?)\s*\)?\s*\.?\s*$")
_CREDIT_WORD = "Ảnh"  # every photo credit has it: a line without it needs no search from each position
_NAME = rf"[{UPPER}]\w*"
_AUTHOR_LINE = re.compile(rf"^{_NAME}(?:\s+{_NAME}){{0,3}}(?:\s*(?:,|-|và)\s*{_NAME}(?:\s+{_NAME}){{0,3}}){{0,3}}$")
_HEADER_DATE = re.compile(r"(\d{1,2})\s*[/-]\s*(\d{1,2})\s*[/-]\s*(\d{4})")
_OUTLET = re.compile(rf"^\s*\(?([{UPPER}][\w\s.]{{1,30}}?)\)?\s+[-–]\s+(?=\S)")


@lru_cache(maxsize=1)
def _patterns() -> tuple[tuple[re.Pattern, str, bool], ...]:
    """(pattern, kind, whether it may be found anywhere in the line) of each row of boilerplate.tsv."""
    return tuple((re.compile(row[0], re.IGNORECASE), row[1], len(row) > 2 and row[2] == "anywhere")
                 for row in lexicon.table("boilerplate.tsv"))


def _boilerplate(line: str) -> str:
    for pattern, kind, anywhere in _patterns():
        if pattern.search(line) if anywhere else pattern.fullmatch(line):
            return kind
    return ""


def split_authors(names: str) -> tuple[str, ...]:
    """"VĂN LONG - THU TRANG" → ("Văn Long", "Thu Trang"): the names of a byline, in title case."""
    parts = re.split(r"\s*(?:,|;|-|–|\bvà\b)\s*", names.strip(" .\t"))
    return tuple(_title_case(p) for p in parts if p and len(p.split()) <= 5)


def _title_case(name: str) -> str:
    return " ".join(w[:1].upper() + w[1:].lower() if w.isupper() else w for w in name.split())


def _iso_date(year: int, month: int, day: int) -> str:
    """The ISO date, or '' for a day no calendar has ("31/2/2024")."""
    try:
        return datetime.date(year, month, day).isoformat()
    except ValueError:
        return ""


def segment(text: str) -> tuple[list[Line], Metadata]:
    """Classify the lines of `text` and read the document's metadata from them."""
    spans = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    lines: list[Line] = []
    authors: list[str] = []
    date = outlet = title = ""
    outlet_span = (0, 0)
    caption_next = False
    seen_body = False
    seen_text = False  # a sentence-long body line: a short last line after it can be the byline
    # each line's boilerplate kind, read once: the last content line must be known before the loop
    kinds = [_boilerplate(line) if (line := text[s:e].strip()) else "" for s, e in spans]
    content = [i for i, (s, e) in enumerate(spans) if text[s:e].strip() and not kinds[i]]
    last = content[-1] if content else -1
    for i, (s, e) in enumerate(spans):
        raw = text[s:e]
        line = raw.strip()
        if not line:
            continue
        kind = kinds[i]
        if kind:
            if not date and (m := _HEADER_DATE.search(line)):
                day, month, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
                # day first, as Vietnamese sites write it; a site's month-first stamp ("12/29/2023
                # 10:46 AM") only where the day-first reading is no date
                date = _iso_date(year, month, day) or _iso_date(year, day, month)
            lines.append(Line(s, e, "boilerplate"))
            caption_next = caption_next or kind == "caption_next"
            continue
        if m := _BYLINE.match(line):
            authors.extend(split_authors(m.group(1)))
            lines.append(Line(s, e, "byline"))
            continue
        # its number of words, counted only where a rule below reads it (in the body of a long
        # article, none does)
        words = len(line.split()) if i == last or not (seen_body and seen_text) or _CREDIT_WORD in line else 0
        if i == last and seen_text and words <= 8 and _AUTHOR_LINE.match(line):
            authors.extend(split_authors(line))
            lines.append(Line(s, e, "byline"))
            continue
        if caption_next or _CREDIT_WORD in line and _PHOTO_CREDIT.search(line) and words < 60:
            caption_next = False
            if m := _PHOTO_CREDIT.search(line):
                authors.extend(a for a in split_authors(m.group(1)) if a not in authors)
            lines.append(Line(s, e, "caption"))
            continue
        if not seen_body and not title and words <= 30 and not line.endswith((".", ":", ";")):
            title = line
            lines.append(Line(s, e, "title"))
            continue
        if not seen_body and not outlet and (m := _OUTLET.match(line)):
            candidate = m.group(1).strip()
            if len(candidate.split()) <= 4:
                outlet = candidate
                lead = s + len(raw) - len(raw.lstrip())  # `line` is `raw` stripped
                outlet_span = (lead + m.start(1), lead + m.end(1))
        seen_body = seen_body or words > 40
        seen_text = seen_text or words > 12
        lines.append(Line(s, e, "body"))
    unique = tuple(dict.fromkeys(a for a in authors if a))
    return lines, Metadata(title=title, date=date, outlet=outlet, authors=unique, outlet_span=outlet_span)
