"""Stage 4, events: event mentions named as the article names the event, grouped into one Meeting
per event, and dated.

A name is the event's kind with what follows it when that is a purpose, a subject, a period or an
owner (`Hội nghị sơ kết 6 tháng đầu năm 2024 của Nhà máy Z751`, `Buổi làm việc với Bộ Tư lệnh Cảnh
sát biển`), never the words that merely come after the kind (`Hội nghị đều nhấn mạnh`). An event the
article names by a verb phrase (`Bộ trưởng làm việc với ...`, `Tổng cục tổ chức sơ kết ...`) gets the
kind that phrase implies. Every bare reference (`hội nghị`, `buổi lễ`, `triển lãm năm nay`) resolves
to the event of its family; an opening ceremony (`Lễ khai mạc Triển lãm ...`) and the exhibition it
opens are two events. Words are data: `meetings.txt` (kinds and families) and `event_words.tsv`.
"""
from __future__ import annotations

import re
from functools import lru_cache

from graph.model import Document
from loaders import lexicon
from loaders.extract.dates import Dates, _words_of
from loaders.extract.entities import Identity, _words
from loaders.extract.lexicons import _is_word, _set, first_words, match
from loaders.extract.mentions import _PLURAL, Found, _by_sentence, _starts_inside
from loaders.extract.tokens import Sentence, Tok, _HARD_STOP
from loaders.normalize import clean_name, fold, fold_tones


@lru_cache(maxsize=None)
def _kinds() -> dict[str, tuple[str, bool]]:
    """Kind as folded → (family, an agency right after it names the event)."""
    out = {}
    for row in lexicon.table("meetings.txt"):
        family = row[1] if len(row) > 1 else row[0]
        out[fold(row[0])] = (fold(family), len(row) > 2 and "body" in row[2].split())
    return out


@lru_cache(maxsize=None)
def _verb_kinds() -> frozenset[str]:
    """Kinds that in lower case are also verbs ("tập huấn")."""
    return frozenset(fold(row[0]) for row in lexicon.table("meetings.txt") if len(row) > 2 and "verb" in row[2].split())


@lru_cache(maxsize=None)
def _party_kinds() -> frozenset[str]:
    """Kinds whose people or delegation belong to the name (meetings.txt, flag "party")."""
    return frozenset(fold(row[0]) for row in lexicon.table("meetings.txt") if len(row) > 2 and "party" in row[2].split())


@lru_cache(maxsize=None)
def _owned_kinds() -> frozenset[str]:
    """Kinds whose organiser, written as the subject of "tổ chức", owns the event (meetings.txt)."""
    return frozenset(fold(row[0]) for row in lexicon.table("meetings.txt") if len(row) > 2 and "owner" in row[2].split())


def _an_act(toks: list[Tok], i: int, kind: str) -> bool:
    """"giúp bạn tập huấn cán bộ": a kind that is also a verb, in lower case, with no word before it
    that introduces an event."""
    if fold(kind) not in _verb_kinds() or toks[i].cap:
        return False
    return not _introduced(toks, i)


def _organised(toks: list[Tok], i: int) -> bool:
    """The kind at i is what "tổ chức" organises ("Quân khu 7 tổ chức Hội nghị ...")."""
    return i >= 2 and toks[i - 2].low == "tổ" and toks[i - 1].low == "chức"


def _purpose_after_comma(toks: list[Tok], i: int, j: int) -> bool:
    """"(Bộ Quốc phòng) tổ chức hội nghị, xem xét, cho ý kiến vào ...": a kind written in lower case
    as what is organised, a comma, then what it is held for in lower case."""
    return (_organised(toks, i) and not toks[i].cap
            and j + 1 < len(toks) and toks[j].text == "," and not toks[j + 1].cap
            and _role_at(toks, j + 1)[0] in ("purpose", "object"))


def _introduced(toks: list[Tok], i: int) -> bool:
    """A word that introduces an event is right before token i ("tổ chức", "dự", "chỉ đạo")."""
    words = [t.low for t in toks[max(0, i - 2):i]]
    return bool((set(words[-1:]) | {" ".join(words)}) & _set("event_introducers.txt"))


@lru_cache(maxsize=None)
def _roles() -> dict[str, str]:
    return {fold_tones(row[0]): row[1] for row in lexicon.table("event_words.tsv") if len(row) > 1}


@lru_cache(maxsize=None)
def _implied() -> dict[str, str]:
    return {fold_tones(row[0]): row[2] for row in lexicon.table("event_words.tsv") if len(row) > 2}


@lru_cache(maxsize=None)
def _role_firsts() -> frozenset[str]:
    """The words an event word begins with: where `_role_at` can find one."""
    return frozenset(words.split(" ")[0] for words in _roles())


@lru_cache(maxsize=None)
def _generic_words() -> tuple[str, ...]:
    """The event words that make a name generic ("các cấp"), in the lexicon's order."""
    return tuple(words for words, role in _roles().items() if role == "generic")


def _role_at(toks: list[Tok], k: int) -> tuple[str, int]:
    """(role, end) of the longest event word at token k, or ('', k)."""
    # asked at most tokens of an event's name: most begin no event word, and need no joined words
    if k >= len(toks) or toks[k].low not in _role_firsts():
        return "", k
    roles = _roles()
    for n in (3, 2, 1):
        if k + n <= len(toks):
            words = " ".join([t.low for t in toks[k:k + n]])
            if words in roles:
                return roles[words], k + n
    return "", k


@lru_cache(maxsize=None)
def _vague() -> dict[str, str]:
    return {fold_tones(row[0]): row[1] for row in lexicon.table("event_vague.tsv") if len(row) > 1}


def _vague_at(toks: list[Tok], k: int, role: str) -> bool:
    """A word of that role (event_vague.tsv: "quantifier", "plan") at token k."""
    words = _vague()
    return any(k + n <= len(toks) and words.get(" ".join([t.low for t in toks[k:k + n]])) == role for n in (2, 1))


def _planned(toks: list[Tok], k: int) -> bool:
    """"sẽ đến thăm, làm việc với ...", "dự kiến tổ chức ...": a plan word among the few words before
    the verb at k; what is to be done is no event that took place."""
    for m in range(k - 1, max(-1, k - 5), -1):
        if toks[m].text in _HARD_STOP:
            break
        if _vague_at(toks, m, "plan"):
            return True
    return False


def _day_parts() -> tuple[str, ...]:
    return _words_of("part_of_day")


# A mention is compared with the latest this many events of its kind: every event of an article,
# and in one very long text (many articles joined in one file) those near it, not thousands.
_NEAR = 64
_OPENING = ("khai mạc", "bế mạc")  # verbs whose object is an event: its opening or closing ceremony
# Words after a comma that begin a new clause, not a second complement of an event's name
_CLAUSE_OPENERS = {"đồng thời", "trong đó", "qua đó", "theo đó", "sau đó", "tiếp đó", "bên cạnh", "ngoài ra",
                   "với", "nhằm", "để", "tại", "trong", "từ", "đến", "khi", "sau", "trước", "nhưng", "song"}
_NUMBER_WORDS = {"hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín", "mười"}  # "..., hai Bộ trưởng"
_EDITION_GOES_ON = {",", "năm", "khóa", "khoá", "nhiệm", "giai", "-", "–", "giữa", "của"}
_QUOTES_OPEN = ('"', "“")
_QUOTES_CLOSE = ('"', "”")
_TRAILING = {"và", "của", "với", "về", ",", "-", "–", "các", "những", "cho"}
_ENDS_BEFORE_NAME = _HARD_STOP - set(_QUOTES_OPEN)  # punctuation right after a kind: no name follows


class _Event:
    """One event of the document: its mentions, kind family and name."""

    def __init__(self, family: str, name: str, mentions: list[Found]):
        self.family = family
        self.name = name
        self.mentions = mentions  # only ever appended to
        self.names = [name]
        self._start, self._seen = 0, 0

    @property
    def start(self) -> int:
        """Where its first mention starts; kept up to date from the mentions added since it was
        last asked (an event of a long document may have thousands of them)."""
        if self._seen < len(self.mentions):
            added = min(f.start for f in self.mentions[self._seen:])
            self._start = added if self._seen == 0 else min(self._start, added)
            self._seen = len(self.mentions)
        return self._start


