"""Vietnamese defence news → entities and relations, each with the sentence that states it.

The rules are small and read the domain knowledge in `loaders/lexicon/`; they rest on how
Vietnamese news writes names: a rank before a person's name (`Trung tướng Trần Minh Đức`), a
chain of positions after it (`, Chủ nhiệm Tổng cục Kỹ thuật`), agencies as a head word and a
capitalised name (`Tổng cục` + `Công nghiệp quốc phòng`), instruments with numbers
(`Nghị quyết số 08-NQ/TW`), and verbs that tie people to events (`chủ trì`, `dự`, `phát biểu`).
"""
from __future__ import annotations

import bisect
import hashlib
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from functools import lru_cache

from graph.model import Document, Entity, Evidence, Extraction, Mention, Relation
from loaders import lexicon
from loaders.clean import segment
from loaders.normalize import UPPER, clean_name, entity_key, fold, fold_tones

EXTRACTOR_VERSION = "2026.11.22-3"

# --- tokens and sentences ------------------------------------------------------------------------

_TOKEN = re.compile(r"\w+(?:[-/.]\w+)*|[^\w\s]")
_SENTENCE_END = re.compile(rf"(?<=[.!?…])[\"”’)]*\s+(?=[\"“(]?[{UPPER}0-9])")
_ROMAN = re.compile(r"^[IVXLC]+$")
_DOCNUM = re.compile(r"\d+[a-zA-Z]?(?:\s*/\s*\d{4})?(?:\s*[-/]\s*[A-ZĐa-zđ][\wĐđ]*)+")
_NUMBERISH = re.compile(r"^(?:\d+[A-Za-z]?|[A-Z]+\d+[A-Za-z]*|[IVXLC]+)$")
_UPPER_START = re.compile(rf"^[{UPPER}]")
_ABBREV_TOKEN = re.compile(r"^[A-ZĐ]{2,}[A-ZĐ0-9-]*$")
_DEFINABLE = re.compile(rf"^[{UPPER}][\w-]+$")  # a short name an article gives in parentheses
_HARD_STOP = set(".;:!?…()[]“”\"'")
# Words before a capitalised name that make it a place even when it begins like an agency
# (not "cầu": "điểm cầu Quân khu 7" is a video link to the region).
_PLACE_BEFORE = frozenset({"đảo", "đường", "phố", "sông", "núi", "dịch", "thôn", "bản", "làng", "phường",
                           "xã", "huyện", "quận", "tp"})
# Verbs that, right after an event word, say what the event is for and so belong to its name.
_EVENT_PURPOSES = frozenset({"triển khai", "quán triệt", "thực hiện", "đánh giá", "phổ biến", "ký kết", "công bố",
                             "biểu dương", "tuyên dương", "học tập", "nghiên cứu", "tổ chức"})
_PLURAL = {"các", "những", "nhiều", "một", "số", "mọi", "từng", "hai", "ba", "bốn", "năm"}


@dataclass
class Tok:
    """A word or punctuation mark of a sentence, with its span and folded form."""

    text: str
    start: int
    end: int
    low: str = ""
    cap: bool = False

    def __post_init__(self):
        self.low, self.cap = _token_forms(self.text)


@lru_cache(maxsize=131072)
def _token_forms(text: str) -> tuple[str, bool]:
    """(folded lower case, starts with a capital) of a token; news reuses few distinct words."""
    return fold_tones(text.lower()), bool(_UPPER_START.match(text))


@dataclass
class Sentence:
    """A sentence's span in the text, whether it is a photo caption, and its tokens."""

    start: int
    end: int
    caption: bool
    toks: list[Tok]


@dataclass
class Found:
    """A mention found in a sentence, before entities are resolved."""

    label: str
    i: int  # first token
    j: int  # one past the last token
    name: str  # canonical display name
    sent: Sentence
    extra: dict = field(default_factory=dict)

    @property
    def start(self) -> int:
        return self.sent.toks[self.i].start

    @property
    def end(self) -> int:
        return self.sent.toks[self.j - 1].end


def split_sentences(text: str, lines) -> list[tuple[int, int, bool]]:
    """(start, end, is_caption) of each sentence in the body, title and caption lines."""
    out = []
    for line in lines:
        if line.kind in ("boilerplate", "byline"):
            continue
        start = line.start
        for m in _SENTENCE_END.finditer(text, line.start, line.end):
            out.append((start, m.start(), line.kind == "caption"))
            start = m.end()
        out.append((start, line.end, line.kind == "caption"))
    return [(s + len(text[s:e]) - len(text[s:e].lstrip()), e - (len(text[s:e]) - len(text[s:e].rstrip())), c)
            for s, e, c in out if text[s:e].strip()]


def tokens(text: str, start: int, end: int) -> list[Tok]:
    """The tokens of text[start:end], with offsets into the whole text."""
    return [Tok(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text, start, end)]


# --- lexicons as token tries ---------------------------------------------------------------------

@lru_cache(maxsize=None)
def _phrases(name: str) -> dict[str, list[tuple[tuple[str, ...], str]]]:
    """First word (folded) → [(all words folded, phrase as written)], longest first."""
    index: dict[str, list] = defaultdict(list)
    for phrase in lexicon.words(name):
        words = tuple(fold_tones(w.lower()) for w in phrase.split())
        index[words[0]].append((words, phrase))
    for entries in index.values():
        entries.sort(key=lambda e: len(e[0]), reverse=True)
    return dict(index)


def match(name: str, toks: list[Tok], i: int, need_cap: bool = True) -> tuple[int, str] | None:
    """The longest phrase of lexicon `name` starting at token i: (end index, phrase)."""
    if i >= len(toks) or (need_cap and not toks[i].cap):
        return None
    for words, phrase in _phrases(name).get(toks[i].low, ()):
        n = len(words)
        if i + n <= len(toks) and all(toks[i + k].low == words[k] for k in range(n)):
            return i + n, phrase
    return None


@lru_cache(maxsize=None)
def _agency_kinds() -> dict[str, set[str]]:
    kinds: dict[str, set[str]] = {}
    for row in lexicon.table("agencies.tsv"):
        kinds[row[0]] = set(row[1].split()) if len(row) > 1 else {"head"}
    return kinds


@lru_cache(maxsize=None)
def _abbreviations() -> tuple[dict[str, tuple[str, str]], dict[str, str]]:
    whole, prefixes = {}, {}
    for row in lexicon.table("abbreviations.tsv"):
        if len(row) < 3:
            continue
        if row[2] == "prefix":
            prefixes[row[0]] = row[1]
        else:
            whole[row[0]] = (row[1], row[2])
    return whole, prefixes


@lru_cache(maxsize=None)
def _set(name: str) -> frozenset[str]:
    return frozenset(fold_tones(w.lower()) for w in lexicon.words(name))


@lru_cache(maxsize=None)
def _cues() -> dict[str, str]:
    return {row[0]: row[1] for row in lexicon.table("cues.tsv")}


@lru_cache(maxsize=None)
def _issuers() -> dict[str, str]:
    return {row[0].upper(): row[1] for row in lexicon.table("issuers.tsv")}


@lru_cache(maxsize=None)
def _program_modes() -> dict[str, str]:
    return {row[0]: (row[1] if len(row) > 1 else "named") for row in lexicon.table("programs.txt")}


def _is_word(a: Tok, b: Tok) -> bool:
    return f"{a.low} {b.low}" in lexicon.dictionary()


def _expand(text: str) -> str:
    """Abbreviations inside a name written out: `Tổng cục CNQP` → `Tổng cục Công nghiệp quốc phòng`."""
    whole, prefixes = _abbreviations()
    out = []
    for word in text.split(" "):
        if word in whole:
            out.append(whole[word][0])
            continue
        m = re.fullmatch(r"([A-ZĐ]+)(\d+)", word)
        if m and m.group(1) in prefixes:
            out.append(f"{prefixes[m.group(1)]} {m.group(2)}")
            continue
        out.append(word)
    return " ".join(out)


