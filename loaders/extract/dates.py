"""Event dates: the day a sentence says an event took place, resolved against the publication date.

News writes the day without its year (`Sáng 19-12`, `Chiều 3/2`, `ngày 5.3`, `ngày 3 tháng 2`) or
relative to the day of publication (`sáng nay`, `chiều qua`). The year comes, surest first, from the
date itself, the publication date, the same day written with its year elsewhere in the article (an
anniversary `(19-3-1957 - 19-3-2022)`), the year the event's own sentence or name reports on, and the
years the article reports on — never a plan's year (`nhiệm vụ năm 2025`, `đến năm 2030`), a span
(`nhiệm kỳ 2020-2025`), the day a rule takes effect (`có hiệu lực từ ngày 1/7/2025`) or an instrument's
date (`Nghị quyết số 08-NQ/TW ngày 26/1/2022`). When none of them holds, there is no date rather than a
wrong one. The words these rules read are data: `loaders/lexicon/time_words.tsv`.
"""
from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from loaders import lexicon
from loaders.normalize import fold_tones


@lru_cache(maxsize=None)
def _roles() -> dict[str, str]:
    return {row[0]: row[1] for row in lexicon.table("time_words.tsv") if len(row) > 1}


@lru_cache(maxsize=None)
def _words_of(role: str) -> tuple[str, ...]:
    return tuple(sorted((w for w, r in _roles().items() if r == role), key=len, reverse=True))


def _alternation(role: str) -> str:
    return "|".join(re.escape(w) for w in _words_of(role))


@dataclass(frozen=True)
class Written:
    """A date written in the text: its span, day, month, year (0 when not written) and what it is."""

    start: int
    end: int
    day: int
    month: int
    year: int
    role: str  # event (a part of day or "Ngày" before it), held, not_event, instrument, plain


_NUM_DATE = r"(\d{1,2})\s*[/\-.]\s*(\d{1,2})(?:\s*[/\-.]\s*((?:19|20)\d\d))?(?![\d/])"
_WORD_DATE = r"(\d{1,2})\s+tháng\s+(\d{1,2})(?:\s*(?:năm|,)\s*((?:19|20)\d\d))?"
_INSTRUMENT_BEFORE = re.compile(r"(?:[a-zđ]{2,}\s*[/-]\s*[a-zđ]+|\bsố\s+\S+|(?:nghị quyết|chỉ thị|quyết định|nghị định"
                                r"|thông tư|chỉ lệnh|kế hoạch|công văn|luật)\s+\d{2,}[a-zđ]?)\s*$")


# The patterns below are read over whole documents. Each begins with a word or digit and only then
# looks behind it ("ngày(?<!\wngày)": "ngày" not inside a longer word), which says the same as a
# look-behind written first but lets the regex engine skip ahead to the characters a match can
# begin with (about twice as fast over a long text).


def _word_start(word: str) -> str:
    """`word` at the start of a word: the same as a negative look-behind for a word character before it."""
    return rf"{re.escape(word)}(?<!\w{re.escape(word)})"


_RANGE = re.compile(rf"(?:{_word_start('từ')}\s+(?:ngày\s+)?|{_word_start('ngày')}\s+)(\d{{1,2}})\s*(?:-|–|đến|tới)\s*"
                    r"(?:ngày\s+)?(\d{1,2})\s*[/-]\s*(\d{1,2})(?:\s*[/-]\s*((?:19|20)\d\d))?(?![\d/])")


@lru_cache(maxsize=None)
def _patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    # "sáng 19-12", "chiều nay (3/10)", "sáng ngày 5.3", "ngày 3 tháng 2", "ngày 3/2/2023"
    after_day_part = r"\s+(?:(?:nay|qua|hôm nay|hôm qua)\s*\(\s*)?(?:ngày\s+)?"
    starts = [_word_start(w) + after_day_part for w in _words_of("part_of_day")] \
        + [_word_start(w) + r"\s*\(\s*" for w in ("hôm nay", "hôm qua")] + [_word_start("ngày") + r"\s+"]
    cue = re.compile(rf"(?:{'|'.join(starts)})(?:{_WORD_DATE}|{_NUM_DATE})")
    # a first digit not after a word, a slash, a dot, a comma or a hyphen
    plain = re.compile(r"(\d(?<![\w/.,-]\d)\d?)\s*[/-]\s*(\d{1,2})\s*[/-]\s*((?:19|20)\d\d)(?![\d/])")
    day_part = _alternation("part_of_day")
    relative = re.compile(rf"(?<!\w)(?:(?:{day_part})\s+(nay|qua|hôm nay|hôm qua)|(hôm nay|hôm qua))(?![\w(])"
                          rf"(?!\s*\()")
    return cue, plain, relative