class _Namer:
    """Names the event mentions of one document from their sentences."""

    def __init__(self, doc: Document, found: list[Found]):
        self.doc = doc
        self.text = doc.text
        self.here = _by_sentence(found)
        self.family = ""
        self.party = False  # the kind being named takes its people or delegation into the name
        self.recipients: list[Found] = []  # who received what a ceremony named by no one was held for
        self.aliases: dict[str, str] = {}  # "vietnam defence" → "triển lãm quốc phòng quốc tế việt nam"

    @staticmethod
    def kind_at(s: Sentence, i: int) -> tuple[int, str] | None:
        return match("meetings.txt", s.toks, i, need_cap=False)

    def name(self, f: Found) -> tuple[int, str, str]:
        """(end token, name, what it is: 'named', 'reference' or 'generic') of an event mention."""
        s, toks = f.sent, f.sent.toks
        hit = self.kind_at(s, f.i)
        if not hit:
            return f.j, f.name, "named" if f.extra.get("specific") else "reference"
        j, kind = hit
        self.family, body = _kinds().get(fold(kind), (fold(kind), False))
        self.party = fold(kind) in _party_kinds()
        if any(_roles().get(" ".join([t.low for t in toks[f.i - n:f.i]])) == "place" for n in (1, 2) if f.i >= n) \
                or _an_act(toks, f.i, kind):
            return f.j, f.name, "generic"  # "tại Trung tâm Triển lãm Việt Nam": a place; "giúp tập huấn": an act
        start = j
        if _purpose_after_comma(toks, f.i, j):
            start = j + 1  # "tổ chức hội nghị, xem xét, cho ý kiến vào ...": the purpose is the name
        end, why = self._phrase(s, f.i, start, body)
        if why == "named" and toks[end - 1].text in _QUOTES_CLOSE:
            name = self._quoted_name(s, f.i, end)  # 'Hội thảo khoa học "Ứng dụng ..."'
        else:
            if why == "named" and start > j:  # the kind, then the purpose after its comma
                name = clean_name(self.text[toks[f.i].start:toks[j - 1].end] + " "
                                  + _without_days(clean_name(self.text[toks[start].start:toks[end - 1].end])))
            else:
                name = _without_days(clean_name(self.text[toks[f.i].start:toks[max(end, j) - 1].end]))
            name = name[0].upper() + name[1:]
            if why == "named" and start == j and fold(kind) in _owned_kinds():
                name = self._with_owner(s, f.i, j, end, name)
        self._note_alias(s, end, name)
        return (end if why == "named" else j), name, why

    def _with_owner(self, s: Sentence, i: int, j: int, end: int, name: str) -> str:
        """The name with its organiser when the article writes it only as the subject of "tổ chức"
        ("Tổng cục X tổ chức Hội nghị tổng kết ..."), and the name names no owner (no agency, no
        "của", no capitalised word after the kind)."""
        toks = s.toks
        owner = self._organiser(s, i)
        if owner is None:
            return name
        body = toks[j:end]
        if any(t.low == "của" for t in body) or any(t.cap and not re.fullmatch(r"[IVXLC]+", t.text) for t in body):
            return name
        written = clean_name(self.text[owner.start:owner.end])
        k = j
        while k < end and toks[k].low in ("đại", "biểu"):
            k += 1  # "Đại hội đại biểu"
        if k < end and _role_at(toks, k)[0] == "edition":  # "Đại hội đại biểu Đảng bộ X lần thứ XI"
            head = clean_name(self.text[toks[i].start:toks[k - 1].end])
            rest = clean_name(self.text[toks[k].start:toks[end - 1].end])
            return f"{head[0].upper() + head[1:]} {written} {rest}"
        return f"{name} của {written}"

    def _organiser(self, s: Sentence, i: int) -> Found | None:
        """"Đảng bộ Tổng cục Kỹ thuật tổ chức <kind at i>": the one agency that is the whole subject of
        "tổ chức" (not one of several, "A và B", "A, B"; not the second of "Nhà máy Z, Tổng cục Y")."""
        toks = s.toks
        if i < 3 or not _organised(toks, i):
            return None
        k = i - 2
        if toks[k - 1].low in ("đã", "vừa", "cũng"):  # "Tổng cục Kỹ thuật đã tổ chức ..."
            k -= 1
        if toks[k - 1].text == ")":  # "Bộ Tư lệnh Quân khu 3 (QK3) tổ chức"
            k = next((m for m in range(k - 2, max(0, k - 8), -1) if toks[m].text == "("), 0)
        here = [a for a in self.here.get(id(s), []) if a.label == "Agency" and a.j == k]
        if not here:
            return None
        owner = min(here, key=lambda a: a.i)
        if owner.i > 0:
            before = toks[owner.i - 1]
            if before.text != "," or owner.i > 1 and any(a.label in ("Agency", "Agency?") and a.j == owner.i - 1
                                                          for a in self.here.get(id(s), [])):
                return None
        return owner

    def _quoted_name(self, s: Sentence, i: int, end: int) -> str:
        toks = s.toks
        q = next(k for k in range(i, end) if toks[k].text in _QUOTES_OPEN)
        head = clean_name(self.text[toks[i].start:toks[q - 1].end]) if q > i else ""
        title = clean_name(self.text[toks[q + 1].start:toks[end - 2].end])
        head = head[0].upper() + head[1:] if head else head
        return f"{head} “{title}”".strip()

    def _note_alias(self, s: Sentence, end: int, name: str) -> None:
        """"Triển lãm Quốc phòng quốc tế Việt Nam (Vietnam Defence)": the short name in parentheses."""
        toks = s.toks
        if end + 2 < len(toks) and toks[end].text == "(":
            close = next((k for k in range(end + 1, min(len(toks), end + 6)) if toks[k].text == ")"), None)
            if close and close > end + 1 and all(t.cap or t.text.isdigit() for t in toks[end + 1:close]):
                short = fold(" ".join(t.text for t in toks[end + 1:close]))
                if len(short) > 2 and " " in short:
                    self.aliases.setdefault(short, fold(name))

    def _phrase(self, s: Sentence, i: int, j: int, body: bool) -> tuple[int, str]:
        """End of the name after the kind at i..j, and whether it names an event."""
        toks = s.toks
        here = self.here.get(id(s), [])
        if j >= len(toks) or toks[j].text in _ENDS_BEFORE_NAME or toks[j].text == "," \
                or toks[j].low in ("và", "hoặc", "cùng") and _role_at(toks, j + 1)[0] not in ("purpose", "object"):
            # "Nghị quyết của Đại hội và Dự thảo ...": the name ends with the kind (not so "Lễ công bố và
            # trao quyết định ...": two purposes)
            return j, "reference"
        role, after = _role_at(toks, j)
        t = toks[j]
        if self.family != "lễ" and " ".join(x.low for x in toks[j:j + 2]) in _OPENING:
            return j, "reference"  # "Hội nghị khai mạc lúc 8 giờ": the verb; its opening is a "Lễ khai mạc"
        if role in ("reference", "stop") or t.low == "ngày" and j + 1 < len(toks) and toks[j + 1].text[:1].isdigit():
            return j, "reference"  # "hội nghị này", "hội nghị ngày 5/3"
        if role == "generic" or t.low in ("với", "giữa") and _vague_at(toks, j + 1, "quantifier"):
            return j, "generic"  # "đại hội các cấp"; "buổi làm việc với một số nhà máy": no one party
        if t.text in _QUOTES_OPEN:
            close = next((k for k in range(j + 1, min(len(toks), j + 40)) if toks[k].text in _QUOTES_CLOSE), None)
            return (close + 1, "named") if close else (j, "reference")
        # a kind capitalised inside a sentence ("tổ chức Hội nghị ...") begins a name: any word that does
        # not end one opens it; written in lower case, only a purpose, subject, party, owner or number
        # (a headline that begins with the kind names the event too: "Đối thoại chính sách quốc phòng ...")
        headline = _title_span(self.doc)
        named_kind = toks[i].cap and (i > 0 and toks[i - 1].text not in _HARD_STOP
                                      or headline[0] <= toks[i].start < headline[1])
        # a kind that ends in its purpose takes what that acts on ("lễ trao quyết định ..."), and so
        # does one a word introduces ("dự, chỉ đạo diễn tập khu vực phòng thủ ...")
        acting = j - i > 1 and _role_at(toks, i + 1)[0] in ("purpose", "object") \
            or not toks[i].cap and _introduced(toks, i)
        lower_word = t.text.isalpha() and not t.cap
        opens = (role in ("purpose", "object", "subject", "qualifier")  # "Hội nghị sơ kết", "Hội thảo khoa học"
                 or t.low in ("với", "giữa")  # "Buổi làm việc với ...", "Lễ ký kết giữa ..."
                 or t.low == "của" and self._agency_at(here, j + 1)  # "Hội nghị của Quân khu 7"
                 or t.text.isdigit()  # "Hội nghị 2024"
                 or self.party and self._party_end(s, here, j) > j  # "lễ đón Đại tướng X", "tiếp Đoàn ..."
                 or (named_kind or acting) and lower_word and t.low not in _set("stopwords.txt")  # "Triển lãm vũ khí"
                 # a capitalised name, when it is no person and, for kinds not named by a body, no agency
                 or t.cap and t.text.isalpha() and not self._person_or_rank(s, here, j)
                 and (body or not self._agency_at(here, j)))
        if not opens:
            return j, "reference"
        k = j
        acted = -1
        if _role_at(toks, i + 1)[0] in ("purpose", "object") and j - i > 1:
            acted = j  # the kind ends in its purpose ("Lễ tốt nghiệp")
        stops = _set("stopwords.txt")
        while k < len(toks) and k - j < 45:
            t = toks[k]
            if t.text in _QUOTES_OPEN:
                close = next((n for n in range(k + 1, min(len(toks), k + 40)) if toks[n].text in _QUOTES_CLOSE), None)
                if close is None:
                    break
                k = close + 1
                break
            if t.text == "(":
                close = next((n for n in range(k + 1, min(len(toks), k + 16)) if toks[n].text == ")"), None)
                if close is not None and close > k + 1 and all(
                        re.fullmatch(r"[\d/.\-–]+", x.text) for x in toks[k + 1:close]):
                    k = close + 1  # "... Việt Nam - Cuba (02/12/1960 - 02/12/2022) và kỷ niệm ...": days, left out
                    continue
            if t.text == ":" and k + 1 < len(toks) and toks[k + 1].text in _QUOTES_OPEN:
                k += 1  # "nghiệm thu đề tài cấp quốc gia: “...”"
                continue
            if t.text in _HARD_STOP:
                break
            if k >= 2 and toks[k - 2].low == "lần" and toks[k - 1].low == "thứ":
                # the edition's number: the name goes on only with its year, term or period
                k += 1
                if k < len(toks) and toks[k].low not in _EDITION_GOES_ON and not self._agency_at(here, k):
                    break  # (an agency goes on: "Hội nghị lần thứ nhất Ban Chấp hành Đảng bộ ...")
                continue
            if self.party:
                party = self._party_end(s, here, k)
                if party > k:  # "Lễ đón chính thức Đại tướng X và Đoàn đại biểu Y": the name ends with them
                    k = party
                    break
            if t.text == ",":
                if k + 1 < len(toks) and toks[k - 1].low == "phòng" and toks[k + 1].low == "chống":
                    k += 1  # "phòng, chống": one verb written with a comma
                    continue
                agency = self._agency_at(here, k + 1)
                if agency is not None and "lần thứ" in fold(self.text[toks[j].start:toks[k - 1].end]) \
                        and agency.j + 1 < len(toks) and toks[agency.j].text == "," \
                        and _role_at(toks, agency.j + 1)[0] == "edition":
                    k = agency.j  # "Đại hội đại biểu lần thứ X, Đảng bộ Quân khu 9, nhiệm kỳ ...": its owner
                    continue
                if _titled(toks, k) and match("positions.txt", toks, k + 1):
                    k += 1  # "Cuộc thi Chỉ huy trưởng, Chính ủy ...": titles in a list
                    continue
                nxt, _ = _role_at(toks, k + 1)
                if nxt in ("purpose", "object", "edition") and not (k + 1 < len(toks) and toks[k + 1].cap
                                                                   and nxt != "edition"):
                    k += 1
                    continue
                if nxt == "edition" or nxt == "subject" and not toks[k + 1].cap and toks[k - 1].text.isalpha() \
                        and toks[k + 1].low not in _NUMBER_WORDS:
                    k += 1  # "..., nhiệm kỳ 2025-2030", "công tác quân sự, quốc phòng năm 2024"
                    continue
                if self._coordinate(s, here, j, k):
                    k += 1  # "Lễ diễu binh, diễu hành kỷ niệm ...": a second complement of the same kind
                    continue
                break
            inner = next((f for f in here if f.i == k and f.label in ("Resolution", "Program") and f.j > k), None)
            if inner is not None:
                k = inner.j
                if inner.label == "Resolution" and inner.extra.get("number"):
                    break  # the instrument's date, issuer and subject are the instrument's, not the event's
                continue
            if k > j and self._person_or_rank(s, here, k):
                break
            role, after = _role_at(toks, k)
            if t.low == "vào" and acted == k and k + 1 < len(toks) and not toks[k + 1].cap \
                    and not toks[k + 1].text[:1].isdigit() and toks[k + 1].low not in _day_parts() \
                    and toks[k + 1].low not in ("ngày", "lúc", "dịp", "thời"):
                k += 1  # "Hội nghị cho ý kiến vào dự thảo ...": what the purpose acts on
                continue
            if role == "generic":
                return k, "generic"  # "Đại hội Đảng bộ cấp trên": congresses of a level, no one event
            if role == "stop" and k > j and not _is_word(toks[k - 1], t) \
                    or role == "reference" and k > j and toks[k].low != "năm":
                break
            if t.low == "về" and (self.family == "làm việc" or k + 1 < len(toks) and toks[k + 1].low == "phía"):
                break  # a working session is named by whom it is with; its subject is not its name
            inside = role in ("purpose", "object", "inner")
            if t.low == "cho" and acted == k and k + 1 < len(toks) and (
                    # "Hội nghị chuẩn bị cho Lễ kỷ niệm ...": the event it is held for
                    toks[k + 1].cap and self.kind_at(s, k + 1)
                    # "Lễ tốt nghiệp cho 206 học viên ...": whom the purpose is for
                    or not toks[k + 1].cap and toks[k + 1].low not in _PLURAL
                    and not self._person_or_rank(s, here, k + 1)):
                k += 1
                continue
            if not inside and k > j and (f"{t.low} {toks[k + 1].low}" in stops if k + 1 < len(toks) else False):
                break
            if not inside and k > j and t.low in stops and not _is_word(toks[k - 1], t):
                break  # ("trang bị" is no passive "bị")
            if k > j and t.low == "và" and k + 1 < len(toks) and (self.kind_at(s, k + 1) and toks[k + 1].cap
                                                                   or toks[k + 1].low in _PLURAL):
                break  # "Hội nghị tổng kết và Lễ trao thưởng", "... và các hội thi": another event
            if t.low in _day_parts() and k + 1 < len(toks) and (toks[k + 1].text[:1].isdigit()
                                                                             or toks[k + 1].low in ("nay", "qua", "ngày")):
                break  # "... sáng 19-12": the date, not the name
            if t.low == "ngày" and k + 1 < len(toks) and toks[k + 1].text[:1].isdigit():
                break
            if t.low in ("giữa", "với") and k > j and k + 1 < len(toks) and toks[k + 1].low == "hai":
                break  # "Đối thoại quốc phòng giữa hai nước": the sides, not named
            if t.low == "với" and k > j:
                if not self._agency_at(here, k + 1) and not (k + 1 < len(toks) and toks[k + 1].low == "lãnh"):
                    break
            if role in ("purpose", "object"):
                acted = after  # where the last purpose ends
            k = max(after, k + 1) if role in ("purpose", "object", "subject", "edition", "inner", "qualifier") \
                else k + 1
        while k > j and toks[k - 1].low in _TRAILING:
            k -= 1
        if k > j and _role_at(toks, j) == ("qualifier", k):
            return j, "reference"  # "tổ chức hội nghị làm trước để ...": a pilot conference, named no further
        words = fold(self.text[toks[j].start:toks[k - 1].end]) if k > j else ""
        if any(f" {g} " in f" {words} " for g in _generic_words()):
            return k, "generic"
        return k, ("named" if k > j else "reference")

    def _coordinate(self, s: Sentence, here: list[Found], j: int, k: int) -> bool:
        """The words after the comma at k go on with the name: a lower-case complement like the one
        before it ("diễu binh, diễu hành kỷ niệm ..."; "phòng chống bão lụt, khắc phục hậu quả ...")
        with no person, list, verb of attending or new clause before what ends a name."""
        toks = s.toks
        if k + 1 >= len(toks) or toks[k + 1].cap or not toks[k + 1].text.isalpha() or k - j < 2 \
                or toks[k + 1].low in _PLURAL or k >= 3 and toks[k - 3].low == "lần" and toks[k - 2].low == "thứ" \
                or " ".join([t.low for t in toks[k + 1:k + 3]]) in _CLAUSE_OPENERS or toks[k + 1].low in _CLAUSE_OPENERS:
            return False
        cues = first_words("cues.tsv")
        n = k + 1
        while n < len(toks) and toks[n].text not in _HARD_STOP and toks[n].text != "," \
                and _role_at(toks, n)[0] not in ("stop", "reference"):
            t = toks[n]
            if t.low in ("các", "những", "nhiều", "mọi", "từng") or self._person_or_rank(s, here, n) or t.low in cues \
                    or t.low in _set("stopwords.txt") and not (n > k + 1 and _is_word(toks[n - 1], t)):
                return False
            n += 1
        return n > k + 1 and not (n < len(toks) and toks[n].text in _QUOTES_OPEN)  # "..., gắn phương châm “...”"

    def _party_end(self, s: Sentence, here: list[Found], k: int) -> int:
        """End of the people or delegations at token k an event is held with or for: "Đại tướng X",
        "ngài X", "Bộ trưởng Quốc phòng Campuchia X", "Đoàn đại biểu quân sự cấp cao Quân đội nhân
        dân Lào", several joined by "và"; k when there are none."""
        end = k
        while True:
            one = self._one_party(s, here, end)
            if one == end:
                return end
            end = one
            toks = s.toks
            if not (end + 1 < len(toks) and toks[end].low == "và" and self._one_party(s, here, end + 1) > end + 1):
                return end
            end += 1

    def _one_party(self, s: Sentence, here: list[Found], k: int) -> int:
        toks = s.toks
        if k >= len(toks):
            return k
        at = k + (toks[k].low in ("ngài", "ông", "bà"))
        rank = match("ranks.txt", toks, at)
        at = rank[0] if rank else at
        person = next((p for p in here if p.label == "Person" and p.i == at), None)
        if person is not None:
            return person.j
        if rank:
            return k
        # a title and its agency before the name: "Bộ trưởng Quốc phòng Campuchia Tea Banh"
        title = match("positions.txt", toks, k)
        if title:
            person = next((p for p in here if p.label == "Person" and title[0] <= p.i <= k + 8
                           and not any(t.text in _HARD_STOP or t.text == "," for t in toks[k:p.i])), None)
            return person.j if person is not None else k
        if toks[k].low == "đoàn" and k + 1 < len(toks) and toks[k + 1].text.isalpha():
            # a delegation, up to what it does ("... thăm chính thức Việt Nam", "do X dẫn đầu")
            end = k + 1
            while end < len(toks) and end - k < 20 and toks[end].text.isalpha() and toks[end].low != "và":
                if _role_at(toks, end)[0] == "stop" or self._person_or_rank(s, here, end):
                    break
                end += 1
            return end
        return k

    @staticmethod
    def _agency_at(here: list[Found], k: int) -> Found | None:
        return next((a for a in here if a.label in ("Agency", "Agency?") and a.i == k), None)

    @staticmethod
    def _person_or_rank(s: Sentence, here: list[Found], k: int) -> bool:
        return bool(match("ranks.txt", s.toks, k)) or any(p.label == "Person" and p.i == k for p in here)