def _surface(sent: Sentence, text: str, i: int, j: int) -> str:
    return clean_name(text[sent.toks[i].start:sent.toks[j - 1].end])


# --- the recognisers ------------------------------------------------------------------------------

class _Reader:
    """Finds mentions in one document; the rules share what the document has said so far."""

    def __init__(self, doc: Document, outlet_span: tuple[int, int] = (0, 0)):
        self.doc = doc
        self.outlet_span = outlet_span  # "(Báo Hải quân) - ...": the outlet, not an actor of the news
        self.defined: dict[str, str] = {}  # abbreviations the article defines: "Quân khu 3 (QK3)"
        self.text = doc.text
        self.found: list[Found] = []
        self.relations: list[tuple] = []  # (type, Found source, Found target, evidence sentence, title)
        self.taken: dict[int, set[int]] = defaultdict(set)  # sentence index → tokens inside a name

    # agencies -------------------------------------------------------------------------------------

    def agency_at(self, s: Sentence, i: int) -> tuple[int, str, str] | None:
        """(end, display name, head) of an agency name starting at token i."""
        toks = s.toks
        whole, prefixes = _abbreviations()
        tok = toks[i]
        if tok.text in self.defined:
            return i + 1, self.defined[tok.text], ""
        if tok.text in whole and whole[tok.text][1] == "Agency":
            return i + 1, whole[tok.text][0], ""
        m = re.fullmatch(r"([A-ZĐ]+)(\d+)", tok.text)
        if m and m.group(1) in prefixes:
            return i + 1, f"{prefixes[m.group(1)]} {m.group(2)}", prefixes[m.group(1)]
        hit = match("agencies.tsv", toks, i)
        if not hit and tok.text in whole and whole[tok.text][0] in _agency_kinds():
            hit = (i + 1, whole[tok.text][0])  # "UBND tỉnh Lạng Sơn": an abbreviated head word
        if not hit:
            return None
        j, head = hit
        kinds = _agency_kinds()[head]
        k = self._name_part(s, j, "whole" in kinds)
        if k + 1 < len(toks) and toks[k].text.isdigit() and match("place_words.txt", toks, k + 1, need_cap=False):
            return None  # "Bộ Chỉ huy BĐBP 44 tỉnh, thành phố": one per province, no one agency
        if k > j:
            return k, _expand(_surface(s, self.text, i, k)), head
        # "viện trợ" is no institute; but in "Nhà máy chủ trì" the next word is "chủ trì", not "máy chủ"
        split = j < len(toks) and _is_word(toks[j - 1], toks[j]) and not (
            j + 1 < len(toks) and _is_word(toks[j], toks[j + 1]))
        if "whole" in kinds or "pronoun" in kinds and not split:
            return j, head, head  # a whole name, or a bare head ("Tổng cục") standing for one
        return None

    @staticmethod
    def _known_abbreviation(word: str) -> bool:
        whole, prefixes = _abbreviations()
        m = re.fullmatch(r"([A-ZĐ]+)(\d+)", word)
        return word in whole or bool(m and m.group(1) in prefixes)

    def _name_part(self, s: Sentence, j: int, whole_head: bool = False) -> int:
        """End of the proper-name part of an agency that starts at token j (after a whole name such as
        "Bộ Quốc phòng" when `whole_head`)."""
        toks = s.toks
        k = j
        tails = _set("name_tails.txt")
        while k < len(toks):
            t = toks[k]
            if k > j and (match("ranks.txt", toks, k) or match("positions.txt", toks, k)):
                break
            if (whole := match("agencies.tsv", toks, k)) and "whole" in _agency_kinds()[whole[1]]:
                if k > j:
                    break  # "Vụ Pháp chế Bộ Quốc phòng": the ministry it belongs to (see PART_OF in read)
                k = whole[0]  # "Bộ Tư lệnh Cảnh sát biển": a whole name right after the head
                continue
            place = match("place_words.txt", toks, k, need_cap=False)
            if place and not t.cap and toks[k - 1].text.isdigit():
                k -= 1 if k - 1 > j else 0  # "... 44 tỉnh, thành phố": a count of places, no name
                break
            if place and not t.cap:
                k = place[0]  # "... tỉnh Nghệ An", or a bare "... tỉnh" that refers back
                while k < len(toks) and k - place[0] < 4 and (toks[k].cap and toks[k].text.isalpha()
                                                              or toks[k].text.isdigit()):
                    k += 1
                break
            if t.low == "và" and k > j and k + 1 < len(toks) and toks[k + 1].cap and toks[k + 1].text.isalpha() \
                    and not _ABBREV_TOKEN.match(toks[k + 1].text) \
                    and not self._agency_begins(toks, k + 1) and not match("ranks.txt", toks, k + 1) \
                    and not match("positions.txt", toks, k + 1) and not self.person_here(s, k + 1) \
                    and not any(match(kind, toks, k + 1) for kind in ("instruments.txt", "programs.txt",
                                                                        "meetings.txt")):
                k += 1  # "Bộ Khoa học và Công nghệ"
                continue
            if (k > j or whole_head) and t.low in _set("surnames.txt") and t.cap \
                    and self._person_run(s, k) >= k + 3:
                break  # "Thứ trưởng Bộ Quốc phòng Hoàng Xuân Chiến": the name after the agency
            if _NUMBERISH.match(t.text) and (k == j or _NUMBERISH.match(toks[k - 1].text) is None):
                k += 1
                continue
            if t.cap and t.text not in _HARD_STOP and t.text.isalnum() or _ABBREV_TOKEN.match(t.text):
                k += 1
                # "Công nghiệp", "Sĩ quan": a two-syllable word written with one capital; not after
                # another capitalised syllable ("Thủ đô Hà Nội giao ban": "nội giao" is no part)
                if k < len(toks) and not toks[k].cap and toks[k].text.isalpha() and _is_word(t, toks[k]) \
                        and not (k - 2 >= j and toks[k - 2].cap):
                    k += 1
                continue
            if t.text in ("-", "–") and k > j and k + 1 < len(toks) and toks[k + 1].cap:
                k += 1
                continue
            if k > j and k + 1 < len(toks) and f"{t.low} {toks[k + 1].low}" in tails:
                k += 2
                continue
            if k > j and t.low == "và" and k + 2 < len(toks) and f"{toks[k + 1].low} {toks[k + 2].low}" in tails \
                    and not toks[k - 1].cap:
                k += 3  # "Cục Phòng chống ma túy và tội phạm"
                continue
            if k > j and t.low in tails:
                k += 1
                continue
            break
        return k

    # persons --------------------------------------------------------------------------------------

    def _person_run(self, s: Sentence, i: int, most: int = 4) -> int:
        """End of a run of capitalised name syllables starting at i (no head words or titles)."""
        toks = s.toks
        k = i
        while k < len(toks) and k - i < most:
            t = toks[k]
            if not (t.cap and t.text.isalpha()) or t.text.isupper() and len(t.text) > 1:
                break
            if k > i and (k - i >= 2 and self._agency_begins(toks, k) or match("ranks.txt", toks, k)
                          or match("positions.txt", toks, k)):
                break  # ("Nguyễn Trường Thắng": a head word right after the surname is a name)
            k += 1
        return k

    @staticmethod
    def _agency_begins(toks: list[Tok], k: int) -> bool:
        """An agency name starts at k. A head word that is also a given name ("Bùi Xuân Trường,")
        begins one only when a name follows it, or when it is a whole name by itself."""
        hit = match("agencies.tsv", toks, k)
        if not hit:
            return False
        end, head = hit
        if "whole" in _agency_kinds()[head] or end - k > 1:
            return True
        return end < len(toks) and (toks[end].cap or toks[end].text[:1].isdigit())

    @staticmethod
    def _honorifics(toks: list[Tok], k: int) -> int:
        """Past the academic or honorary titles at k ("Thiếu tướng, GS.TS Lê Văn An")."""
        while True:
            at = k + 1 if k < len(toks) and toks[k].text == "," else k
            hit = match("honorifics.txt", toks, at)
            if not hit:
                return k
            k = hit[0]
            if k < len(toks) and toks[k].text == "." and k + 1 < len(toks) and toks[k + 1].cap:
                k += 1  # "TS. Nguyễn Văn An"

    def person_at(self, s: Sentence, i: int, known: dict[str, str]) -> tuple[int, int, str, str] | None:
        """(name start, name end, name, rank) of a person mention at token i."""
        toks = s.toks
        rank = ""
        hit = match("ranks.txt", toks, i)
        start = i
        if hit:
            start, rank = hit[0], hit[1]
            start = self._honorifics(toks, start)
        elif (title := self._honorifics(toks, i)) > i:
            start = title  # "PGS.TS Lê Văn An": an academic title before a name, as "ông" is
        elif toks[i].low in ("đồng", "ông", "bà", "đ/c") and i + 1 < len(toks):
            start = i + 2 if toks[i].low == "đồng" and toks[i + 1].low == "chí" else i + 1
            if toks[i].low == "đồng" and start == i + 1:
                return None  # "đồng" without "chí": the currency, or "đồng chủ trì"
        if start >= len(toks):
            return None
        end = self._person_run(s, start)
        n = end - start
        if n == 0:
            return None
        name = " ".join(t.text for t in toks[start:end])
        if n == 1:
            # "Thượng tướng Thạch": a given name for someone the article named in full
            if not rank:
                return None
            matches = [full for full in known.values() if full.split()[-1] == name]
            if len(set(matches)) != 1:
                return None
            return start, end, matches[0], rank
        if rank or start > i:
            return start, end, name, rank
        surnames = _set("surnames.txt")
        if toks[start].low in surnames and n >= 3 or fold(name) in known:
            prev = toks[start - 1].low if start > 0 else ""
            if prev in _set("name_blockers.txt"):
                return None
            return start, end, name, rank
        return None

    # instruments, programmes, meetings ---------------------------------------------------------------

    def _topic(self, s: Sentence, k: int, most: int, stops: frozenset[str], allow_comma=False) -> int:
        """End of a descriptive phrase from token k: words until punctuation or a stop word."""
        toks = s.toks
        start = k
        while k < len(toks) and k - start < most:
            t = toks[k]
            if t.text == "," and k > start and k + 1 < len(toks) and toks[k - 1].low == "phòng" \
                    and toks[k + 1].low == "chống":
                k += 2  # "phòng, chống": one verb written with a comma
                continue
            if t.text in _HARD_STOP or (t.text == "," and not allow_comma):
                break
            if t.text == ",":
                if k + 1 < len(toks) and (toks[k + 1].cap or toks[k + 1].low in _PLURAL):
                    break
                # a comma inside a name lists its last items: "Công nghiệp quốc phòng, an ninh và ..."
                ahead = toks[k + 1:k + 8]
                stop = next((n for n, a in enumerate(ahead) if a.text in _HARD_STOP or a.text == ","
                             or a.low == "và"), len(ahead))
                if stop == len(ahead) or ahead[stop].low != "và":
                    break
                k += 1
                continue
            if t.low == "và" and k + 1 < len(toks) and toks[k + 1].low in _PLURAL and \
                    " ".join(x.low for x in toks[k + 2:k + 5]) != "năm tiếp theo":
                break  # "Luật Quốc phòng và các văn bản hướng dẫn": another thing ("và những năm tiếp theo" is not)
            two = f"{t.low} {toks[k + 1].low}" if k + 1 < len(toks) else ""
            if k == start and two in _EVENT_PURPOSES:
                k += 2  # "Hội nghị triển khai nhiệm vụ ...": the purpose names the event
                continue
            if two in stops or t.low in stops and not (k > start and _is_word(toks[k - 1], t)):
                break
            if k > start and (match("ranks.txt", toks, k) or self.person_here(s, k)):
                break
            if k > start and t.cap and (match("instruments.txt", toks, k) or match("programs.txt", toks, k)
                                        or match("meetings.txt", toks, k)):
                break  # the start of another name: "Luật Quốc phòng và Quyết định số ..."
            k += 1
        while k > start and toks[k - 1].low in ("và", "của", "với", "về", ",", "-", "các", "những"):
            k -= 1
        return k

    def person_here(self, s: Sentence, k: int) -> bool:
        t = s.toks[k]
        return t.cap and t.low in _set("surnames.txt") and self._person_run(s, k) >= k + 3

    def instrument_at(self, s: Sentence, i: int) -> tuple[int, str, str, tuple[int, int] | None] | None:
        """(end, name, document number, span of an issuing agency inside) of an instrument at i."""
        toks = s.toks
        hit = match("instruments.txt", toks, i, need_cap=False)
        if not hit:
            return None
        j, word = hit
        word = clean_name(self.text[toks[i].start:toks[j - 1].end])
        word = word[0].upper() + word[1:]
        k = j
        if k < len(toks) and toks[k].low == "số":
            k += 1
        m = _DOCNUM.match(self.text, toks[k].start) if k < len(toks) else None
        if m and m.end() <= s.end:
            number = re.sub(r"\s+", "", m.group())
            end = k
            while end < len(toks) and toks[end].end <= m.end():
                end += 1
            return end, f"{word} số {number}", number, None
        if not toks[i].cap:
            return None
        if k < len(toks) and re.fullmatch(r"\d{2,5}", toks[k].text) and (
                k + 1 == len(toks) or toks[k + 1].low in ("của", "ngày", "về", ",", ".", ";", "và")):
            # "Nghị quyết 1657 của Quân ủy Trung ương": a number without its suffix
            issuer = None
            if k + 1 < len(toks) and toks[k + 1].low == "của":
                agency = self.agency_at(s, k + 2) if k + 2 < len(toks) else None
                issuer = (k + 2, agency[0]) if agency else None
            return k + 1, clean_name(self.text[toks[i].start:toks[k].end]), toks[k].text, issuer
        if k < len(toks) and toks[k].low == "của":
            agency = self.agency_at(s, k + 1) if k + 1 < len(toks) else None
            if not agency:
                return None
            end = agency[0]
            if end < len(toks) and toks[end].low == "về":
                end = self._topic(s, end + 1, 30, _set("stopwords.txt") - {"thực hiện", "trong"})
            return end, clean_name(word + " " + self.text[toks[k].start:toks[end - 1].end]), "", (k + 1, agency[0])
        if word in ("Luật", "Bộ luật", "Pháp lệnh", "Hiến pháp"):
            end = self._name_part(s, k)
            if word == "Hiến pháp" and end == k:
                return k, word, "", None
            if end == k:
                return None
            if word != "Hiến pháp":
                end = max(end, self._topic(s, end, 14, _set("stopwords.txt"), allow_comma=True))
            return end, clean_name(self.text[toks[i].start:toks[end - 1].end]), "", None
        if k < len(toks) and toks[k].cap and i > 0:
            end = self._name_part(s, k)
            while end + 2 <= len(toks) and toks[end].low == "lần" and toks[end + 1].low == "thứ":
                end = min(len(toks), end + 3)
            return end, clean_name(self.text[toks[i].start:toks[end - 1].end]), "", None
        if i > 0:  # "Chỉ lệnh công tác kỹ thuật của Bộ Quốc phòng": a named instrument mid-sentence
            end = k
            year = 0
            while end < len(toks) and end - k < 12 and toks[end].low != "của":
                t = toks[end]
                if t.text == "," and end + 1 < len(toks) and not toks[end + 1].cap and toks[end + 1].text.isalpha():
                    end += 1  # "công tác quân sự, quốc phòng"
                    continue
                if t.low == "năm" and end + 1 < len(toks) and re.fullmatch(r"(19|20)\d\d", toks[end + 1].text):
                    end += 2  # "... năm 2024" closes the description
                    year = end
                    break
                if t.cap or not t.text.isalpha() or t.low in _set("stopwords.txt") and not (
                        end > k and _is_word(toks[end - 1], t)):  # "hậu cần" is no "cần"
                    break
                end += 1
            if end > k and end < len(toks) and toks[end].low == "của":
                owner = end + 1
                title = match("positions.txt", toks, owner)
                agency = self.agency_at(s, owner) if owner < len(toks) else None
                if agency is None and title:  # "của Bộ trưởng Bộ Quốc phòng"
                    owner = title[0]
                    agency = self.agency_at(s, owner) if owner < len(toks) else None
                if agency:
                    return (agency[0], clean_name(self.text[toks[i].start:toks[agency[0] - 1].end]), "",
                            (owner, agency[0]))
            if year:
                return year, clean_name(self.text[toks[i].start:toks[year - 1].end]), "", None
        return None

    def program_at(self, s: Sentence, i: int) -> tuple[int, str] | None:
        toks = s.toks
        hit = match("programs.txt", toks, i, need_cap=False)
        if not hit:
            return None
        j, word = hit
        if i > 0 and toks[i - 1].low in _PLURAL:
            return None
        mode = _program_modes()[word]
        if j >= len(toks):
            return None
        m = _DOCNUM.match(self.text, toks[j].start)
        if m and m.end() <= s.end:
            end = j
            while end < len(toks) and toks[end].end <= m.end():
                end += 1
            return end, word + " " + re.sub(r"\s+", "", m.group())
        if _NUMBERISH.match(toks[j].text):
            return j + 1, f"{word} {toks[j].text}"
        quoted = self._quoted(s, j)
        if quoted:  # 'chương trình "Xuân ấm lòng dân"': the quotes name it
            return quoted, self._with_title(s, i, j, quoted)
        # "ký kết thỏa thuận hợp tác ...": what is signed is named, whatever its case
        signed = i > 0 and (toks[i - 1].low == "ký" or toks[i - 1].low == "kết" and i > 1 and toks[i - 2].low == "ký")
        lower_start = not toks[i].cap or i == 0
        if mode != "any" and lower_start and toks[j].low != "của" and not signed:
            return None
        if mode != "any" and not toks[i].cap and toks[j].low != "của" and not signed:
            return None
        end = self._topic(s, j, 25, _set("stopwords.txt"))
        if end == j and len(word.split()) > 2:
            # "đã ký kết chương trình phối hợp.": the kind alone refers back to the programme
            name = clean_name(self.text[toks[i].start:toks[j - 1].end])
            return j, name[0].upper() + name[1:]
        if end == j or toks[j].low in ("và", ","):
            return None
        owner = next((n for n in range(j, end - 1) if toks[n].low == "của"), None)
        if owner is not None and toks[owner + 1].low in _PLURAL | {"từng", "mỗi"}:
            return None  # "chương trình hành động của từng cơ quan": one per unit, no named programme
        quoted = self._quoted(s, end)
        if quoted:
            return quoted, self._with_title(s, i, end, quoted)
        name = clean_name(self.text[toks[i].start:toks[end - 1].end])
        return end, name[0].upper() + name[1:]

    def _quoted(self, s: Sentence, k: int) -> int:
        """One past the closing quote of a title that opens at token k, or 0."""
        toks = s.toks
        if k >= len(toks) or toks[k].text not in ('"', "“"):
            return 0
        for n in range(k + 2, min(len(toks), k + 40)):
            if toks[n].text in ('"', "”"):
                return n + 1
        return 0

    def _with_title(self, s: Sentence, i: int, k: int, end: int) -> str:
        """'Đề án “Tên đề án”': the words before the quotes and the quoted title, quotes unified."""
        toks = s.toks
        head = clean_name(self.text[toks[i].start:toks[k - 1].end])
        title = clean_name(self.text[toks[k + 1].start:toks[end - 2].end])
        return f"{head[0].upper()}{head[1:]} “{title}”"

    def meeting_at(self, s: Sentence, i: int) -> tuple[int, str, bool] | None:
        """(end, name, specific) of an event mention at i."""
        toks = s.toks
        hit = match("meetings.txt", toks, i, need_cap=False)
        if not hit:
            return None
        j, word = hit
        if j < len(toks) and _is_word(toks[j - 1], toks[j]) and j - i == 1:
            return None  # "hội" + "nghị" handled by the phrase; "lễ" inside "lễ hội" etc.
        if i > 0 and toks[i - 1].low in _PLURAL:
            return None
        stops = _set("stopwords.txt") | {"trong", "ở", "về", "nhằm"}
        end = self._topic(s, j, 20, stops)
        if end < len(toks) and toks[end].low == "với" and end + 1 < len(toks):
            agency = self.agency_at(s, end + 1)
            if agency:
                end = agency[0]
        quoted = self._quoted(s, max(end, j))
        if quoted:  # 'Hội thảo khoa học "Ứng dụng trí tuệ nhân tạo"'
            return quoted, self._with_title(s, i, max(end, j), quoted), True
        specific = end > j and not (end == j + 1 and toks[j].low in ("này", "đó", "trên"))
        name = clean_name(self.text[toks[i].start:toks[max(end, j) - 1].end])
        name = name[0].upper() + name[1:]
        return end if specific else j, name, specific

    # one pass over a sentence ---------------------------------------------------------------------------

    def read(self, s: Sentence, known_people: dict[str, str]) -> None:
        toks = s.toks
        previous: Found | None = None  # the last agency read, for "X thuộc Y"
        i = 0
        while i < len(toks):
            agency = self.agency_at(s, i) if toks[i].cap else None
            if agency and (self.outlet_span[0] <= toks[i].start < self.outlet_span[1]
                           or i > 0 and toks[i - 1].low in _PLACE_BEFORE):
                i = agency[0]  # "(Báo Hải quân) - ": the outlet; "quần đảo Trường Sa", "đường Trường Chinh": places
                continue
            if agency:
                end, name, head = agency
                if name != head or "whole" in _agency_kinds().get(head, set()):
                    f = Found("Agency", i, end, name, s, {"head": head})
                    self.found.append(f)
                    # "Vụ Pháp chế Bộ Quốc phòng", "Viện Điện tử thuộc Viện ...": a unit and its parent
                    parent = previous if previous is not None and (
                        previous.j == i or previous.j + 1 == i and toks[previous.j].low == "thuộc"
                        or previous.j + 2 == i and toks[previous.j].low == "trực" and toks[previous.j + 1].low == "thuộc"
                    ) else None
                    if parent is not None:
                        self.relations.append(("PART_OF", parent, f, s, ""))
                    previous = f
                    if end + 2 < len(toks) and toks[end].text == "(" and toks[end + 2].text == ")" \
                            and _DEFINABLE.match(toks[end + 1].text) and toks[end + 1].text != name \
                            and not self._known_abbreviation(toks[end + 1].text):
                        self.defined.setdefault(toks[end + 1].text, name)
                    # "Đảng ủy Tổng cục Kỹ thuật" contains an agency of its own
                    inner = self._inner_agency(s, i, end, head)
                    if inner:
                        self.found.append(inner)
                        self.relations.append(("PART_OF", f, inner, s, ""))
                    i = end
                    continue
                self.found.append(Found("Agency?", i, end, head, s, {"head": head}))
                i = end
                continue
            person = self.person_at(s, i, known_people)
            if person:
                start, end, name, rank = person
                p = Found("Person", start, end, name, s)
                self.found.append(p)
                known_people[fold(name)] = name
                if rank:
                    r = Found("Rank", i, match("ranks.txt", toks, i)[0], rank, s)
                    self.found.append(r)
                    self.relations.append(("HAS_RANK", p, r, s, ""))
                i = end
                continue
            i += 1
        # instruments, programmes and events may contain agency names: a second pass
        for i in range(len(toks)):
            inst = self.instrument_at(s, i)
            if inst:
                end, name, number, issuer = inst
                self.found.append(Found("Resolution", i, end, name, s, {"number": number, "issuer": issuer}))
                continue
            prog = self.program_at(s, i)
            if prog:
                self.found.append(Found("Program", i, prog[0], prog[1], s))
                continue
            meeting = self.meeting_at(s, i)
            if meeting:
                end, name, specific = meeting
                self.found.append(Found("Meeting", i, end, name, s, {"specific": specific}))

    def _inner_agency(self, s: Sentence, i: int, end: int, head: str) -> Found | None:
        if head not in ("Đảng ủy", "Đảng bộ", "Bộ Tư lệnh", "Bộ Chỉ huy", "Đảng ủy Quân sự"):
            return None
        j = i + len(head.split())
        if j < end:
            inner = self.agency_at(s, j)
            if inner and inner[0] == end and inner[1] != inner[2] or inner and inner[0] == end and \
                    "whole" in _agency_kinds().get(inner[2], set()):
                return Found("Agency", j, end, inner[1], s, {"head": inner[2]})
        return None