def _folded(text: str) -> str:
    return fold_tones(text.lower())  # the same length as the text


def _role_before(low: str, start: int) -> str:
    """What the words right before a date say it is."""
    before = low[max(0, start - 40):start]
    before = before[max(before.rfind("\n"), before.rfind(". ")) + 1:]  # this sentence only
    if _INSTRUMENT_BEFORE.search(before):
        return "instrument"  # "Nghị quyết số 08-NQ/TW ngày 26/1/2022": the instrument's date
    not_event, held, span = _context_patterns()
    if not_event.search(" ".join(before.split()[-5:])):
        return "not_event"
    if held.search(before):
        return "held"
    if span.search(before):
        return "not_event"  # "từ ngày ... đến ngày ...": a span, of the event or of something else
    return "event"


@lru_cache(maxsize=None)
def _context_patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    # a rule's day, a deadline, or a day of history ("thành lập ngày 24-3-1967") is no event's day
    return (re.compile(rf"(?<!\w)(?:{_alternation('not_event')}|{_alternation('past')})(?!\w)"),
            re.compile(rf"(?<!\w)(?:{_alternation('held')})\s+(?:vào\s+)?(?:từ\s+)?(?:ngày\s+)?$"),
            re.compile(r"(?<!\w)(?:từ|đến|tới)\s+(?:ngày\s+)?$"))


def written_dates(text: str, low: str = "") -> list[Written]:
    """Every date the text writes, in order, with what the words before it say it is; `low`: the
    text folded (`_folded`), when the caller has it."""
    cue, plain, _ = _patterns()
    low = low or _folded(text)
    out: list[Written] = []
    taken: set[int] = set()
    for m in cue.finditer(low):
        groups = [g for g in m.groups()]
        day, month, year = (groups[0], groups[1], groups[2]) if groups[0] else (groups[3], groups[4], groups[5])
        digits = m.start(1) if groups[0] else m.start(4)
        if "." in low[digits:m.end()] and not re.search(rf"(?:{_alternation('part_of_day')}|ngày)\s+$",
                                                         low[max(0, digits - 12):digits]):
            continue  # "5.3" is a date only after "sáng", "ngày": else a number
        role = _role_before(low, m.start())
        if not low[m.start():digits].strip().startswith("ngày"):
            role = "event"  # "Sáng 19-12": a part of day names the day of an event
        out.append(Written(m.start(), m.end(), int(day), int(month), int(year or 0), role))
        taken.add(digits)
    for m in _RANGE.finditer(low):
        # "từ ngày 19 đến 21-11", "ngày 23 - 24/1/2019": an event held over days begins on the first
        if any(m.start() <= w.start < m.end() and w.day == int(m.group(1)) for w in out):
            continue
        role = _role_before(low, m.start())
        out.append(Written(m.start(), m.end(), int(m.group(1)), int(m.group(3)), int(m.group(4) or 0),
                           "event" if role == "not_event" and low[m.start():m.start() + 2] == "từ" else role))
        taken.add(m.start(1))
    for m in plain.finditer(low):
        if m.start() in taken:
            continue
        out.append(Written(m.start(), m.end(), int(m.group(1)), int(m.group(2)), int(m.group(3)), "plain"))
    out.sort(key=lambda w: w.start)
    return [w for w in out if _valid(w.year or 2000, w.month, w.day)]