def _family(f: Found) -> str:
    hit = match("meetings.txt", f.sent.toks, f.i, need_cap=False)
    kind = fold(hit[1]) if hit else fold(" ".join(f.name.split()[:2]))
    return _kinds().get(kind, (kind, False))[0]


def _content(name: str, aliases: dict[str, str]) -> frozenset[str]:
    folded = fold(name)
    for short, full in aliases.items():
        if short in folded and full not in folded:
            folded = folded.replace(short, full)
    return _words(folded) - _CLASSIFIERS


# Words that count an event rather than name it: "buổi lễ khai mạc" is the "Lễ khai mạc ..."
_CLASSIFIERS = frozenset({"buổi", "cuộc"})
_SITTINGS = frozenset({"kỳ họp", "họp"})  # a bare "hội nghị" in an article of one of these is that sitting


@lru_cache(maxsize=65536)
def _years(name: str) -> frozenset[str]:
    return frozenset(re.findall(r"(?<!\d)(?:19|20)\d\d(?!\d)", name))


@lru_cache(maxsize=65536)
def _edition(name: str) -> str:
    m = re.search(r"(?:lần thứ|thứ)\s+(\w+)", fold(name))
    return m.group(1) if m else ""


class _SameEvent:
    """Whether two names of one document are one event: no year or edition apart, and one's words
    within the other's or most words shared. Each name's words are read once (the aliases grow as
    names are read, so what was read is kept only while they stay the same)."""

    def __init__(self, aliases: dict[str, str]):
        self.aliases = aliases
        self.words: dict[str, frozenset[str]] = {}
        self.seen = -1

    def __call__(self, a: str, b: str) -> bool:
        if self.seen != len(self.aliases):
            self.words.clear()
            self.seen = len(self.aliases)
        ya, yb = _years(a), _years(b)
        if ya and yb and not ya & yb:
            return False
        ea, eb = _edition(a), _edition(b)
        if ea and eb and ea != eb:
            return False
        wa = self.words.get(a)
        if wa is None:
            wa = self.words[a] = _content(a, self.aliases)
        wb = self.words.get(b)
        if wb is None:
            wb = self.words[b] = _content(b, self.aliases)
        if not wa or not wb:
            return False
        return wa <= wb or wb <= wa or len(wa & wb) / len(wa | wb) >= 0.5