# --- the document pass ---------------------------------------------------------------------------------

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


def extract(doc: Document) -> Extraction:
    """Entities and relations of one document, with evidence; pure and safe on any text."""
    lines, meta = segment(doc.text)
    doc = replace(doc, title=doc.title or meta.title, date=doc.date or meta.date,
                  outlet=doc.outlet or meta.outlet, authors=doc.authors or meta.authors)
    reader = _Reader(doc, meta.outlet_span)
    sentences = [Sentence(s, e, cap, tokens(doc.text, s, e)) for s, e, cap in split_sentences(doc.text, lines)]
    known: dict[str, str] = {}
    for s in sentences:
        reader.read(s, known)
    return _assemble(doc, reader, sentences)


def content_hash(doc: Document) -> str:
    """sha256 of the extractor version, the document id, its metadata and text: a changed text or an
    upgraded extractor gives a new hash, so the document is extracted again."""
    h = hashlib.sha256()
    for part in (EXTRACTOR_VERSION, doc.id, doc.title, doc.date, doc.url, doc.text):
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\x00")
    return h.hexdigest()


@dataclass
class _Ent:
    label: str
    key: str
    name: str
    mentions: list[Found] = field(default_factory=list)
    aliases: set[str] = field(default_factory=set)
    date: str = ""