def _valid(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


@dataclass(frozen=True)
class Year:
    """A year the text writes (not inside a date) and what the words before it say it is."""

    start: int
    value: int
    role: str  # review, plan, since, span, past, neutral


_YEAR = re.compile(r"((?:19|20)(?<![\w/.-]\d\d)\d\d)(?![\w/])")  # not after a word, "/", "." or "-"
_SPAN = re.compile(r"\s*[-–]\s*(?:19|20)\d\d")
_CLAUSE_END = re.compile(r"[.;:!?]")


def _within(spans: list[tuple[int, int]]):
    """A test of whether an offset lies inside one of `spans`, by bisecting (a long text has
    thousands of them)."""
    merged: list[list[int]] = []
    for a, b in sorted(spans):
        if merged and a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    starts, ends = [a for a, _ in merged], [b for _, b in merged]

    def inside(at: int) -> bool:
        n = bisect.bisect_right(starts, at)
        return n > 0 and at < ends[n - 1]
    return inside


def written_years(text: str, skip: list[tuple[int, int]] = (), low: str = "") -> list[Year]:
    """The years the text names outside dates, each with its role; `skip` spans (instruments' names)
    give none; `low`: the text folded, when the caller has it."""
    low = low or _folded(text)
    out = []
    inside = _within(skip)
    for m in _YEAR.finditer(low):
        start = m.start()
        if inside(start):
            continue
        if _SPAN.match(low, m.end()) or re.search(r"(?:19|20)\d\d\s*[-–]\s*$", low[max(0, start - 8):start]):
            out.append(Year(start, int(m.group(1)), "span"))
            continue
        before = low[max(0, start - 120):start]
        cut = max((x.end() for x in _CLAUSE_END.finditer(before)), default=0)
        previous = list(_YEAR.finditer(before))
        if previous:
            cut = max(cut, previous[-1].end())
        window = re.findall(r"\w+", before[cut:])[-16:]
        last = " ".join(window[-2:])
        out.append(Year(start, int(m.group(1)), _year_role(window, last)))
    return out


def _year_role(window: list[str], last: str) -> str:
    joined = " " + " ".join(window) + " "
    if re.search(rf"(?:^|\s)(?:{_alternation('since')})(?:\s+năm)?$", last):
        return "since"  # "từ năm 2020"
    if re.search(r"(?:^|\s)(?:đến|tới|nhìn)(?:\s+năm)?$", last):
        return "plan"  # "đến năm 2030"
    if re.search(rf"(?:^|\s)(?:{_alternation('span')})$", last):
        return "span"
    if any(f" {w} " in joined for w in _words_of("past")):
        return "past"  # "thành lập năm 1965"
    if any(f" {w} " in joined for w in _words_of("review")):
        return "review"  # "tổng kết thực hiện nhiệm vụ năm 2019": the year reviewed, though tasks are named
    if any(f" {w} " in joined for w in _words_of("plan")):
        return "plan"
    return "neutral"


class Dates:
    """The dates and years of one document, and the publication date, to date its events."""

    def __init__(self, text: str, published: str = "", skip: list[tuple[int, int]] = ()):
        self.text = text
        self.published = published if re.fullmatch(r"\d{4}-\d{2}-\d{2}", published or "") \
            and _valid(int(published[:4]), int(published[5:7]), int(published[8:10])) else ""
        self.skip = list(skip)
        self._skipped = _within(self.skip)
        self._dates: list[Written] | None = None
        self._starts: list[int] | None = None  # where each date starts, for bisecting
        self._years: list[Year] | None = None
        self._low = ""  # the whole text folded, read once for the dates, the years and the laws
        self._relative = _patterns()[2]

    @property
    def low(self) -> str:
        if not self._low:
            self._low = _folded(self.text)
        return self._low

    @property
    def dates(self) -> list[Written]:
        """The dates the text writes (read when an event is first dated)."""
        if self._dates is None:
            self._dates = written_dates(self.text, self.low)
        return self._dates

    @property
    def years(self) -> list[Year]:
        """The years the text names (read only when a date needs its year)."""
        if self._years is None:
            self._years = written_years(self.text, self.skip, self.low)
        return self._years

    def cue(self, start: int, end: int) -> Written | None:
        """The first date in text[start:end] that can be the day of an event."""
        dates = self.dates
        if self._starts is None:
            self._starts = [w.start for w in dates]
        for n in range(bisect.bisect_left(self._starts, start), len(dates)):
            w = dates[n]
            if w.start >= end:
                break
            if w.role in ("event", "held") and not self._skipped(w.start):
                return w
        return None

    def relative(self, start: int, end: int) -> str:
        """`sáng nay` → the publication date, `chiều qua` → the day before, `chiều cùng ngày` → the day
        the text dated last; '' without one."""
        if re.search(r"(?<!\w)(?:cùng ngày|ngày hôm đó)(?!\w)", _folded(self.text[start:end])):
            earlier = [w for w in self.dates if w.start < start and w.role in ("event", "held")]
            if earlier:
                w = earlier[-1]
                s = max(self.text.rfind("\n", 0, w.start), self.text.rfind(". ", 0, w.start)) + 1
                return self.resolve(w, s, start)
            return ""
        if not self.published:
            return ""
        m = self._relative.search(_folded(self.text[start:end]))
        if not m:
            return ""
        word = m.group(1) or m.group(2)
        day = dt.date.fromisoformat(self.published)
        if _roles().get(word) == "yesterday":
            day -= dt.timedelta(days=1)
        return day.isoformat()

    def date_of(self, start: int, end: int, name: str = "", name_span: tuple[int, int] | None = None) -> str:
        """The day the event mentioned in sentence text[start:end] took place, or ''."""
        w = self.cue(start, end)
        if w is None:
            return self.relative(start, end)
        return self.resolve(w, start, end, name)

    def resolve(self, w: Written, start: int, end: int, name: str = "") -> str:
        if w.year:
            return _iso(w.year, w.month, w.day)
        if self.published:
            # the publication date is the surest year; a later day of the year was last year's
            year = int(self.published[:4])
            if (w.month, w.day) > (int(self.published[5:7]), int(self.published[8:10])):
                year -= 1
            return _iso(year, w.month, w.day)
        same = [d.year for d in self.dates if d.year and (d.day, d.month) == (w.day, w.month)
                and d.role in ("plain", "event", "held")]
        if same:
            return _iso(max(same), w.month, w.day)  # "(19-3-1957 - 19-3-2022)": the anniversary's day
        own = [y for y in self.years if start <= y.start < end and y.role in ("review", "neutral")]
        own += [y for y in written_years(name) if y.role in ("review", "neutral")]  # the event's own name
        if own:
            best = max(own, key=lambda y: y.value)
            year = best.value
            if best.role == "review" and w.month <= 2 and self._whole_year_review(best):
                year += 1  # "tổng kết năm 2024" held in January: of the year before
            return _iso(year, w.month, w.day)
        bound = self._instrument_bound(w, start, end)
        if bound:
            return bound
        reported = [y.value for y in self.years if y.start < 3000 and y.role in ("review", "neutral")]
        if reported:
            return _iso(max(reported), w.month, w.day)
        return self._effective_bound(w) or self._congress_term(w, start, end)

    def _whole_year_review(self, y: Year) -> bool:
        before = _folded(self.text[max(0, y.start - 30):y.start])
        return bool(re.search(r"(?:tổng kết|sơ kết)[^.;,]*năm\s*$", before)) and "tháng" not in before \
            and "quý" not in before

    def _instrument_bound(self, w: Written, start: int, end: int) -> str:
        """"quán triệt, triển khai Nghị quyết ... ngày 26/1/2022": an instrument made known soon after
        it was issued — the first such day after the instrument's date."""
        low = _folded(self.text[start:end])
        if not re.search(r"(?<!\w)(?:quán triệt|triển khai)(?!\w)", low) or re.search(r"\d+\s+(?:năm|tháng)\b", low):
            return ""
        dates = [d for d in self.dates if start <= d.start < end and d.role == "instrument" and d.year]
        if not dates:
            return ""
        d = dates[0]
        year = d.year if (w.month, w.day) >= (d.month, d.day) else d.year + 1
        return _iso(year, w.month, w.day)

    def _effective_bound(self, w: Written) -> str:
        """A law takes effect no sooner than 45 days after it is passed: the latest such day before
        "có hiệu lực (thi hành) từ ngày 1/7/2025" (the article reports on the passing)."""
        low = self.low
        if not re.search(r"thông qua (?:luật|bộ luật|nghị quyết|pháp lệnh)", low):
            return ""
        effective = [d for d in self.dates if d.role == "not_event" and d.year
                     and re.search(r"hiệu lực", low[max(0, d.start - 40):d.start])]
        if not effective:
            return ""
        e = effective[0]
        limit = dt.date(e.year, e.month, e.day) - dt.timedelta(days=45)
        for year in (limit.year, limit.year - 1):
            if _valid(year, w.month, w.day) and dt.date(year, w.month, w.day) <= limit:
                return _iso(year, w.month, w.day)
        return ""

    def _congress_term(self, w: Written, start: int, end: int) -> str:
        """A party congress opens its term: one "nhiệm kỳ 2020-2025" is held, and prepared, in 2020."""
        low = _folded(self.text[start:end])
        m = re.search(r"đại hội[^.;]*?nhiệm kỳ\s*((?:19|20)\d\d)\s*[-–]\s*(?:19|20)\d\d", low)
        return _iso(int(m.group(1)), w.month, w.day) if m else ""


def _iso(year: int, month: int, day: int) -> str:
    return "%04d-%02d-%02d" % (year, month, day) if _valid(year, month, day) else ""