_PERIOD = re.compile(r"(?<!\w)((?:\d+|sáu|chín|ba) tháng (?:đầu |cuối )?năm (?:19|20)\d\d|quý [ivx]+ năm (?:19|20)\d\d)")


def _verb_events(doc: Document, sentences: list[Sentence], found: list[Found], taken: set[tuple[int, int]],
                 dates: Dates, namer: "_Namer") -> list[Found]:
    """Events the article names only by a verb phrase: "X làm việc với Y" is a working session with Y,
    "Tổng cục tổ chức sơ kết 6 tháng đầu năm 2022" a conference."""
    out = []
    by_sentence = namer.here
    text = doc.text
    title_end = _title_span(doc)[1]
    starts = _verbs().keys() | {"tổ"}  # "tổ chức" and the first words of the verbs
    for s in sentences:
        toks = s.toks
        here = by_sentence.get(id(s), [])
        # the few tokens a verb can begin at, found in one pass over the sentence
        for k in [k for k, t in enumerate(toks[:-2]) if t.low in starts]:
            if (s.start, k) in taken:
                continue
            verb = _event_verb(toks, k)
            if verb is not None and not (k > 0 and toks[k - 1].low in ("buổi", "cuộc", "chuyến", "đợt", "đón")) \
                    and not _vague_at(toks, verb[0], "quantifier") and not _planned(toks, k):
                after, kind, keep, must_name = verb
                party = fold(kind) in _party_kinds()
                opened = namer.kind_at(s, after) if keep in _OPENING else None
                if keep in _OPENING and (opened is None or _subject_agency(toks, here, k) is None
                                         and not any(p.label == "Person" and p.j == k for p in here)):
                    continue  # "Bộ Quốc phòng khai mạc cuộc thi ...", not "Hội nghị khai mạc lúc 8 giờ"
                if opened is not None:  # the opening of the event it names: "Lễ khai mạc cuộc thi ..."
                    namer.family, body = _kinds().get(fold(opened[1]), (fold(opened[1]), False))
                    namer.party = False
                    end, _ = namer._phrase(s, after, opened[0], body)
                else:
                    # whom it is held with: people or a delegation ("tiếp Đoàn cán bộ Học viện X do ...",
                    # "tiếp Đại tướng X"), else the agencies up to its subject ("làm việc với lãnh đạo ...")
                    end = (namer._party_end(s, here, after) if party else after) or after
                    end = end if end > after else _party_end(toks, after, here)
                if keep.endswith(" tại") and _a_country(toks, after, end):
                    continue  # "thăm và làm việc tại Việt Nam": a visit to a country, no session held somewhere
                # not "tiếp đoàn có ...", nor "làm việc với đoàn công tác": the article's own visit
                if must_name == "proper":
                    named = toks[after].cap  # "tham quan Bảo tàng ...", not "tham quan sản phẩm ..."
                else:
                    named = any(t.cap for t in toks[after + (0 if keep else 1):end])
                if end > after and (keep and not must_name or named):
                    name = f"{kind} {keep} {clean_name(text[toks[after].start:toks[end - 1].end])}".replace("  ", " ")
                    owner = None if party or opened is not None else _subject_agency(toks, here, k)
                    if owner is not None and not any(a.label == "Agency" and after <= a.i < end for a in here):
                        name += " của " + clean_name(text[owner.start:owner.end])  # "Học viện X khai giảng ..."
                    family = _kinds().get(fold(kind), (fold(kind), False))[0]
                    out.append(Found("Meeting", k, end, name, s, {"specific": True, "family": family, "verb": True,
                                                                  "party": party, "visit": kind == "Buổi"}))
            if toks[k].low == "tổ" and toks[k + 1].low == "chức" and (
                    s.start < title_end or dates.cue(s.start, s.end) is not None) and not _planned(toks, k):
                role, after = _role_at(toks, k + 2)
                implied = _implied().get(" ".join([t.low for t in toks[k + 2:after]]))
                if not implied or match("meetings.txt", toks, k + 2, need_cap=False):
                    continue
                owner = next((a for a in here if a.label == "Agency" and a.j <= k and k - a.j <= 2), None)
                program = next((f for f in here if f.label == "Program" and f.i == after), None)
                if program is not None:
                    end = program.j  # "tổ chức ký kết Chương trình phối hợp ...": what is signed, whole
                else:  # the purpose read as an event's name is ("tổng kết công tác quân sự, quốc phòng năm 2024")
                    namer.family = _kinds().get(fold(implied), (fold(implied), False))[0]
                    end, _ = namer._phrase(s, k + 2, k + 2, True)
                phrase = _without_days(clean_name(text[toks[k + 2].start:toks[end - 1].end]))
                head, _, tail = implied.partition(" ")
                # "tổ chức chiêu đãi ..." is a "Tiệc chiêu đãi ...", not a "Tiệc chiêu đãi chiêu đãi ..."
                name = f"{head} {phrase}" if tail and fold(phrase).startswith(fold(tail)) else f"{implied} {phrase}"
                if owner is not None and not any(a.label == "Agency" and k + 2 <= a.i < end for a in here):
                    name += " của " + clean_name(text[owner.start:owner.end])  # whose conference, ceremony
                family = _kinds().get(fold(implied), (fold(implied), False))[0]
                out.append(Found("Meeting", k + 2, end, name, s, {"specific": True, "verb": True, "family": family}))
    return out