def _assemble(doc: Document, reader: _Reader, sentences: list[Sentence]) -> Extraction:
    text = doc.text
    ents: dict[tuple[str, str], _Ent] = {}
    of: dict[int, _Ent] = {}  # id(Found) → entity

    def add(f: Found, label: str, key: str, name: str) -> _Ent:
        e = ents.get((label, key))
        if e is None:
            e = ents[label, key] = _Ent(label, key, name)
        e.mentions.append(f)
        surface = clean_name(text[f.start:f.end])
        if surface and fold(surface) != fold(e.name):
            e.aliases.add(surface)
        of[id(f)] = e
        return e

    found = reader.found
    # agencies first: bare heads ("Tổng cục") resolve to the agency with that head nearest before
    agencies = [f for f in found if f.label == "Agency"]
    full_names = _agency_full_names([f.name for f in agencies])
    for f in agencies:
        name = full_names.get(f.name, f.name)
        add(f, "Agency", entity_key("Agency", name), name)
    by_head: dict[str, list[Found]] = defaultdict(list)
    for f in agencies:
        if f.extra.get("head"):
            by_head[fold(f.extra["head"])].append(f)
    bare = [f for f in found if f.label == "Agency?"]
    bare.sort(key=lambda f: fold(f.extra["head"]) in _COMMITTEES)
    in_sentence = _by_sentence(found)
    heads = {h: _Candidates(fs) for h, fs in by_head.items()}
    for f in bare:
        owner = _committee_owner(f, [a for a in in_sentence[id(f.sent)] if a.label == "Agency"], of)
        if owner is not None:  # "Bí thư Đảng ủy, Chính ủy Quân khu 9": the committee of Quân khu 9
            f.label = "Agency"
            name = f"{f.extra['head']} {owner.name}"
            add(f, "Agency", entity_key("Agency", name), name)
            continue
        candidates = heads.get(fold(f.extra["head"]))
        target = candidates.nearest(f) if candidates else None
        if target is not None:
            f.label = "Agency"
            add(f, "Agency", of[id(target)].key, of[id(target)].name)
    for f in found:
        if f.label in ("Person", "Rank"):
            add(f, f.label, fold(f.name), f.name)
        elif f.label == "Resolution":
            full = _full_number(f, found)
            if full is not None:  # "Chỉ thị 05" for the article's "Chỉ thị số 05-CT/TW"
                add(f, "Resolution", fold(full.extra["number"]), full.name)
                continue
            key = fold(f.extra["number"]) if f.extra.get("number") else entity_key("Resolution", f.name)
            add(f, "Resolution", key, f.name)
    _programs(found, add)
    _meetings(doc, found, sentences, add, agencies, of)

    relations: list[tuple[str, _Ent, _Ent, Sentence, str]] = []
    for rtype, a, b, s, title in reader.relations:
        if id(a) in of and id(b) in of:
            relations.append((rtype, of[id(a)], of[id(b)], s, title))
    by_sentence: dict[int, list[Found]] = defaultdict(list)
    for f in found:
        if id(f) in of:
            by_sentence[id(f.sent)].append(f)
    attending = False
    for s in sentences:
        here = by_sentence.get(id(s), [])
        rels = _sentence_relations(s, here, of, ents, continues=attending)
        relations.extend(rels)
        attending = any(r[0] == "ATTENDED" for r in rels) and not s.caption
    # an issuer written as the instrument's owner ("Nghị quyết của Quân ủy Trung ương", "Quyết định
    # số 12/QĐ-BQP của Bộ trưởng Bộ Quốc phòng"); failing that, the one its number names ("NĐ-CP")
    agency_by_key = {e.key: e for e in ents.values() if e.label == "Agency"}
    explicit: dict[int, list[tuple]] = defaultdict(list)  # id(resolution entity) → relations
    numbered: list[tuple[Found, str]] = []
    for f in found:
        if f.label != "Resolution" or id(f) not in of:
            continue
        here = by_sentence.get(id(f.sent), [])
        owners = []
        issuer = f.extra.get("issuer")
        if issuer:
            owners = [a for a in here if a.label == "Agency" and a.i >= issuer[0] and a.j <= issuer[1]][:1]
        toks = f.sent.toks
        k = f.j
        if k + 2 < len(toks) and toks[k].low == "ngày":  # "Nghị quyết số 08-NQ/TW ngày 26/1/2022 của ..."
            k += 1
            while k < len(toks) and (toks[k].text.isdigit() or toks[k].text in "/-" or _DOCNUM.match(toks[k].text)):
                k += 1
        if not owners and k < len(toks) and toks[k].low == "của":
            owners = _owner_at(toks, k + 1, here)
        for a in owners:
            explicit[id(of[id(f)])].append(("ISSUED", of[id(a)], of[id(f)], f.sent, ""))
        if f.extra.get("number"):
            numbered.append((f, f.extra["number"]))
    for rels in explicit.values():
        relations.extend(rels)
    for f, number in numbered:
        if id(of[id(f)]) in explicit:
            continue
        for suffix, who in _issuers().items():
            if number.upper().endswith(suffix) and entity_key("Agency", who) in agency_by_key:
                relations.append(("ISSUED", agency_by_key[entity_key("Agency", who)], of[id(f)], f.sent, ""))
    return _build(doc, ents, relations)


