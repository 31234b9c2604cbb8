"""Event dates: the day a sentence says an event took place, resolved against the publication date."""
from __future__ import annotations

import re




def _date_in(text: str, default_year: str) -> str:
    m = re.search(r"\b(?:ngày\s+)?(\d{1,2})\s*[/-]\s*(\d{1,2})(?:\s*[/-]\s*(\d{4}))?\b", text)
    m2 = re.search(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})(?:\s+năm\s+(\d{4}))?", text)
    m = m2 or m
    if not m:
        return ""
    day, month = int(m.group(1)), int(m.group(2))
    year = m.group(3) or default_year
    if not year or not (1 <= day <= 31 and 1 <= month <= 12):
        return ""
    return "%04d-%02d-%02d" % (int(year), month, day)


def _event_date(sentence: str, doc_text: str, published: str) -> str:
    cue = None
    for found in _EVENT_DATE.finditer(sentence):
        if not _INSTRUMENT_BEFORE.search(sentence, max(0, found.start() - 30), found.start()):
            cue = found  # not "Nghị quyết số 847-NQ/QUTW ngày 28/12/2021": that is the instrument's date
            break
    if not cue:
        return ""
    text = cue.group(1)
    if "tháng" in text:
        text = "ngày " + text
    if published[:4].isdigit():
        # the publication date is the surest year; an event in a later month was last year's
        date = _date_in(text, published[:4])
        if date and not re.search(r"\d{4}", text) and date[5:7] > published[5:7]:
            date = _date_in(text, str(int(published[:4]) - 1))
        return date
    # else the year the sentence names ("quý III năm 2024"), or the latest the article reports on
    years = _YEAR.findall(sentence) or sorted(_YEAR.findall(doc_text[:3000]))[-1:]
    return _date_in(text, years[0] if years else "")


# a year the article reports on: not a plan's horizon ("đến năm 2030") nor an instrument's date
_YEAR = re.compile(r"(?<!đến )(?<!tới )(?<!đoạn )(?<!nhìn )\bnăm\s+(\d{4})\b")
_INSTRUMENT_BEFORE = re.compile(r"(?:[A-ZĐ]{2,}\s*[/-]\s*[A-ZĐ]+|\bsố\s+\S+)\s*$")
# "Chiều 3/2/2023", "Sáng nay (12/5)", "ngày 7 tháng 10 năm 2023", "Ngày 15-8"
_EVENT_DATE = re.compile(r"(?:\b(?:[Ss]áng|[Cc]hiều|[Tt]ối|[Tt]rưa)\s+(?:nay\s*\(\s*|qua\s*\(\s*)?(?:ngày\s+)?|"
                         r"\b(?:[Hh]ôm nay|[Hh]ôm qua)\s*\(\s*|\b[Nn]gày\s+)(\d{1,2}\s*[/-]\s*\d{1,2}"
                         r"(?:\s*[/-]\s*\d{4})?|\d{1,2}\s+tháng\s+\d{1,2}(?:\s+năm\s+\d{4})?)")