def _without_days(name: str) -> str:
    """A name without the days it writes in parentheses ("(02/12/1960 - 02/12/2022)")."""
    return re.sub(r"\s*\([\d\s/.\-–]+\)", "", name)


def _subject_agency(toks: list[Tok], here: list[Found], k: int) -> Found | None:
    """The agency that is the subject of the verb at k ("Học viện Lục quân long trọng khai giảng")."""
    while k > 0 and toks[k - 1].low in ("đã", "vừa", "trọng", "long", "thể", "chính", "thức"):
        k -= 1
    return next((a for a in here if a.label == "Agency" and a.j == k), None)


@lru_cache(maxsize=None)
def _verbs() -> dict[str, tuple[tuple[tuple[str, ...], str, str, bool | str], ...]]:
    """First word → (words, kind, words kept, whether the object must name someone: True, "proper" when
    its first word must be capitalised), longest first."""
    out: dict[str, list] = {}
    for row in lexicon.table("event_verbs.tsv"):
        words = tuple(fold_tones(w.lower()) for w in row[0].split())
        flags = row[3].split() if len(row) > 3 else []
        named = "proper" if "proper" in flags else "named" in flags
        out.setdefault(words[0], []).append((words, row[1], row[2] if len(row) > 2 else "", named))
    return {w: tuple(sorted(rows, key=lambda r: len(r[0]), reverse=True)) for w, rows in out.items()}


def _event_verb(toks: list[Tok], k: int) -> tuple[int, str, str, bool | str] | None:
    """(first token of the object, kind, words kept, whether the object must name someone) of an event
    verb at k, or None."""
    for words, kind, keep, named in _verbs().get(toks[k].low, ()):
        n = len(words)
        if k + n < len(toks) and all(toks[k + m].low == words[m] for m in range(1, n)):
            if _is_word(toks[k + n - 1], toks[k + n]) and not toks[k + n].cap:
                continue  # "tiếp tục", "tiếp nhận": another word
            if not keep and not (toks[k + n].cap or toks[k + n].low in ("đoàn", "ngài", "ông", "bà", "đại", "lãnh")):
                continue  # "tiếp" a delegation or a guest, named
            return k + n, kind, keep, named
    return None


def _people_at(toks: list[Tok], k: int) -> int:
    """End of a word for a group of people at k ("cán bộ", "chiến sĩ", people_words.txt), or 0."""
    hit = match("people_words.txt", toks, k, need_cap=False) if k < len(toks) else None
    return hit[0] if hit else 0


def _a_country(toks: list[Tok], i: int, end: int) -> bool:
    """The words i..end are a country's name ("Việt Nam", "Vương quốc Campuchia", "nước Lào")."""
    i += 1 if i < end and toks[i].low == "nước" else 0
    hit = match("countries.txt", toks, i)
    return hit is not None and hit[0] == end or fold(" ".join(t.text for t in toks[i:end])) == "việt nam"


def _party_end(toks: list[Tok], k: int, here: list[Found]) -> int:
    """End of who a working session is with: "lãnh đạo Quân ủy Trung ương, Bộ Quốc phòng", up to
    its subject ("về ...") or the end of the clause."""
    end = k
    while end < len(toks) and end - k < 25:
        t = toks[end]
        if t.text in _HARD_STOP or t.low in ("về", "tại", "nhằm", "để", "vào", "trong"):
            break
        if t.low == "và" and end + 1 < len(toks) and not toks[end + 1].cap:
            break  # "... và đồng chủ trì hội nghị": what the subject did next
        if t.low == "với" and end > k and end + 1 < len(toks) and not toks[end + 1].cap:
            break  # "khai giảng năm học mới với 970 học viên": who took part, not the name
        if t.text == ",":
            people = _people_at(toks, end + 1) and any(_people_at(toks, m) == end for m in range(max(k, end - 4), end))
            if end + 1 < len(toks) and any(a.i == end + 1 and a.label == "Agency" for a in here) or people:
                end += 1  # "..., Bộ Quốc phòng", "cán bộ, chiến sĩ Vùng 3": one object
                continue
            break
        if end > k and t.low in _set("stopwords.txt"):
            break
        end += 1
    while end > k and toks[end - 1].low in _TRAILING:
        end -= 1
    return end


def _first_agency(sentences: list[Sentence], agencies: list[Found], text: str) -> str:
    """The agency the article first names in its body: whose event a bare "hội nghị" is. Not one
    named in a person's position ("Ủy viên Trung ương Đảng, Thứ trưởng Bộ Quốc phòng, chủ trì hội
    nghị" is no "Hội nghị Trung ương Đảng")."""
    here = _by_sentence(agencies)
    for a in sorted(agencies, key=lambda a: a.start):
        if a.sent.caption or _titled(a.sent.toks, a.i) or any(
                o is not a and o.i <= a.i and a.j <= o.j for o in here[id(a.sent)]):
            continue  # not "Quân khu 9" of "Bộ Tư lệnh Quân khu 9"
        return a.name
    return ""


def _titled(toks: list[Tok], k: int) -> bool:
    """A position title ends right before token k ("Thứ trưởng" + "Bộ Quốc phòng")."""
    return any(hit[0] == k for n in range(1, 6) if k >= n for hit in [match("positions.txt", toks, k - n)] if hit)


def _complete(name: str, found: list[Found], text: str) -> str:
    """"Hội nghị ký kết": a purpose without its object takes the one the article writes after the same
    verb ("Ký kết chương trình phối hợp giữa ...")."""
    toks = name.split()
    for n in (2, 1):
        verb = fold(" ".join(toks[-n:])) if len(toks) > n else ""
        if _roles().get(verb) == "object":
            break
    else:
        return name
    for f in found:
        if f.label not in ("Program", "Resolution"):
            continue
        st = f.sent.toks
        if f.i >= n and " ".join([t.low for t in st[f.i - n:f.i]]) == verb:
            return f"{name} {clean_name(text[f.start:f.end])}"
    return name