_COMMITTEES = {"đảng ủy", "đảng bộ"}


def _agency_full_names(names: list[str]) -> dict[str, str]:
    """Short forms of an agency named in full elsewhere in the document: "Bộ Chỉ huy Quân sự tỉnh"
    for "Bộ Chỉ huy Quân sự tỉnh Nghệ An", "Tổng cục Chính trị" for "Tổng cục Chính trị Quân đội
    nhân dân Việt Nam". The first full form written is the display name."""
    places = _set("place_words.txt")
    distinct = list(dict.fromkeys(names))
    out: dict[str, str] = {}
    for short in distinct:
        folded = fold(short)
        bare_place = any(folded.endswith(" " + p) for p in places)
        for full in distinct:
            f = fold(full)
            if f == folded or not f.startswith(folded + " "):
                continue
            rest = f[len(folded) + 1:]
            # "Đảng ủy Quân khu" for "Đảng ủy Quân khu 9": only the unit's number is left out;
            # "Bộ Tư lệnh Thủ đô" for "Bộ Tư lệnh Thủ đô Hà Nội": only a capitalised place
            numbered = (_NUMBERISH.match(rest.upper()) or _CAPITALISED_REST.match(full[len(short) + 1:])) \
                and len(folded.split()) >= 3
            if bare_place and not any(rest.startswith(p + " ") for p in places) \
                    or rest in _OWNER_SUFFIXES or numbered:
                out[short] = full
                break
    return out


_CAPITALISED_REST = re.compile(rf"^[{UPPER}]\w*(?: [{UPPER}]\w*){{0,2}}$")
# What a national body may add after its name without becoming another body.
_OWNER_SUFFIXES = {"việt nam", "quân đội nhân dân việt nam", "nhân dân việt nam", "qđnd việt nam"}


def _committee_owner(f: Found, agencies: list[Found], of) -> _Ent | None:
    """The agency a bare party committee in a position chain belongs to: in "Bí thư Đảng ủy, Chính ủy
    Quân khu 9" the committee is that of the agency the chain goes on to name."""
    if fold(f.extra["head"]) not in _COMMITTEES:
        return None
    toks = f.sent.toks
    k = f.j
    while k < len(toks) and toks[k].text in (",", "kiêm") or k < len(toks) and toks[k].low == "kiêm":
        k += 1
        hit = match("positions.txt", toks, k)
        if not hit:
            return None
        k = _field_end(toks, hit[0], [a for a in agencies if a.sent is f.sent])
        agency = next((a for a in agencies if a.sent is f.sent and a.i == k), None)
        if agency is not None:
            return of.get(id(agency))
    return None


def _full_number(f: Found, found: list[Found]) -> Found | None:
    """The article's fully numbered instrument a short number stands for: "Nghị quyết 1657" for
    "Nghị quyết số 1657-NQ/QUTW" (same kind of instrument, same leading number)."""
    number = f.extra.get("number") or ""
    if not number.isdigit():
        return None
    kind = fold(f.name).split(" số ")[0].rsplit(" ", 1)[0]
    for other in found:
        n = (other.extra.get("number") or "") if other.label == "Resolution" else ""
        if n[len(number):len(number) + 1] in ("-", "/") and n.startswith(number) \
                and fold(other.name).startswith(kind + " "):
            return other
    return None


def _owner_at(toks: list[Tok], k: int, here: list[Found]) -> list[Found]:
    """The agency named at k, or after a title at k ("của Bộ trưởng Bộ Quốc phòng")."""
    hit = match("positions.txt", toks, k)
    if hit and not any(a.label == "Agency" and a.i == k for a in here):
        k = hit[0]
    return [a for a in here if a.label == "Agency" and a.i == k][:1]


class _Candidates:
    """Named agencies of one head word, indexed so that a long article resolves bare heads fast."""

    def __init__(self, found: list[Found]):
        self.ordered = sorted(found, key=lambda c: c.start)
        self.starts = [c.start for c in self.ordered]
        self.by_sentence: dict[int, list[Found]] = defaultdict(list)
        for c in found:
            self.by_sentence[id(c.sent)].append(c)

    def nearest(self, f: Found) -> Found | None:
        """The one in f's sentence nearest to it, else the last one before f, else the first one."""
        same = self.by_sentence.get(id(f.sent))
        if same:
            return min(same, key=lambda c: abs(c.i - f.i))
        k = bisect.bisect_left(self.starts, f.start)
        if k > 0:
            return self.ordered[k - 1]
        return self.ordered[0] if self.ordered else None


@lru_cache(maxsize=65536)
def _words(name: str) -> frozenset[str]:
    return frozenset(re.findall(r"\w+", fold(name)))


@lru_cache(maxsize=65536)
def _similar(a: str, b: str) -> bool:
    """Two descriptive names of one programme or event: one contains the other, or most words agree."""
    fa, fb = fold(a), fold(b)
    if fa in fb or fb in fa:
        return True
    wa, wb = _words(a), _words(b)
    return bool(wa and wb) and len(wa & wb) / len(wa | wb) >= 0.5


def _same_programme(a: str, b: str) -> bool:
    """Two names of one programme: similar, or the same kind ("Chương trình phối hợp") where one
    names the parties ("giữa A và B", "với B") and the other the subject."""
    if _similar(a, b):
        return True
    wa, wb = fold(a).split(), fold(b).split()
    n = 0
    while n < min(len(wa), len(wb)) and wa[n] == wb[n]:
        n += 1
    return n >= 3 and bool({"giữa", "với"} & {w[n] for w in (wa, wb) if n < len(w)})


def _group(mentions: list[Found], same_kind=lambda a, b: True, similar=None) -> list[list[Found]]:
    """Mentions grouped so that similar names (see `_similar`) are one group; distinct names are
    compared once, so a long article with many mentions stays fast."""
    by_name: dict[str, list[Found]] = {}
    for f in mentions:
        by_name.setdefault(f.name, []).append(f)
    groups: list[tuple[list[str], list[Found]]] = []
    for name, fs in by_name.items():
        for names, g in groups:
            if same_kind(name, names[0]) and any((similar or _similar)(name, other) for other in names):
                names.append(name)
                g.extend(fs)
                break
        else:
            groups.append(([name], list(fs)))
    return [g for _, g in groups]


def _programs(found: list[Found], add) -> None:
    same_word = lambda a, b: a.split()[0] == b.split()[0]
    for g in _group([f for f in found if f.label == "Program"], same_word, _same_programme):
        best = max(g, key=lambda f: (len(f.name), -f.start))
        for f in g:
            add(f, "Program", fold(best.name), best.name)


# Events written in lower case without a description count only when they are of these kinds:
# "tại hội nghị" is the article's meeting, "các hội thi, tập huấn" is no particular event.
_BARE_EVENTS = {"hội nghị", "buổi làm việc", "hội thảo", "tọa đàm", "cuộc họp", "phiên họp", "hội đàm", "buổi lễ",
                "buổi tiếp", "lễ ký kết", "kỳ họp", "diễn đàn"}


# What a bare mention may stand for besides its own kind: "buổi lễ" is the "Lễ ra quân ..." of the
# article, "hội nghị" its "giao ban ..." (a briefing is held as a conference).
_BARE_HOMES = {"buổi lễ": ("lễ", "buổi lễ"), "hội nghị": ("hội nghị", "giao ban")}


def _headline_joins(doc: Document, groups: list[list[Found]]) -> list[list[Found]]:
    """A meeting named only in the headline joins the body's meeting of the same kind: the headline
    "Hội nghị quân chính Sư đoàn 312" is the "Hội nghị quân chính năm 2025" of the lead."""
    title = doc.text.find(doc.title) if doc.title else -1
    if title < 0:
        return groups
    end = title + len(doc.title)
    out = [g for g in groups if not all(title <= f.start < end for f in g)]
    for g in groups:
        if g in out:
            continue
        head = fold(g[0].name).split()[:2]
        same = [o for o in out if fold(o[0].name).split()[:2] == head]
        if same:
            best = max(same, key=lambda o: len(_words(o[0].name) & _words(g[0].name)))
            best.extend(g)
        else:
            out.append(g)
    out.sort(key=lambda g: min(f.start for f in g))
    return out


def _inside(f: Found, others: list[Found]) -> bool:
    return any(o is not f and o.sent is f.sent and o.i <= f.i and f.j <= o.j for o in others)


def _starts_inside(f: Found, others: list[Found]) -> bool:
    return any(o is not f and o.sent is f.sent and o.i < f.i < o.j for o in others)


def _by_sentence(found: list[Found]) -> dict[int, list[Found]]:
    out: dict[int, list[Found]] = defaultdict(list)
    for f in found:
        out[id(f.sent)].append(f)
    return out