def _meetings(doc: Document, found: list[Found], sentences: list[Sentence], ids: Identity,
              agencies: list[Found]) -> None:
    containers = _by_sentence([f for f in found if f.label in ("Program", "Resolution")])
    namer = _Namer(doc, found)
    mentions = [f for f in found if f.label == "Meeting" and not _starts_inside(f, containers.get(id(f.sent), []))]
    named: list[Found] = []
    refs: list[Found] = []
    taken = {(f.sent.start, f.i) for f in mentions}
    seen: set[str] = set()
    title = _title_span(doc)
    for f in sorted(mentions, key=lambda f: f.start):
        end, name, why = namer.name(f)
        f.extra["family"] = _family(f)
        if why == "named" and " ".join(w for w in fold(name).split() if w not in _CLASSIFIERS) in _kinds():
            why = "reference"  # "buổi lễ bế mạc" is a bare kind: the article's closing ceremony
        if why == "named" and f.i == 0 and f.extra["family"] in seen and f.sent.toks[end - 1].text not in _QUOTES_CLOSE:
            why = "reference"  # "Hội nghị thông qua báo cáo ...": the article's conference, as a subject
        if not title[0] <= f.start < title[1]:
            seen.add(f.extra["family"])
        if why == "named" and not f.sent.toks[f.i].cap and _planned(f.sent.toks, f.i):
            why = "generic"  # "Bộ trưởng sẽ hội đàm với ...": a plan, no event that took place
        if why == "named" and _plural(f):
            why = "generic"  # "tổ chức nhiều cuộc diễn tập khu vực phòng thủ": many, no one event
        if why == "generic":
            f.label = "Meeting?"
            continue
        if why == "named" and not (f.sent.toks[f.i].cap and f.i > 0) and _restates(f, name, named):
            why = "reference"  # "triển lãm giới thiệu hơn 400 sản phẩm": the article's exhibition again
        if why == "named":
            f.j, f.name = max(end, f.i + 1), _complete(name, found, doc.text)
            f.extra["specific"] = True
            # "Đại tướng X hội đàm với ...": the kind used as the verb of its subject
            f.extra["verb"] = _subject_verb(f, namer.here.get(id(f.sent), []))
            hit = namer.kind_at(f.sent, f.i)
            kind = f.name[:len(hit[1])] if hit else ""
            f.extra["party"] = fold(kind) in _party_kinds()
            rest = f.name[len(kind):].strip()
            rest = rest[len("với "):] if rest.startswith("với ") else rest
            if f.extra["verb"] and f.extra["party"] and rest and not rest.startswith("giữa "):
                # "Đại tướng A đã hội đàm với Đại tướng B", "A hội kiến B": held between the two
                side = _subject(f, namer.here.get(id(f.sent), []), doc.text)
                if side:
                    f.name = f"{kind} giữa {side} và {rest}"
            named.append(f)
        else:
            f.j, f.name = max(end, f.i + 1), name
            f.extra["specific"] = False
            refs.append(f)
    skip = [(f.start, f.end) for f in found if f.label in ("Resolution", "Program")]
    dates = Dates(doc.text, doc.date, skip)
    verbs = _verb_events(doc, sentences, found, taken, dates, namer)
    found.extend(verbs)
    named.extend(verbs)
    named.sort(key=lambda f: f.start)
    events: list[_Event] = []
    of_family: dict[str, list[_Event]] = {}  # a long article names thousands of events: look in their family
    same_event = _SameEvent(namer.aliases)
    # the body first, then the headline joins the body's event of its family
    for f in sorted(named, key=lambda f: (title[0] <= f.start < title[1], f.start)):
        kin = of_family.setdefault(f.extra["family"], [])
        same = [e for e in kin[-_NEAR:] if any(same_event(f.name, n) for n in dict.fromkeys(e.names))][:1]
        if not same and title[0] <= f.start < title[1]:
            same = kin[:1]
        if same:
            same[0].mentions.append(f)
            same[0].names.append(f.name)
        else:
            events.append(_Event(f.extra["family"], f.name, [f]))
            kin.append(events[-1])
    owner = _first_agency(sentences, agencies, doc.text)
    named_events = [e for e in events if any(m.extra.get("specific") for m in e.mentions)]
    sittings = [e for e in named_events if e.family in _SITTINGS]
    # what each named event is about: the words of its names after its kind, with the kind's family
    subjects = [(e.family, f" {fold(n)} "[len(e.family) + 1:]) for e in named_events for n in dict.fromkeys(e.names)]
    for f in sorted(refs, key=lambda f: f.start):
        family = f.extra["family"]  # "phiên họp" is a sitting of the article's "Kỳ họp" (meetings.txt)
        if _plural(f):
            continue  # "các cuộc hội thi, hội thao": no particular event
        home = [e for e in of_family.get(family, [])[-_NEAR:] if _kind_fits(f, e)]
        if home:
            before = [e for e in home if e.start <= f.start]
            (max(before, key=lambda e: e.start) if before else home[0]).mentions.append(f)
            continue
        ceremony = _ceremony_of(f, events, title)
        if ceremony:  # "lễ bế mạc" of the article's contest: "Lễ bế mạc Hội thao ..."
            events.append(_Event(family, ceremony, [f]))
            of_family.setdefault(family, []).append(events[-1])
            continue
        if title[0] <= f.start < title[1] or fold(f.name) not in _referring():
            continue  # "tổ chức hội thi": a kind of event the article's own does not name
        if _reviewed(f, subjects):
            f.label = "Meeting?"  # "Cuộc diễn tập đã đạt ..." after "Hội nghị tổng kết diễn tập ...": its subject
            continue
        if named_events and family in ("lễ", "họp"):
            # "Quang cảnh buổi lễ" in an article of one named event: that event, not a "Buổi lễ" of its own
            min(named_events, key=lambda e: e.start).mentions.append(f)
            continue
        if family == "hội nghị" and sittings:
            sittings[0].mentions.append(f)  # "tổ chức phiên họp thứ 3 ... đồng chủ trì hội nghị": the sitting
            continue
        name = _context_name(f, refs, owner, doc.text, sentences, found, namer) if family not in _BETWEEN \
            else _between_host_and_guest(f, named_events, namer.here, doc.text)
        if not name or fold(name) in _kinds() or fold(name) in _referring():
            f.label = "Meeting?"  # a bare kind names no event, and the article says no more of it
            continue
        events.append(_Event(family, name, [f]))
        of_family.setdefault(family, []).append(events[-1])
    if not events:
        return
    main = _main_event(events, dates, title)
    events.sort(key=lambda e: (e is not main, e.start))
    first_of_sentence = {}
    for e in events:
        for f in e.mentions:
            k = id(f.sent)
            if k not in first_of_sentence or f.start < first_of_sentence[k].start:
                first_of_sentence[k] = f
    dated_names: dict[int, tuple[str, str]] = {}
    for e in events:
        name = _best_name(e, title)
        date = ""
        for f in sorted(e.mentions, key=lambda f: f.start):
            s = f.sent
            if s.caption or title[0] <= f.start < title[1]:
                continue
            cue = dates.cue(s.start, s.end)
            if first_of_sentence[id(s)] is f or cue is not None and cue.role == "held" and cue.start > f.start:
                date = dates.date_of(s.start, s.end, name)
                if date:
                    break
        if not date and e is main:
            for s in sentences[:6]:
                if s.caption or title[0] <= s.start < title[1]:
                    continue
                if dates.cue(s.start, s.end) is not None:
                    date = dates.date_of(s.start, s.end, name)
                    if date:
                        break
        dated_names[id(e)] = (name, date)
    for e in events:
        name, date = dated_names[id(e)]
        date = date or _opening_day(name, dated_names) or _after(e, events, dated_names)
        dated = re.search(r"\b(19|20)\d{2}\b|lần thứ", name)
        key = f"{fold(name)}|{date}" if date else (fold(name) if dated else f"{fold(name)}|{doc.id}")
        owner = _owner_of(e, namer, ids) if date else ""
        guests = _guests_of(e, namer, ids) if date else ""
        if owner:
            # one event however each outlet words it: its kind, purpose, owner and day
            key = f"{_purpose_of(name)}|{owner}|{date}"
        elif guests:  # a welcome, reception or talks: its kind, the people it is held with, the day
            key = f"{e.family}|{guests}|{date}"
        for f in e.mentions:
            ent = ids.add(f, "Meeting", key, name)
            ent.date = ent.date or date
        # a bare kind ("hội nghị", "buổi lễ") is no name of the event, nor an alias
        ent.aliases = {a for a in ent.aliases if fold(a) not in _kinds() and fold(a) not in _referring()}


def _owner_of(e: _Event, namer: _Namer, ids: Identity) -> str:
    """The key of the agency that holds the event: the organiser written as the subject of "tổ
    chức" before one of its mentions, else the agency its name gives after "của"; '' when none."""
    for f in sorted(e.mentions, key=lambda f: f.start):
        if f.extra.get("verb") and f.extra.get("party"):
            return ""  # talks and receptions are held between parties, not by an owner
        owner = namer._organiser(f.sent, f.i)
        if owner is not None and id(owner) in ids.of:
            return ids.of[id(owner)].key
    for f in sorted(e.mentions, key=lambda f: f.start):
        toks = f.sent.toks
        for a in namer.here.get(id(f.sent), []):
            if a.label == "Agency" and f.i < a.i < f.j and toks[a.i - 1].low == "của" and id(a) in ids.of:
                return ids.of[id(a)].key
    return ""


def _guests_of(e: _Event, namer: _Namer, ids: Identity) -> str:
    """The keys of the people named in a welcome's, reception's or talks' name, sorted, or ''."""
    keys = set()
    for f in e.mentions:
        if f.extra.get("party"):
            keys.update(ids.of[id(p)].key for p in namer.here.get(id(f.sent), [])
                        if p.label == "Person" and f.i <= p.i < f.j and id(p) in ids.of)
    return "+".join(sorted(keys))


def _purpose_of(name: str) -> str:
    """What an event's name says it is, for telling two events of one owner on one day apart: its
    kind and the purpose written right after it ("hội nghị tổng kết"), or, with no purpose, the kind
    and the word after it ("lễ khai mạc cuộc")."""
    words = fold(name).split()
    for n in (3, 2, 1):
        if fold(" ".join(words[:n])) in _kinds():
            rest = words[n:]
            for m in (3, 2, 1):
                if _roles().get(" ".join(rest[:m])) in ("purpose", "object"):
                    return " ".join(words[:n] + rest[:m])
            return " ".join(words[:n + 1])
    return " ".join(words[:2])


_OPENED = ("triển lãm", "hội thi", "hội thao", "hội chợ", "hội báo", "đại hội", "diễn đàn", "hội thảo", "kỳ họp")


def _ceremony_of(f: Found, events: list[_Event], title: tuple[int, int] = (-1, -1)) -> str:
    """A bare opening or closing ceremony ("lễ bế mạc") is that of the article's exhibition, contest or
    congress: its name is the ceremony's kind with that event's name — the one the headline opens or
    closes ("Bế mạc Hội nghị tập huấn ..."), else the one event of such a kind before it."""
    hit = match("meetings.txt", f.sent.toks, f.i, need_cap=False)
    kind = hit[1] if hit else ""
    if fold(kind) not in ("lễ khai mạc", "lễ bế mạc"):
        return ""
    verb = fold(kind).split(" ", 1)[1]
    for e in events:
        for m in e.mentions:
            toks = m.sent.toks
            if title[0] <= m.start < title[1] and m.i >= 2 and fold(f"{toks[m.i - 2].text} {toks[m.i - 1].text}") == verb:
                return f"{kind[0].upper() + kind[1:]} {max(e.names, key=len)}"
    opened = [e for e in events if e.family in _OPENED and e.start < f.start]
    if len({e.family for e in opened}) != 1:
        return ""  # none, or several kinds: no guess
    kind = kind[0].upper() + kind[1:]
    return f"{kind} {opened[0].names[0]}"


def _subject(f: Found, here: list[Found], text: str) -> str:
    """The person who is the subject of an event kind used as a verb, as written with the rank
    before the name: the first person of the sentence, when no clause ends between ("Chiều 5/6,
    Đại tướng A, Bộ trưởng Bộ Quốc phòng, đã hội đàm với ...")."""
    person = _subject_person(f, here)
    return _with_rank(person, here, text) if person is not None else ""


def _subject_person(f: Found, here: list[Found]) -> Found | None:
    toks = f.sent.toks
    person = min((p for p in here if p.label == "Person" and p.j <= f.i), key=lambda p: p.i, default=None)
    if person is None or any(t.text in _HARD_STOP or t.low == "và" for t in toks[person.j:f.i]):
        return None
    return person


def _with_rank(person: Found, here: list[Found], text: str) -> str:
    """A person's name as written with the rank before it ("Đại tướng Nguyễn Văn A")."""
    rank = next((r for r in here if r.label == "Rank" and r.j == person.i), None)
    return clean_name(text[(rank or person).start:person.end])


def _subject_verb(f: Found, here: list[Found]) -> bool:
    """"Đại tướng X hội đàm với ...", "X đã có cuộc hội đàm với ...": the kind is its subject's verb."""
    toks = f.sent.toks
    if toks[f.i].cap:
        return False
    k = f.i
    while k > 0 and toks[k - 1].low in ("đã", "có", "cuộc", "buổi", "sẽ", "vừa"):
        k -= 1
    return any(p.label in ("Person", "Agency") and p.j == k for p in here)


def _kind_fits(f: Found, e: _Event) -> bool:
    """A bare "lễ bế mạc" is no "Lễ khai mạc ...": a reference of a kind more particular than its family
    ("buổi lễ", "lễ") stands only for an event of that kind."""
    hit = match("meetings.txt", f.sent.toks, f.i, need_cap=False)
    kind = fold(hit[1]) if hit else ""
    if not kind.startswith("lễ "):
        return True
    return any(fold(n).startswith(kind) for n in e.names)


def _restates(f: Found, name: str, named: list[Found]) -> bool:
    """A lower-case mention after a named event of its family that names nothing of its own (no
    capitalised word, no year): the sentence goes on about that event."""
    family = _family(f)
    if not any(g.extra.get("family") == family and g.start < f.start for g in named):
        return False
    words = name.split()[len(match("meetings.txt", f.sent.toks, f.i, need_cap=False)[1].split()):]
    return not any(w[:1].isupper() for w in words) and not _years(name)


@lru_cache(maxsize=None)
def _referring() -> frozenset[str]:
    """Kinds that, written bare, refer to the article's own event ("tại hội nghị", "dự buổi lễ")."""
    return frozenset(fold(w) for w in lexicon.words("event_references.txt"))


def _reviewed(f: Found, subjects: list[tuple[str, str]]) -> bool:
    """A bare kind that is what one of the article's named events is about ("Hội nghị tổng kết diễn
    tập chỉ huy ..." and then "Cuộc diễn tập đã đạt ...") refers to that subject, an event the article
    does not report, not to an event of its own. `subjects`: (family, the name's words after the kind)."""
    words = f' {" ".join(w for w in fold(f.name).split() if w not in _CLASSIFIERS)} '
    return any(words in about for family, about in subjects if family != f.extra["family"])


def _plural(f: Found) -> bool:
    toks = f.sent.toks
    before = [t.low for t in toks[max(0, f.i - 2):f.i]]
    return bool(set(before) & {"các", "những", "nhiều", "mọi", "từng"})


def _after(e: _Event, events: list[_Event], dated: dict[int, tuple[str, str]]) -> str:
    """"Sau lễ đón, hai Bộ trưởng tiến hành hội đàm": an event the article tells right after another
    one, in a sentence that begins with it, took place on that one's day."""
    for f in e.mentions:
        toks = f.sent.toks
        lead = 1 if toks[:1] and toks[0].low == "sau" else 2 if [t.low for t in toks[:2]] == ["ngay", "sau"] else 0
        if not lead:
            continue
        for other in events:  # the other event right after "Sau": not "Sau 3 ngày, ..."
            if other is not e and dated[id(other)][1] and any(
                    g.sent is f.sent and g.i == lead and g.start < f.start for g in other.mentions):
                return dated[id(other)][1]
    return ""


def _opening_day(name: str, dated: dict[int, tuple[str, str]]) -> str:
    """An exhibition or contest begins on the day of its opening ceremony ("Lễ khai mạc Triển lãm X")."""
    for other, date in dated.values():
        if date and fold(other).startswith("lễ khai mạc ") and fold(name) in fold(other):
            return date
    return ""


def _title_span(doc: Document) -> tuple[int, int]:
    at = doc.text.find(doc.title) if doc.title else -1
    return (at, at + len(doc.title)) if at >= 0 else (-1, -1)