def _meetings(doc: Document, found: list[Found], sentences, add, agencies, of) -> None:
    containers = _by_sentence([f for f in found if f.label in ("Program", "Resolution")])
    # "Nghị quyết Đại hội XIII của Đảng" names an instrument, not the congress as an event of the article
    meetings = [f for f in found if f.label == "Meeting" and not _starts_inside(f, containers.get(id(f.sent), []))
                and (f.extra.get("specific") or fold(f.name) in _BARE_EVENTS)]
    if not meetings:
        return
    groups = _headline_joins(doc, _group([f for f in meetings if f.extra.get("specific")]))
    bare = [f for f in meetings if not f.extra.get("specific")]
    main: list[Found] | None = None
    for f in bare:
        head = fold(f.name.split()[0] + " " + f.name.split()[1]) if len(f.name.split()) > 1 else fold(f.name)
        kinds = _BARE_HOMES.get(head, (head,))
        home = [g for g in groups if fold(g[0].name).startswith(kinds)]
        if home:
            max(home, key=len).append(f)
        else:
            if main is None or not fold(main[0].name).startswith(head):
                main = [f]
                groups.append(main)
            else:
                main.append(f)
    counts = Counter(of[id(a)].name for a in agencies
                     if a.extra.get("head") and "whole" not in _agency_kinds().get(a.extra["head"], set()))
    top_agency = counts.most_common(1)[0][0] if counts else ""
    published = doc.date
    for g in groups:
        best = max(g, key=lambda f: (bool(f.extra.get("specific")), len(f.name)))
        name = best.name
        if not best.extra.get("specific") and top_agency:
            name = f"{name} {top_agency}"
        date = ""
        for f in sorted(g, key=lambda f: f.start):
            date = _event_date(doc.text[f.sent.start:f.sent.end], doc.text, published)
            if date:
                break
        if not date and g is groups[0] or not date and len(groups) == 1:
            for s in sentences[:6]:
                date = _event_date(doc.text[s.start:s.end], doc.text, published)
                if date:
                    break
        dated = re.search(r"\b(19|20)\d{2}\b|lần thứ", name)
        key = fold(name) if dated else f"{fold(name)}|{date or doc.id}"
        for f in g:
            e = add(f, "Meeting", key, name)
            e.date = e.date or date


def _sentence_relations(s: Sentence, here: list[Found], of, ents, continues: bool = False) -> list[tuple]:
    toks = s.toks
    out = []
    persons = [f for f in here if f.label == "Person"]
    agencies = [f for f in here if f.label == "Agency"]
    meetings = [f for f in here if f.label == "Meeting"]
    programs = [f for f in here if f.label == "Program"]
    resolutions = [f for f in here if f.label == "Resolution"]
    top = [a for a in agencies if not _inside(a, agencies)]  # not "Quân khu 9" inside "Bộ Tư lệnh Quân khu 9"

    # positions after a name: "X, Chủ nhiệm Tổng cục Kỹ thuật, Bí thư Đảng ủy ..."
    for p in persons:
        out.extend(_positions(s, p, agencies, of, ents))
        out.extend(_position_before(s, p, here, of))

    main_meetings = [e for e in ents.values() if e.label == "Meeting"]
    cues = []
    inside_names = {k for f in persons + agencies for k in range(f.i, f.j)}  # "Ban Tổ chức" is no verb
    i = 0
    while i < len(toks):
        if i in inside_names:
            i += 1
            continue
        hit = match("cues.tsv", toks, i, need_cap=False)
        if hit and not (hit[0] < len(toks) and hit[0] - i == 1 and _is_word(toks[i], toks[hit[0]])):
            cues.append((i, hit[0], _cues()[hit[1]]))
            i = hit[0]
            continue
        i += 1
    opener = match("openers.txt", toks, 0, need_cap=False)
    comma = next((k for k, t in enumerate(toks) if t.text == ","), None)
    if opener and comma is not None and comma < 15 and main_meetings:
        # "Tại hội nghị, Trung tá X giới thiệu ...": the subject after the comma was at the event
        first = next((p for p in persons if p.i > comma), None)
        after = comma + 1
        if after + 1 < len(toks) and toks[after].low in ("đồng", "ông", "bà"):
            after += 2 if toks[after].low == "đồng" else 1  # "Phát biểu tại hội nghị, đồng chí X ..."
        if first is not None and (first.i in (comma + 1, after) or match("ranks.txt", toks, comma + 1)
                                  or _Reader._honorifics(toks, comma + 1) > comma + 1):
            target = next((m for m in meetings if m.i < comma), None)
            out.append(("ATTENDED", of[id(first)], of[id(target)] if target else main_meetings[0], s, ""))
    if continues and not cues and len(toks) > 2 and toks[0].low == "về" and toks[1].low == "phía":
        cues.append((0, 0, "ATTENDED"))  # "Về phía X có A, B": the list of those present goes on
    for n, (ci, cj, rtype) in enumerate(cues):
        prev_end = cues[n - 1][1] if n else 0
        before = [p for p in persons if prev_end <= p.i < ci]
        if rtype in ("CHAIRED", "ATTENDED", "SPOKE_AT"):
            target = next((m for m in meetings if m.i >= cj), None) or \
                (meetings[-1] if meetings else None)
            meeting = of[id(target)] if target is not None else None
            if meeting is None:
                if len(main_meetings) >= 1 and (rtype != "SPOKE_AT" or _speech_at_event(toks, cj)):
                    meeting = main_meetings[0]
                else:
                    continue
            who = before if rtype != "ATTENDED" else [p for p in persons]
            if rtype == "ATTENDED" and not before:
                who = [p for p in persons if p.i >= cj]
            elif not before and ci <= 1:
                # "Chủ trì hội nghị là Trung tướng X", "Đồng chủ trì có A và B": the names follow the verb
                limit = cues[n + 1][0] if n + 1 < len(cues) else len(toks)
                who = [p for p in persons if cj <= p.i < limit]
            for p in who:
                if rtype != "ATTENDED":
                    out.append((rtype, of[id(p)], meeting, s, ""))
                out.append(("ATTENDED", of[id(p)], meeting, s, ""))
        elif rtype == "SIGNED":
            targets = [f for f in programs if f.i >= cj] or programs
            for prog in targets[:1]:
                inside = [a for a in top if prog.i <= a.i < prog.j]
                # the signers named before this verb, or before "tổ chức (hội nghị) ký kết"
                subject = [a for a in top if prev_end <= a.i and a.j <= ci] or [a for a in top if a.j <= ci]
                # "giữa A và B" names both parties; "A ký kết kế hoạch phối hợp với B" only the second
                between = any(toks[k].low == "giữa" for k in range(prog.i, prog.j))
                signers = inside if between and inside else inside + [a for a in subject if a not in inside]
                for a in signers:
                    out.append(("SIGNED", of[id(a)], of[id(prog)], s, ""))
                for p in before:
                    out.append(("SIGNED", of[id(p)], of[id(prog)], s, ""))
        elif rtype == "ISSUED":
            issuer = [a for a in agencies if a.j <= ci and ci - a.j <= 2]
            # what this verb issues ends where the next verb or clause (";") begins
            limit = cues[n + 1][0] if n + 1 < len(cues) else len(toks)
            limit = next((k for k in range(cj, limit) if toks[k].text == ";"), limit)
            # "ban hành Nghị quyết ...", "ban hành các chỉ thị": what is issued follows the verb at once
            for r in [r for r in resolutions if cj <= r.i < limit and r.i - cj <= 2][:3]:
                for a in issuer[-1:]:
                    out.append(("ISSUED", of[id(a)], of[id(r)], s, ""))
        elif rtype == "ORGANIZED":
            organiser = [a for a in top if prev_end <= a.i and a.j <= ci]
            event = [m for m in meetings if cj <= m.i <= cj + 1]
            if not organiser or ci - organiser[-1].j > 3:
                continue
            for a in organiser:
                for m in event:
                    out.append(("ORGANIZED", of[id(a)], of[id(m)], s, ""))
    # programmes and instructions that carry out an instrument: "... triển khai Nghị quyết số 08"
    for r in resolutions:
        if r.i >= 2 and toks[r.i - 1].low in ("hiện", "khai") and toks[r.i - 2].low in ("thực", "triển"):
            for src in [f for f in programs + resolutions if f is not r and f.j <= r.i and r.i - f.j <= 12]:
                out.append(("IMPLEMENTS", of[id(src)], of[id(r)], s, ""))
    return out


def _speech_at_event(toks: list[Tok], k: int) -> bool:
    rest = " ".join(t.low for t in toks[k:k + 4])
    return bool(re.match(r"(kết luận|chỉ đạo|khai mạc|bế mạc|tổng kết|tại|chào mừng|đáp từ)", rest))


_ARMY = (("quân", "đội", "nhân", "dân", "việt", "nam"), ("qđnd", "việt", "nam"), ("quân", "đội", "nhân", "dân"),
         ("qđnd",))


def _owner_phrase(toks: list[Tok], k: int) -> int:
    """Past "Quân đội nhân dân Việt Nam" (or "QĐND Việt Nam") at k: the army a national title is of."""
    for words in _ARMY:
        if tuple(t.low for t in toks[k:k + len(words)]) == words:
            return k + len(words)
    return k


@lru_cache(maxsize=None)
def _unit_titles() -> dict[str, str]:
    return {row[0]: row[1] for row in lexicon.table("positions.txt") if len(row) > 1}


def _unit_of(title: str, ents: dict) -> _Ent | None:
    """The article's unit a bare unit title belongs to: "Sư đoàn trưởng" → its "Sư đoàn 312"."""
    kind = _unit_titles().get(title)
    if not kind:
        return None
    head = fold(kind)
    units = [e for e in ents.values() if e.label == "Agency"
             and (fold(e.name) == head or fold(e.name).startswith(head + " "))]
    if len(units) == 1 or units and len(units[0].mentions) > max(len(u.mentions) for u in units[1:]):
        return units[0]
    return None  # none, or several alike: better no relation than a guess


def _positions(s: Sentence, p: Found, agencies: list[Found], of, ents: dict | None = None) -> list[tuple]:
    toks = s.toks
    out = []
    k = p.j
    titles: list[str] = []
    while k < len(toks) and toks[k].text in (",", "kiêm", "–", "-") or \
            (k < len(toks) and toks[k].low == "kiêm"):
        k += 1
        hit = match("positions.txt", toks, k)
        if not hit:
            break
        j, title = hit
        owner = _owner_phrase(toks, j)
        if owner > j:
            # "Tổng Tham mưu trưởng QĐND Việt Nam, Thứ trưởng ...": the army is no agency of the graph
            if owner < len(toks) and (toks[owner].text == "," or toks[owner].low == "kiêm"):
                k = owner
                continue
            break
        # a field between the title and the agency: "Phó Chủ nhiệm Kỹ thuật Quân khu"
        f = _field_end(toks, j, agencies)
        if f > j:
            title = clean_name(title + " " + " ".join(t.text for t in toks[j:f]))
        titles.append(title)
        agency = next((a for a in agencies if a.i == f), None)
        if agency is None:
            # "Phó Tư lệnh, Tham mưu trưởng Quân khu 3": a bare title shares the next title's agency
            if f < len(toks) and (toks[f].low == "kiêm" or toks[f].text == "," and f == j
                                  and match("positions.txt", toks, f + 1)):
                k = f
                continue
            unit = _unit_of(title, ents) if ents and f == j else None
            if unit is not None:  # "Đại tá X, Sư đoàn trưởng": of the article's Sư đoàn
                out.append(("HOLDS_POSITION", of[id(p)], unit, s, title))
            break
        # "Bí thư Đảng ủy, Chính ủy Tổng cục Kỹ thuật": a bare party committee belongs to the next agency
        target = of[id(agency)]
        for t in titles:
            kind = _unit_titles().get(t)
            if t != title and kind and not fold(target.name).startswith(fold(kind)):
                # "Phó Thủ tướng, Bộ trưởng Bộ Quốc phòng": a title of another body, not shared
                unit = _unit_of(t, ents) if ents else None
                if unit is not None:
                    out.append(("HOLDS_POSITION", of[id(p)], unit, s, t))
                continue
            out.append(("HOLDS_POSITION", of[id(p)], target, s, t))
        titles = []
        k = agency.j
    return out


def _position_before(s: Sentence, p: Found, here: list[Found], of) -> list[tuple]:
    """A title and agency written before the name: "Thứ trưởng Bộ Quốc phòng Hoàng Xuân Chiến",
    "Tư lệnh Quân khu 7, Trung tướng Nguyễn Văn A"."""
    toks = s.toks
    k = p.i
    rank = next((f for f in here if f.label == "Rank" and f.j == k), None)
    if rank is not None:
        k = rank.i
    if k >= 2 and toks[k - 2].low == "đồng" and toks[k - 1].low == "chí":
        k -= 2
    if k >= 1 and toks[k - 1].text == ",":
        k -= 1
    agency = next((a for a in here if a.label == "Agency" and a.j == k), None)
    if agency is None:
        return []
    for n in range(5, 0, -1):  # the longest title first: "Phó Chính ủy", not its tail "Chính ủy"
        start = agency.i - n
        hit = match("positions.txt", toks, start) if start >= 0 else None
        if hit and hit[0] == agency.i:
            before = toks[start - 1] if start > 0 else None
            # "Đại tá A, Chính ủy Lữ đoàn 1, Thiếu tá B": that title is A's, written after A
            if before is not None and before.text in (",", "-", "–") and start >= 2 and any(
                    f.label in ("Person", "Agency") and f.j == start - 1 for f in here):
                return []
            if before is not None and before.low == "kiêm":
                return []
            return [("HOLDS_POSITION", of[id(p)], of[id(agency)], s, hit[1])]
    return []


def _field_end(toks: list[Tok], j: int, agencies: list[Found]) -> int:
    """End of a field written between a title and its agency ("Phó Chủ nhiệm Kỹ thuật Quân khu")."""
    f = j
    tails = _set("name_tails.txt")
    while f < len(toks) and toks[f].cap and toks[f].text.isalpha() and \
            not any(a.i == f for a in agencies) and not match("agencies.tsv", toks, f):
        f += 1
        # lower-case words of the field: "Trưởng phòng Khoa học quân sự", "Trưởng khoa Công nghệ thông tin"
        while f < len(toks) and not toks[f].cap and toks[f].text.isalpha():
            if _is_word(toks[f - 1], toks[f]) or toks[f].low in tails:
                f += 1
            elif f + 1 < len(toks) and (_is_word(toks[f], toks[f + 1]) and not toks[f + 1].cap
                                        or f"{toks[f].low} {toks[f + 1].low}" in tails):
                f += 2
            else:
                break
    return f


def _build(doc: Document, ents: dict, relations: list[tuple]) -> Extraction:
    text = doc.text
    entities = []
    for e in ents.values():
        mentions = tuple(sorted({(m.start, m.end): Mention(e.label, text[m.start:m.end], m.start, m.end,
                                                           m.sent.start, m.sent.end, m.sent.caption)
                                 for m in e.mentions}.values(), key=lambda m: m.start))
        aliases = tuple(sorted(a for a in e.aliases if fold(a) != fold(e.name)))
        entities.append(Entity(label=e.label, key=e.key, name=e.name, aliases=aliases, mentions=mentions,
                               date=e.date))
    merged: dict[tuple, list[Evidence]] = {}
    titles: dict[tuple, str] = {}
    for rtype, a, b, s, title in relations:
        if a is b:
            continue
        ident = (rtype, a.label, a.key, b.label, b.key, title)
        bucket = merged.setdefault(ident, {})  # sentence start → evidence, in order of first statement
        if s.start not in bucket:
            bucket[s.start] = Evidence(doc.id, s.start, s.end, text[s.start:s.end], s.caption)
        titles[ident] = title
    rels = tuple(Relation(t, al, ak, bl, bk, tuple(evs.values()), title=title,
                          as_of=doc.date if t == "HOLDS_POSITION" else "")
                 for (t, al, ak, bl, bk, title), evs in merged.items())
    entities.sort(key=lambda e: (e.label, e.mentions[0].start if e.mentions else 0))
    return Extraction(document=doc, entities=tuple(entities), relations=rels, content_hash=content_hash(doc))