def _main_event(events: list[_Event], dates: Dates, title: tuple[int, int]) -> _Event:
    """The article's event: the first one its first dated sentence names, else the first in the body."""
    body = [(f, e) for e in events for f in e.mentions
            if not f.sent.caption and not title[0] <= f.start < title[1]]
    body.sort(key=lambda fe: (fe[0].sent.start, fe[0].start))
    for f, e in body:
        if dates.cue(f.sent.start, f.sent.end) is not None:
            return e
    return body[0][1] if body else events[0]


def _best_name(e: _Event, title: tuple[int, int]) -> str:
    """The fullest name the body gives (the headline's when the body has none)."""
    specific = [f for f in e.mentions if f.extra.get("specific")]
    if not specific:
        return e.name
    body = [f for f in specific if not title[0] <= f.start < title[1]] or specific
    best = max(body, key=lambda f: (not f.extra.get("verb"), len(f.name), -f.start)).name
    # the verb phrase that writes it whole and more ("Học viện X khai giảng năm học mới 2025-2026" for a
    # caption's "lễ khai giảng") gives the fuller name
    fuller = [f.name for f in body if f.extra.get("verb") and fold(f.name).startswith(fold(best) + " ")]
    best = max(fuller, key=len) if fuller else best
    # a headline that writes the body's name whole and more ("Hội nghị tập huấn công tác ... năm 2021"
    # for the body's "Hội nghị tập huấn") gives the fuller name
    head = [f.name for f in specific if title[0] <= f.start < title[1] and not f.extra.get("verb")
            and fold(f.name).startswith(fold(best) + " ")]
    return max(head, key=len) if head else best


_BETWEEN = ("hội đàm", "hội kiến")  # held between two sides, never "of" one agency


def _between_host_and_guest(f: Found, named: list[_Event], here: dict[int, list[Found]], text: str) -> str:
    """Talks named by no one: between the two subjects of their clause ("A, ... và B, ... tiến hành
    hội kiến"), else ("Sau lễ đón, hai Bộ trưởng tiến hành hội đàm") between the host and the guest
    of the article's welcome or reception ("Đại tướng A chủ trì lễ đón chính thức Đại tướng B"); ''
    when the article names no such pair."""
    kind = match("meetings.txt", f.sent.toks, f.i, need_cap=False)
    word = kind[1] if kind else f.name
    word = word[0].upper() + word[1:]
    # "Trung tướng A, ... và Đại tướng B, ... đã tiến hành hội kiến": the two subjects of the clause
    toks, people = f.sent.toks, [p for p in here.get(id(f.sent), []) if p.label == "Person" and p.j <= f.i]
    if people and not any(t.text in _HARD_STOP for t in toks[people[0].i:f.i]):
        other = next((q for q in people[1:] if any(t.low == "và" for t in toks[people[0].j:q.i])), None)
        if other is not None:
            f.extra["attendees"] = [people[0], other]
            return (f"{word} giữa {_with_rank(people[0], here[id(f.sent)], text)} và "
                    f"{_with_rank(other, here[id(f.sent)], text)}")
    for e in named:
        for m in e.mentions:
            if not m.extra.get("party") or m.extra.get("verb"):
                continue
            people = [p for p in here.get(id(m.sent), []) if p.label == "Person"]
            guest = next((p for p in people if m.i <= p.i < m.j), None)
            host = _subject_person(m, here.get(id(m.sent), []))
            if guest is not None and host is not None:
                f.extra["attendees"] = [host, guest]  # both are at the talks they are named in
                return (f"{word} giữa {_with_rank(host, here[id(m.sent)], text)} và "
                        f"{_with_rank(guest, here[id(m.sent)], text)}")
    return ""


def _context_name(f: Found, refs: list[Found], owner: str, text: str, sentences: list[Sentence],
                  found: list[Found], namer: _Namer) -> str:
    """A name for an event the article refers to only by its kind: the kind, the period the reports
    at it review (a part of a year is "sơ kết"), the delegation and unit of a working visit, and
    whose event it is."""
    hit = match("meetings.txt", f.sent.toks, f.i, need_cap=False)
    kind = hit[1] if hit else f.name
    if f.extra["family"] == "hội nghị":
        kind = "Hội nghị"
        for r in [r for r in refs if r.extra["family"] == "hội nghị"]:
            m = _PERIOD.search(fold(text[r.sent.start:r.sent.end]))
            if m:
                original = clean_name(text[r.sent.start + m.start():r.sent.start + m.end()])
                return f"{kind} sơ kết {original}" + (f" của {owner}" if owner else "")
        return f"{kind} {owner}".strip()  # "Hội nghị Đảng ủy Tổng cục Kỹ thuật"
    if f.extra["family"] == "làm việc":
        visit = _visit(sentences, found, text) or _worked_at(sentences, found, text)
        if visit:
            return f"{kind} {visit}"
    if f.extra["family"] == "lễ":
        done, doer = _ceremony_done(sentences, namer, text)
        if done:  # who did it was there, and who received it
            f.extra["attendees"] = ([doer] if doer is not None and doer.label == "Person" else []) + namer.recipients
            return done
    return f"{kind} của {owner}" if owner else kind


def _ceremony_done(sentences: list[Sentence], namer: _Namer, text: str) -> tuple[str, Found | None]:
    """"Chủ tịch nước X trao quyết định thăng quân hàm ... Phát biểu tại buổi lễ, ...": a ceremony named
    by no one is named by what a person or agency did at the start of the article, when that is what
    ceremonies are held for (event_words.tsv: the purposes that imply "Lễ")."""
    for s in sentences[:8]:
        toks, here = s.toks, namer.here.get(id(s), [])
        for k in range(1, len(toks)):
            role, after = _role_at(toks, k)
            at = k - 1 if toks[k - 1].low in ("đã", "vừa") else k  # "Thiếu tướng A đã bàn giao ..."
            doer = next((p for p in here if p.label in ("Person", "Agency") and p.j == at), None)
            if role not in ("purpose", "object") or doer is None \
                    or _implied().get(" ".join([t.low for t in toks[k:after]])) != "Lễ":
                continue
            namer.family = "lễ"
            end, _ = namer._phrase(s, k, k, True)
            if end > after:
                # who receives what was done ("trao ... cho A, B"; "bàn giao nhiệm vụ cho C") was there too
                namer.recipients = [p for p in here if p.label == "Person" and p.i > k and any(
                    t.low == "cho" for t in toks[k:p.i])]
                return "Lễ " + _without_days(clean_name(text[toks[k].start:toks[end - 1].end])), doer
    return "", None


def _worked_at(sentences: list[Sentence], found: list[Found], text: str) -> str:
    """"Thiếu tướng X làm việc tại Nhà máy Z113. Tại buổi làm việc, ...": working somewhere names no
    event of its own (a visit, "thăm và làm việc tại ...", does: event_verbs.tsv), but the article's
    bare "buổi làm việc" is the one held at the agency it works at."""
    by_sentence = _by_sentence(found)
    for s in sentences:
        toks = s.toks
        for a in by_sentence.get(id(s), []):
            if a.label == "Agency" and a.i >= 3 and [t.low for t in toks[a.i - 3:a.i]] == ["làm", "việc", "tại"]:
                return "tại " + clean_name(text[a.start:a.end])
    return ""


def _visit(sentences: list[Sentence], found: list[Found], text: str) -> str:
    """"đoàn công tác của Bộ Quốc phòng kiểm tra ... tại Nhà máy Z121": whose delegation, and where."""
    by_sentence = _by_sentence(found)
    for s in sentences[:5]:
        toks = s.toks
        here = [a for a in by_sentence.get(id(s), []) if a.label == "Agency"]
        for k in range(len(toks) - 2):
            if toks[k].low == "đoàn" and toks[k + 1].low == "công" and toks[k + 2].low == "tác":
                at = k + 4 if k + 3 < len(toks) and toks[k + 3].low == "của" else k + 3
                party = next((a for a in here if a.i == at), None)
                place = next((a for a in here if a.i > at and toks[a.i - 1].low == "tại"), None)
                if party is None and place is None:
                    continue
                name = "của đoàn công tác"
                if party is not None:
                    name += " " + clean_name(text[party.start:party.end])
                if place is not None:
                    name += " tại " + clean_name(text[place.start:place.end])
                return name
    return ""


def resolve_events(doc: Document, found: list[Found], sentences: list[Sentence], ids: Identity,
                   agencies: list[Found]) -> None:
    """Event mentions resolved to one dated Meeting entity per event (added to `ids`)."""
    _meetings(doc, found, sentences, ids, agencies)
