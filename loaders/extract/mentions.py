"""Stage 2, mentions: the recognisers that find people, ranks, agencies, instruments, programmes
and events in each sentence, and the relations a sentence states as it is read."""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from graph.model import Document
from loaders import lexicon
from loaders.normalize import UPPER, clean_name, fold
from loaders.extract.lexicons import _PREFIX_NUMBER, _places, place_at, reads_as_person, _titled_heads, _abbreviations, _agency_kinds, _expand, _is_word, _program_modes, _set, _surface, _phrases, first_words, match
from loaders.extract.tokens import _VIETNAMESE_SYLLABLE, Sentence, Tok, _ABBREV_TOKEN, _CODE, _DASHES, _DEFINABLE, _DOCNUM, _HARD_STOP, _NUMBERISH


# Words before a capitalised name that make it a place even when it begins like an agency
# (not "cầu": "điểm cầu Quân khu 7" is a video link to the region).
_PLACE_BEFORE = frozenset({"đảo", "đường", "phố", "sông", "núi", "dịch", "thôn", "bản", "làng", "phường",
                           "xã", "huyện", "quận", "tp"})
# ... and the word that makes it a level: "chuyến thăm cấp Nhà nước", "đề tài cấp Bộ Quốc phòng" (not
# inside a word: "giảng viên cao cấp Học viện ...", "cung cấp").
_LEVEL_BEFORE = frozenset({"cấp"})
# Verbs that, right after an event word, say what the event is for and so belong to its name.
_EVENT_PURPOSES = frozenset({"triển khai", "quán triệt", "thực hiện", "đánh giá", "phổ biến", "ký kết", "công bố",
                             "biểu dương", "tuyên dương", "học tập", "nghiên cứu", "tổ chức"})
_STANDING = {"ban thường vụ", "thường vụ"}
_PLACE_KINDS = {"tp": "thành phố"}  # a place word written short
# What a steering board is set up to do, written between its head and what it steers.
# Verbs after which a programme's name goes on with the instrument or programme it carries out.
_CARRIES_OUT = frozenset({"thực hiện", "triển khai", "quán triệt", "tổng kết", "sơ kết", "thi hành", "học tập"})
_BOARD_PURPOSES = frozenset({"xây dựng", "thực hiện", "triển khai", "tổng kết", "sơ kết", "soạn thảo"})
_ADDRESS = ("đồng", "ông", "bà", "ngài", "đ/c")  # words before a person's name
_PLURAL = {"các", "những", "nhiều", "một", "số", "mọi", "từng", "hai", "ba", "bốn", "năm"}
@dataclass(slots=True)
class Found:
    """A mention found in a sentence, before entities are resolved."""

    label: str
    i: int  # first token
    j: int  # one past the last token
    name: str  # canonical display name
    sent: Sentence
    extra: dict = field(default_factory=dict)
    # the first token's offset in the text, read once: a mention's first token and sentence never
    # change (its end may), and the stages sort and slice by it hundreds of thousands of times
    start: int = field(init=False)

    def __post_init__(self) -> None:
        self.start = self.sent.toks[self.i].start

    @property
    def end(self) -> int:
        return self.sent.toks[self.j - 1].end

class _Reader:
    """Finds mentions in one document; the rules share what the document has said so far."""

    def __init__(self, doc: Document, outlet_span: tuple[int, int] = (0, 0)):
        self.doc = doc
        self.outlet_span = outlet_span  # "(Báo Hải quân) - ...": the outlet, not an actor of the news
        self.defined: dict[str, str] = {}  # abbreviations the article defines: "Quân khu 3 (QK3)"
        self.parts: dict[str, str] = {}  # codes for part of a name: "Khoa học và Công nghệ (KH-CN)"
        self.text = doc.text
        self.found: list[Found] = []
        self.relations: list[tuple] = []  # (type, Found source, Found target, evidence sentence, title)
        self.taken: dict[int, set[int]] = defaultdict(set)  # sentence index → tokens inside a name
        self._ship_names: frozenset[str] | None = None

    # agencies -------------------------------------------------------------------------------------

    def agency_at(self, s: Sentence, i: int, lower: bool = False) -> tuple[int, str, str] | None:
        """(end, display name, head) of an agency name starting at token i (with `lower`, its head
        word may be written in lower case)."""
        toks = s.toks
        whole, prefixes = _abbreviations()
        tok = toks[i]
        if tok.text in self.defined:
            return i + 1, self.defined[tok.text], ""
        if tok.text in whole and whole[tok.text][1] == "Agency":
            if _count_of_places(toks, i + 1):
                return None  # "BĐBP hai tỉnh": one per province, no one agency
            placed = self._place_after(s, i + 1)  # "BĐBP tỉnh Tây Ninh": the body of that province
            if placed:
                return placed, f"{whole[tok.text][0]} {_surface(s, self.text, i + 1, placed)}", ""
            return i + 1, whole[tok.text][0], ""
        m = _PREFIX_NUMBER.fullmatch(tok.text) if tok.text[-1].isdigit() else None  # "QK7", "BTL3"
        if m and m.group(1) in prefixes:
            return i + 1, f"{prefixes[m.group(1)]} {m.group(2)}", prefixes[m.group(1)]
        hit = match("agencies.tsv", toks, i, need_cap=not lower)
        if not hit and tok.text in whole and whole[tok.text][0] in _agency_kinds():
            hit = (i + 1, whole[tok.text][0])  # "UBND tỉnh Lạng Sơn": an abbreviated head word
        if not hit:
            return None
        j, head = hit
        if fold(head) in _STANDING:
            # "Ban Thường vụ Đảng ủy Quân khu 4", "Thường vụ Quân ủy Trung ương": the standing
            # committee of a party committee; "Ủy viên Thường vụ" is a member's title
            # ("Ủy viên Ban Thường vụ Tỉnh ủy" is a member of the Ban Thường vụ)
            if i > 0 and toks[i - 1].low == "viên" and toks[i].low != "ban" or j >= len(toks) or not toks[j].cap:
                return None
            inner = self.agency_at(s, j)
            if not inner or inner[1] == inner[2] and "whole" not in _agency_kinds().get(inner[2], set()) \
                    and fold(inner[2]) not in _set("local_committees.tsv"):  # "Ban Thường vụ Tỉnh ủy"
                return None
            return inner[0], f"Ban Thường vụ {inner[1]}", "Ban Thường vụ"
        kinds = _agency_kinds()[head]
        k = self._name_part(s, j, "whole" in kinds)
        if _count_of_places(toks, k):
            return None  # "Bộ Chỉ huy BĐBP 44 tỉnh, thành phố": one per province, no one agency
        after = k + 3 if k + 2 < len(toks) and toks[k].text == "(" and toks[k + 2].text == ")" else k
        if after + 1 < len(toks) and toks[after].low in ("các", "những") \
                and match("place_words.txt", toks, after + 1, need_cap=False):
            return None  # "Bộ Chỉ huy Quân sự (CHQS) các tỉnh": those of every province, no one agency
        if "service" in kinds and not any(match("countries.txt", toks, m) for m in range(j, k)):
            ours = _our_services().get(head)
            if ours and k == j and _title_before(toks, i):
                return j, ours, head  # "Tư lệnh Hải quân": our navy, the Quân chủng Hải quân
            return None  # "Không quân Ấn Độ" is India's air force; "Hải quân" alone names no one service
        if "numbered" in kinds and not (k > j and any(c.isdigit() for c in toks[k - 1].text)):
            return None  # "Đoàn 871", "Đoàn Trinh sát số 2"; "Đoàn" is also a surname and a delegation
        if fold(head) == "ban" and (title := match("positions.txt", toks, j)) and title[0] == k \
                and not (k < len(toks) and toks[k].cap):
            return None  # "Ban Chủ nhiệm đề tài", "Ban Giám đốc": the officers of a body, no body
        if k > j and fold(head) in _set("local_committees.tsv") and self._reads_as_person(s, j):
            k = j  # "Bí thư Tỉnh ủy Lê Văn An": the secretary's name; the Tỉnh ủy is the article's province's
        if k == j and "described" in kinds and (end := self._described(s, j)):
            return end, self._expand(_surface(s, self.text, i, end)), head
        if (k > j or "whole" in kinds) and k + 3 < len(toks) and toks[k].text == "(" and toks[k + 2].text == ")" \
                and _ABBREV_TOKEN.match(toks[k + 1].text) and (placed := self._place_after(s, k + 3)):
            # "Bộ đội Biên phòng (BĐBP) tỉnh Sơn La": the place goes on after the short name
            return placed, self._expand(f"{_surface(s, self.text, i, k)} {_surface(s, self.text, k + 3, placed)}"), head
        if "abroad" in kinds and k < len(toks) and toks[k].low == "tại" and (abroad := self._place_abroad(s, k + 1)):
            return abroad, self._expand(_surface(s, self.text, i, abroad)), head  # "Đại sứ quán Cuba tại Việt Nam"
        coded = self._coded_part(toks, k) if k > j else None
        if coded:  # "Viện Khoa học và Công nghệ (KH-CN) quân sự": a code for the words before it
            self._define_part(toks, j, k)
            return coded, self._expand(f"{_surface(s, self.text, i, k)} {_surface(s, self.text, k + 3, coded)}"), head
        if k > j:
            return k, self._expand(_surface(s, self.text, i, k)), head
        # "viện trợ" is no institute; but in "Nhà máy chủ trì" the next word is "chủ trì", not "máy chủ"
        split = j < len(toks) and _is_word(toks[j - 1], toks[j]) and not (
            j + 1 < len(toks) and _is_word(toks[j], toks[j + 1]))
        if "whole" in kinds or "pronoun" in kinds and not split:
            return j, head, head  # a whole name, or a bare head ("Tổng cục") standing for one
        return None

    def _described(self, s: Sentence, j: int) -> int:
        """End of a council's or a board's name written as a lower-case description from token j; it
        must end at the body it belongs to ("Hội đồng khoa học Bộ Quốc phòng"), at its scope
        ("... quốc phòng - an ninh Trung ương", "... cấp quốc gia") or, after a purpose, at the
        programme or instrument it steers ("Ban Chỉ đạo thực hiện Đề án ..."); 0 when it does not."""
        toks = s.toks
        stops = _set("stopwords.txt")
        m = j
        while m < len(toks) and m - j <= 8:
            t = toks[m]
            if m > j and t.cap:
                if t.low == "trung" and m + 1 < len(toks) and toks[m + 1].low == "ương":
                    return m + 2
                if m >= j + 2 and f"{toks[m - 2].low} {toks[m - 1].low}" in _BOARD_PURPOSES:
                    steered = self.instrument_at(s, m) or self.program_at(s, m)
                    if steered:
                        return steered[0]
                agency = self.agency_at(s, m)
                if agency and (agency[1] != agency[2] or "whole" in _agency_kinds().get(agency[2], set())):
                    return agency[0]
                return 0
            scope = match("scopes.txt", toks, m, need_cap=False)
            if m > j and scope:
                return scope[0]
            place = match("place_words.txt", toks, m, need_cap=False) if m > j else None
            if place and place[0] < len(toks) and toks[place[0]].cap and not t.cap:
                # "Ban Chỉ đạo phòng chống thiên tai tỉnh Quảng Nam"
                return self._place_end(s, place[0], place[1], digits=False)
            if t.cap or not (t.text.isalpha() or t.text in _DASHES and m > j):
                return 0
            two = f"{t.low} {toks[m + 1].low}" if m + 1 < len(toks) else ""
            if two in _BOARD_PURPOSES:
                m += 2
                continue
            if two in stops or t.low in stops:
                return 0
            m += 1
        return 0

    @staticmethod
    def _coded_part(toks: list[Tok], k: int) -> int:
        """End of a name that goes on with the words of a name's tail after a code in brackets at k
        ("(KH-CN) quân sự", "(QĐND) Việt Nam"); 0 when there is none."""
        if not (k + 3 < len(toks) and toks[k].text == "(" and toks[k + 2].text == ")"
                and _ABBREV_TOKEN.match(toks[k + 1].text)):
            return 0
        tails = _set("name_tails.txt")
        m = k + 3
        # "(QĐND) Việt Nam": a tail written with capitals too
        while m < len(toks) and (not toks[m].cap or m + 1 < len(toks) and f"{toks[m].low} {toks[m + 1].low}" in tails):
            if m + 1 < len(toks) and f"{toks[m].low} {toks[m + 1].low}" in tails:
                m += 2
            elif toks[m].low in tails:
                m += 1
            else:
                break
        return m if m > k + 3 else 0

    def _define_part(self, toks: list[Tok], j: int, k: int) -> None:
        """Note a code in brackets at k whose letters are the initials of the words before it
        ("Khoa học và Công nghệ (KH-CN)"), so that "Viện KH-CN Quân sự" reads as the same name."""
        code = toks[k + 1].text
        letters = [c for c in code if c.isalpha()]
        initials: list[str] = []
        m = k - 1
        while m >= j and len(initials) < len(letters):
            if toks[m].low != "và" and toks[m].text not in _DASHES:
                initials.insert(0, toks[m].text[0].upper())
            m -= 1
        if initials == letters:
            self.parts.setdefault(code, self.text[toks[m + 1].start:toks[k - 1].end])

    def _expand(self, name: str) -> str:
        """Abbreviations inside a name written out, those of the lexicon and those the article defined."""
        name = _expand(name)
        if self.parts:
            name = " ".join(self.parts.get(word, word) for word in name.split(" "))
        return name

    @staticmethod
    def _known_abbreviation(word: str) -> bool:
        whole, prefixes = _abbreviations()
        m = _PREFIX_NUMBER.fullmatch(word)
        return word in whole or bool(m and m.group(1) in prefixes)

    def _name_part(self, s: Sentence, j: int, whole_head: bool = False) -> int:
        """End of the proper-name part of an agency that starts at token j (after a whole name such as
        "Bộ Quốc phòng" when `whole_head`)."""
        toks = s.toks
        k = j
        tails = _set("name_tails.txt")
        # read at every word of every agency name: the words a rank, a title or a country can begin
        # with are asked first, which spares most words the lookups
        ranks_or_titles, countries = first_words("ranks.txt", "positions.txt"), first_words("countries.txt")
        heads, places = first_words("agencies.tsv"), first_words("place_words.txt")
        while k < len(toks):
            t = toks[k]
            if k > j and t.low in ranks_or_titles and (match("ranks.txt", toks, k) or match("positions.txt", toks, k)):
                break
            if k > j or whole_head:
                # "Bộ Quốc phòng Lào", "Bộ Quốc phòng nước Cộng hòa Nhân dân Trung Hoa": a country ends
                # the name ("Bộ Quốc phòng Trung Quốc Đổng Quân": the minister's name follows)
                at = k + 1 if t.low == "nước" else k
                country = match("countries.txt", toks, at) if at < len(toks) and toks[at].low in countries else None
                # a one-syllable country may begin a place or a name instead ("Lào Cai", "Đức Giang")
                if country and not (country[0] == at + 1 and _VIETNAMESE_SYLLABLE.match(toks[at].low)
                                    and country[0] < len(toks) and toks[country[0]].cap):
                    k = country[0]  # only a place may follow: "Hội Hữu nghị Việt Nam - Lào tỉnh Nghệ An"
                    place = match("place_words.txt", toks, k, need_cap=False)
                    if place and not toks[k].cap:
                        k = self._place_end(s, place[0], place[1], digits=False)
                    return k
            if t.low in heads and (whole := match("agencies.tsv", toks, k)) and "whole" in _agency_kinds()[whole[1]]:
                if toks[k].low == "đảng" and (k > j or whole_head):
                    return whole[0]  # "Bộ Chính trị Đảng Nhân dân Cách mạng Lào": a party owns its organs
                head_only = k > j and (inner := match("agencies.tsv", toks, j)) is not None and inner[0] == k
                if (k > j or whole_head) and not head_only:
                    break  # "Vụ Pháp chế Bộ Quốc phòng": the ministry it belongs to (see PART_OF in read)
                # "Bộ Tư lệnh Cảnh sát biển": a whole name right after the head, or after a head word
                # that is the name's first word ("Bộ Tư lệnh Vùng Cảnh sát biển 3")
                k = whole[0]
                continue
            place = match("place_words.txt", toks, k, need_cap=False) if t.low in places else None
            if place and fold(place[1]) in _named_places() and not (place[0] < len(toks) and toks[place[0]].cap):
                place = None  # "khu vực" names a place only with its name
            # "UBND TP Hồ Chí Minh": an abbreviated place word is written in capitals
            lower = not t.cap or bool(place) and t.text.isupper()
            if place and lower and toks[k - 1].text.isdigit():
                k -= 1 if k - 1 > j else 0  # "... 44 tỉnh, thành phố": a count of places, no name
                break
            if place and lower:
                k = self._place_end(s, place[0], place[1])  # "... tỉnh Nghệ An", or a bare "... tỉnh" that refers back
                break
            # "Bộ Khoa học và Công nghệ": "và" between two parts of one name; not after a whole name
            # ("Tổng cục Chính trị Quân đội nhân dân Việt Nam và ...": what follows is another body)
            if t.low == "và" and k > j and not whole_head and k + 1 < len(toks) and toks[k + 1].cap \
                    and toks[k + 1].text.isalpha() and not _ABBREV_TOKEN.match(toks[k + 1].text) \
                    and not self._agency_begins(toks, k + 1) and not match("ranks.txt", toks, k + 1) \
                    and not match("positions.txt", toks, k + 1) and not self.person_here(s, k + 1) \
                    and not any(match(kind, toks, k + 1) for kind in ("instruments.txt", "programs.txt",
                                                                        "meetings.txt")):
                k += 1
                continue
            if (k > j or whole_head) and self.person_here(s, k) and not (
                    (inner := match("agencies.tsv", toks, j)) and inner[0] == k and "eponym" in _agency_kinds()[inner[1]]):
                # "Thứ trưởng Bộ Quốc phòng Hoàng Xuân Chiến": the name after the agency (but "Trường
                # Đại học Trần Quốc Tuấn": a university named after someone)
                break
            if t.low == "số" and k > j and k + 1 < len(toks) and toks[k + 1].text.isdigit() \
                    and not _NUMBERISH.match(toks[k - 1].text):
                k += 2  # "Đoàn Trinh sát số 2"
                continue
            if _CODE.match(t.text) and k > j:
                k += 1  # "Ban Chủ nhiệm Chương trình KX.01/16-20"
                continue
            if _NUMBERISH.match(t.text) and (k == j or _NUMBERISH.match(toks[k - 1].text) is None):
                k += 1
                continue
            if t.cap and t.text not in _HARD_STOP and (t.text.isalnum() or _transliterated(t.text)) \
                    or _ABBREV_TOKEN.match(t.text):
                after_code = k > j and _ABBREV_TOKEN.match(toks[k - 1].text) and not _ABBREV_TOKEN.match(t.text)
                k += 1
                if after_code and k < len(toks) and not toks[k].cap and _is_word(t, toks[k]):
                    # after a code, "Quân sự" continues the name ("Viện KH-CN Quân sự") but a verb
                    # written with a capital does not ("Quân chủng PK-KQ Tổng kết ...")
                    if f"{t.low} {toks[k].low}" not in tails:
                        return k - 1
                    k += 1
                    continue
                # "Công nghiệp", "Sĩ quan": a two-syllable word written with one capital; not after
                # another capitalised syllable ("Thủ đô Hà Nội giao ban": "nội giao" is no part)
                if k < len(toks) and not toks[k].cap and toks[k].text.isalpha() and _is_word(t, toks[k]) \
                        and not (k - 2 >= j and toks[k - 2].cap):
                    k += 1
                continue
            if t.text in _DASHES and k > j and k + 1 < len(toks) and toks[k + 1].cap:
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
            if k > j and (centre := _lower_to_centre(toks, k)):
                k = centre  # "Ban Thi đua khen thưởng Trung ương"
                continue
            break
        return k

    def _place_after(self, s: Sentence, k: int) -> int:
        """End of a place written at k with its place word ("tỉnh Sơn La", "khu vực Văn Sơn", a bare
        "tỉnh" that refers back), or 0."""
        toks = s.toks
        place = match("place_words.txt", toks, k, need_cap=False)
        if not place or toks[k].cap and not toks[k].text.isupper():
            return 0
        if fold(place[1]) in _named_places() and not (place[0] < len(toks) and toks[place[0]].cap):
            return 0  # "khu vực" names a place only with its name
        return self._place_end(s, place[0], place[1])

    def _place_abroad(self, s: Sentence, k: int) -> int:
        """End of the country or city a mission abroad is in, written at k ("Việt Nam", "Hà Nội"), or 0."""
        toks = s.toks
        country = match("countries.txt", toks, k)
        if country:
            return country[0]
        end = k
        while end < len(toks) and end - k < 3 and toks[end].cap and toks[end].text.isalpha():
            end += 1
        return end if end - k >= 2 else 0

    def _place_end(self, s: Sentence, k: int, word: str, digits: bool = True) -> int:
        """End of the place's name written at k after a place word ("tỉnh Nghệ An", "phường 3"): a
        listed place ends there ("tỉnh Hà Giang Nguyễn Văn An"), and after the word for a listed kind
        of place a name that reads as a person's is none ("Chủ tịch UBND tỉnh Lê Văn An": k)."""
        toks = s.toks
        known = place_at(toks, k)
        if known:
            return known[0]
        if _PLACE_KINDS.get(fold(word), fold(word)) in _listed_kinds() and self._reads_as_person(s, k):
            return k
        end = k
        while end < len(toks) and end - k < 4 and (toks[end].cap and toks[end].text.isalpha()
                                                   or digits and toks[end].text.isdigit()):
            end += 1
        return end

    def _reads_as_person(self, s: Sentence, k: int) -> bool:
        """The capitalised words at k read as a person's name, not a listed place's (see `reads_as_person`)."""
        return reads_as_person([t.text for t in s.toks[k:self._person_run(s, k, 6)]])

    # persons --------------------------------------------------------------------------------------

    def _official_after(self, s: Sentence, i: int, end: int) -> int:
        """End of the name written right after a title and a foreign body whose name ends with its
        country ("Bộ trưởng Bộ Quốc phòng Trung Quốc Đổng Quân"); 0 when there is none."""
        toks = s.toks
        if end >= len(toks) or not toks[end].cap or not any(
                (hit := match("countries.txt", toks, k)) and hit[0] == end for k in range(max(i, end - 6), end)):
            return 0
        if not any((title := match("positions.txt", toks, i - n)) and title[0] == i for n in range(1, 6) if i >= n):
            return 0
        k = self._person_run(s, end, 6, titled=True)
        return k if k - end >= 2 and not self._agency_begins(s.toks, end) else 0

    def _person_run(self, s: Sentence, i: int, most: int = 4, titled: bool = False) -> int:
        """End of a run of capitalised name syllables starting at i (no head words or titles). A name
        written after a rank, title or "ông" (`titled`) may also hold an initial ("Samuel J. Locklear",
        "Aleksandr.V. Fomin"), a hyphen between two syllables ("Hoang In-Mu") and a particle ("Vông
        Xay in Thạ Khăm", "Ahmad bin Ali")."""
        toks = s.toks
        k = i
        ranks_or_titles = first_words("ranks.txt", "positions.txt")  # the words a rank or a title can begin with
        while k < len(toks) and k - i < most:
            t = toks[k]
            if titled and k > i and k + 1 < len(toks) and toks[k + 1].cap and toks[k + 1].text.isalpha() \
                    and (t.text == "." and toks[k - 1].end == t.start and _INITIAL.search(toks[k - 1].text)
                         or t.text == "-" and k > i + 1 and toks[k - 1].end == t.start and t.end == toks[k + 1].start
                         and toks[k - 1].cap
                         or t.low in _set("name_particles.txt") and toks[k - 1].cap):
                k += 1  # the initial's dot, the hyphen or the particle; the name goes on
                continue
            if titled and _GIVEN_AND_INITIAL.fullmatch(t.text) and k + 1 < len(toks) and toks[k + 1].text == ".":
                k += 1  # "Aleksandr.V": a given name and the initial of the father's
                continue
            if not (t.cap and (t.text.isalpha() or _transliterated(t.text))) or t.text.isupper() and len(t.text) > 1:
                break
            if k > i and (k - i >= 2 and self._agency_begins(toks, k) or t.low in ranks_or_titles and (
                    match("ranks.txt", toks, k) or match("positions.txt", toks, k))):
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
        kinds = _agency_kinds()[head]
        if "service" in kinds:
            return bool(match("countries.txt", toks, end))
        if "numbered" in kinds:  # "Đoàn 871", not "Đoàn Văn Hậu"
            run = toks[end:end + 5]
            return any(t.text[:1].isdigit() for t in run[:next((n for n, t in enumerate(run) if not (
                t.cap or t.text.isdigit() or t.low == "số" or t.text in _DASHES)), len(run))])
        if "whole" in kinds or end - k > 1:
            return True
        return end < len(toks) and (toks[end].cap or toks[end].text[:1].isdigit())

    @staticmethod
    def _honorifics(toks: list[Tok], k: int) -> int:
        """Past the academic or honorary titles at k ("Thiếu tướng, GS.TS Lê Văn An")."""
        starts = first_words("honorifics.txt")
        while True:
            at = k + 1 if k < len(toks) and toks[k].text == "," else k
            hit = match("honorifics.txt", toks, at) if at < len(toks) and toks[at].low in starts else None
            if not hit:
                return k
            k = hit[0]
            if k < len(toks) and toks[k].text == "." and k + 1 < len(toks) and toks[k + 1].cap:
                k += 1  # "TS. Nguyễn Văn An"

    def person_at(self, s: Sentence, i: int, known: dict[str, str], listing: bool = False
                  ) -> tuple[int, int, str, str] | None:
        """(name start, name end, name, rank) of a person mention at token i; `listing`: i begins an
        item of a list of people ("các đồng chí: Tô Lâm, Lương Cường"), where two syllables do."""
        toks = s.toks
        # asked at every capitalised word: the words a rank or a title can begin with are asked first
        ranks, titles = first_words("ranks.txt"), first_words("positions.txt")
        hit = match("ranks.txt", toks, i) if toks[i].cap and toks[i].low in ranks else None
        if not toks[i].cap and toks[i].text != "," and toks[i].low not in _ADDRESS:
            hit = match("ranks.txt", toks, i, need_cap=False) if toks[i].low in ranks else None
            if not (hit and self.person_here(s, hit[0])):
                return None  # most words: no rank, title, "ông" or name starts here (the rules below agree)
            # "chuẩn đô đốc Hoàng Văn An": a rank written in lower case before a name
        rank = ""
        start = i
        if hit:
            start, rank = hit[0], hit[1]
            start = self._honorifics(toks, start)
            service = match("agencies.tsv", toks, start)
            if service and "service" in _agency_kinds()[service[1]] and not self._agency_begins(toks, start):
                start = service[0]  # "Thiếu tướng Không quân X": the rank of an air force
        elif (title := self._honorifics(toks, i)) > i:
            start = title  # "PGS.TS Lê Văn An": an academic title before a name, as "ông" is
        elif toks[i].low in _ADDRESS and i + 1 < len(toks):
            start = i + 2 if toks[i].low == "đồng" and toks[i + 1].low == "chí" else i + 1
            if toks[i].low == "đồng" and start == i + 1:
                return None  # "đồng" without "chí": the currency, or "đồng chủ trì"
        elif (title := match("positions.txt", toks, i) if toks[i].low in titles else None) \
                and title[0] + 1 < len(toks) and toks[title[0]].low in _set("surnames.txt") \
                and not self._agency_begins(toks, title[0]) and not _country_at(toks, title[0]):
            start = title[0]  # "Tổng Bí thư Tô Lâm": a title written right before a name ("Đại sứ Hàn Quốc": no name)
        elif title and (foreign := self._foreign_after(toks, title[0])):
            start = foreign  # "Thủ tướng Campuchia Hun Manet": a foreign official's name
        elif title and title[0] < len(toks) and _transliterated(toks[title[0]].text):
            start = title[0]  # "Thủ tướng Nê-ru": a name transliterated syllable by syllable
        elif title and title[0] < len(toks) and _foreign_word(toks[title[0]].text) \
                and not (title[0] + 1 < len(toks) and toks[title[0] + 1].cap) \
                and not any(w in fold(title[1]) for w in _FIRM_TITLES) and not match("countries.txt", toks, title[0]):
            start = title[0]  # "Tổng thống Widodo": one foreign name after a title (not "Giám đốc Viettel")
        if start >= len(toks):
            return None
        # a name after a rank, title or "ông" may be long or foreign ("Pehin Datu Halbi Mohammad Yussof")
        end = self._person_run(s, start, 6 if start > i else 5, titled=start > i)
        n = end - start
        if n == 0:
            return None
        name = _joined(toks[start:end])
        if n == 1:
            if start > i and _transliterated(name):
                return start, end, name, rank  # "Thủ tướng Nê-ru", "Đại tá Xi-ha-núc"
            if (rank or start > i) and _foreign_word(name) and not match("countries.txt", toks, start) \
                    and not (end < len(toks) and toks[end].cap):
                return start, end, name, rank  # "Phó Đô đốc Irvansyah", "ông Widodo": one foreign name
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
        # a two-syllable item of a list ends the item: "Tô Lâm, Lương Cường và ..."
        item = listing and (end == len(toks) or toks[end].text in (",", ";", ".", "(") or toks[end].low == "và")
        # "...; Nguyễn Túy, Chỉ huy trưởng ...": an item of a list of people, each with a title
        item = item or n == 2 and start > 0 and toks[start - 1].text in (":", ";") and end + 1 < len(toks) \
            and toks[end].text == "," and bool(match("positions.txt", toks, end + 1))
        if toks[start].low in surnames and (n >= 3 or item) or fold(name) in known:
            prev = toks[start - 1].low if start > 0 else ""
            if prev == "." and start >= 2:
                prev = toks[start - 2].low  # "TP. Hồ Chí Minh"
            if prev in _set("name_blockers.txt") and not self._after_local_body(s, start):
                return None
            if fold(name) in _places() or fold(name) in self._ships() \
                    or any(_country_at(toks, m) for m in range(start + 1, end)):
                return None  # "Thái Bình Dương", the ship "015-Trần Hưng Đạo", "Đoàn Việt Nam"
            if prev in _DASHES and start >= 2 and toks[start - 2].cap:
                return None  # "Châu Á - Thái Bình Dương": the second part of a place's name
            return start, end, name, rank
        return None

    def _ships(self) -> frozenset[str]:
        """Names the document writes after a hull number ("tàu 015-Trần Hưng Đạo"): ships', folded."""
        if self._ship_names is None:
            self._ship_names = frozenset(fold(m.group(1)) for m in _HULL_NAME.finditer(self.text))
        return self._ship_names

    def _after_local_body(self, s: Sentence, k: int) -> bool:
        """The name at k follows a local body that ends with its place word and reads as a person's:
        "Chủ tịch UBND tỉnh Lê Văn An" (the body took no place's name)."""
        last = self.found[-1] if self.found else None
        return last is not None and last.sent is s and last.j == k and last.label in ("Agency", "Agency?") \
            and self._reads_as_person(s, k)

    @staticmethod
    def _foreign_after(toks: list[Tok], k: int) -> int:
        """Start of a foreign name after a title at k and the official's country ("Quốc phòng
        Lào"): a capitalised run with a syllable Vietnamese does not have; 0 when there is none."""
        if k + 1 < len(toks) and toks[k].cap and not toks[k + 1].cap and _is_word(toks[k], toks[k + 1]):
            k += 2  # the field of the title: "Quốc phòng", "Ngoại giao"
        country = match("countries.txt", toks, k)
        if not country:
            return 0  # "Tổng Giám đốc Viettel Global": a company, no official
        k = country[0]
        n = k
        while n < len(toks) and n - k < 6 and toks[n].cap and (toks[n].text.isalpha() or _transliterated(toks[n].text)):
            n += 1
        native = [bool(_VIETNAMESE_SYLLABLE.match(t.low)) for t in toks[k:n]]
        if all(native) and 2 <= n - k <= 3 and country[1] in _sino_countries() \
                and not _Reader._agency_begins(toks, k):
            return k  # "Chủ tịch Trung Quốc Tập Cận Bình": a name written in Sino-Vietnamese
        if n - k < 2 or all(native):
            return 0
        if not native[0] and len(native) >= 3 and all(native[1:]):
            return 0  # "Tổng Giám đốc Viettel Tào Đức Thắng": a company, then a Vietnamese name
        return k

    # instruments, programmes, meetings ---------------------------------------------------------------

    def _topic(self, s: Sentence, k: int, most: int, stops: frozenset[str], allow_comma=False,
               objects=False) -> int:
        """End of a descriptive phrase from token k: words until punctuation or a stop word. With
        `objects` (a programme's name), an instrument or programme it carries out is part of it
        ("Chương trình hành động thực hiện Nghị quyết ..."), and so are two words joined by a comma
        before a closing "và" ("Quy chế phối hợp quản lý, điều hành ... và ...")."""
        toks = s.toks
        start = k
        while k < len(toks) and k - start < most:
            t = toks[k]
            if t.text == "," and k > start and k + 1 < len(toks) and toks[k - 1].low == "phòng" \
                    and toks[k + 1].low == "chống":
                k += 2  # "phòng, chống": one verb written with a comma
                continue
            if objects:
                verb = 2 if k + 2 < len(toks) and f"{t.low} {toks[k + 1].low}" in _CARRIES_OUT else 0
                after = k > start + 1 and f"{toks[k - 2].low} {toks[k - 1].low}" in _CARRIES_OUT
                if (verb or after) and k + verb < len(toks) and toks[k + verb].cap:
                    carried = self.instrument_at(s, k + verb) or self.program_at(s, k + verb)
                    if carried:  # what is carried out completes the name
                        k = carried[0]
                        break
                if t.text == "," and not allow_comma and _coordinated(toks, k):
                    k += 1
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
        if not (t.cap and t.low in _set("surnames.txt")):
            return False
        end = self._person_run(s, k)
        # not "Thái Bình Dương Hoa Kỳ" (an ocean and a country), "Đoàn Việt Nam" (a delegation)
        return end >= k + 3 and fold(" ".join(x.text for x in s.toks[k:end])) not in _places() \
            and not any(_country_at(s.toks, m) for m in range(k + 1, end))

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
            if end < len(toks) and toks[end].low == "về":  # "về lãnh đạo nhiệm vụ quân sự, quốc phòng và ..."
                end = self._topic(s, end + 1, 30, _set("stopwords.txt") - {"thực hiện", "trong"}, allow_comma=True)
            return end, clean_name(word + " " + self.text[toks[k].start:toks[end - 1].end]), "", (k + 1, agency[0])
        if word in ("Luật", "Bộ luật", "Pháp lệnh", "Hiến pháp"):
            end = self._name_part(s, k)
            if word == "Hiến pháp" and end == k:
                return k, word, "", None
            if end == k:
                return None
            if word != "Hiến pháp":  # "... với tỷ lệ tán thành cao": what follows the name, not part of it
                end = max(end, self._topic(s, end, 14, _set("stopwords.txt") | {"với"}, allow_comma=True))
            return end, clean_name(self.text[toks[i].start:toks[end - 1].end]), "", None
        if k < len(toks) and toks[k].cap and i > 0:
            end = self._name_part(s, k)
            while end + 2 <= len(toks) and toks[end].low == "lần" and toks[end + 1].low == "thứ":
                end = min(len(toks), end + 3)
            if end + 1 < len(toks) and toks[end].low in ("khóa", "khoá") and _NUMBERISH.match(toks[end + 1].text):
                end += 2  # "Nghị quyết Trung ương 8 khóa XI": the Central Committee's term
            end = _term_end(toks, end)  # "..., nhiệm kỳ 2020 - 2025"
            if end < len(toks) and toks[end].low == "về" and end > k:
                end = self._topic(s, end + 1, 30, _set("stopwords.txt") - {"thực hiện", "trong"}, allow_comma=True)
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
        if i > 0 and toks[i - 1].low in _PLURAL or _in_plural_list(toks, i):
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
        if _NUMBERISH.match(toks[j].text) or _CODE.match(toks[j].text):
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
        end = self._topic(s, j, 25, _set("stopwords.txt"), objects=True)
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
        if end - j <= 2 and end < len(toks) and toks[end].cap and toks[end - 1].low not in ("và", "hoặc") \
                and (inner := self.program_at(s, end)):
            end = inner[0]  # "Kế hoạch sơ kết Cuộc vận động 50": a plan for another named programme
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
        # most sentences have no "các" to begin a list: the text is asked before its tokens
        list_start = _people_list(toks) if "các" in self.text[s.start:s.end].lower() else len(toks)
        starts_lower = _lower_starts()
        # asked at every capitalised word: the words that can begin these, asked first
        pronouns, titled_heads = first_words("agency_pronouns.tsv"), first_words("titled_heads.tsv")
        heads = first_words("agencies.tsv")
        i = 0
        while i < len(toks):
            if not toks[i].cap and toks[i].low not in starts_lower:
                i += 1  # no mention begins at this lower-case word (see `_lower_starts`)
                continue
            listed = self.agency_list(s, i) if toks[i].low in _PLURAL else None
            if listed:  # "các Bộ: Quốc phòng, Nội vụ, Tư pháp": one agency per name
                self.found.extend(listed)
                i = listed[-1].j
                continue
            agency = self.agency_at(s, i) if toks[i].cap and not (toks[i].low in heads and _inside_title(toks, i)) \
                else None
            if agency is None and not toks[i].cap and toks[i].low in heads \
                    and (head := match("agencies.tsv", toks, i, need_cap=False)) \
                    and "pronoun" in _agency_kinds()[head[1]] and head[0] < len(toks) and toks[head[0]].cap \
                    and _title_before(toks, i) and (agency := self.agency_at(s, i, lower=True)):
                # "phó tư lệnh quân chủng Hải quân": a head word in lower case, then the name
                end, name, head_word = agency
                agency = (end, name[:1].upper() + name[1:], head_word) if name != head_word else None
            bare = _bare_after_title(toks, i) if not toks[i].cap else None
            if bare is not None and "whole" in _agency_kinds()[bare[1]]:
                # "Ủy viên Thường vụ quân ủy Trung ương": a whole name written in lower case
                self.found.append(Found("Agency", i, bare[0], bare[1], s, {"head": bare[1]}))
                i = bare[0]
                continue
            if agency is None and bare is None and toks[i].cap and toks[i].low in pronouns \
                    and (word := match("agency_pronouns.tsv", toks, i)) \
                    and _title_before(toks, i):
                # "Chính ủy Nhà trường": the school (Trường, Học viện) the article named
                heads = _agency_pronouns()[word[1]]
                self.found.append(Found("Agency?", i, word[0], heads[0], s, {"head": heads[0], "heads": heads}))
                i = word[0]
                continue
            if bare is not None:  # "Chủ tịch hội đồng": the council the article named
                self.found.append(Found("Agency?", i, bare[0], bare[1], s, {"head": bare[1]}))
                i = bare[0]
                continue
            if agency and (self.outlet_span[0] <= toks[i].start < self.outlet_span[1]
                           or i > 0 and toks[i - 1].low in _PLACE_BEFORE
                           or i > 1 and toks[i - 1].low in _LEVEL_BEFORE and not _is_word(toks[i - 2], toks[i - 1])):
                i = agency[0]  # "(Báo Hải quân) - ": the outlet; "quần đảo Trường Sa", "đường Trường Chinh": places
                continue
            if agency:
                end, name, head = agency
                if name != head or "whole" in _agency_kinds().get(head, set()):
                    f = Found("Agency", i, end, name, s, {"head": head})
                    self.found.append(f)
                    # "Vụ Pháp chế Bộ Quốc phòng", "Viện Điện tử thuộc Viện ...", "Cục Quân huấn/BTTM": a
                    # unit and its parent
                    parent = previous if previous is not None and (
                        previous.j == i or previous.j + 1 == i and toks[previous.j].low in ("thuộc", "/")
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
                    official = self._official_after(s, i, end)
                    if official:  # "Bộ trưởng Bộ Quốc phòng Liên bang Nga Sergei Shoigu"
                        name = _joined(toks[end:official])
                        self.found.append(Found("Person", end, official, name, s))
                        known_people[fold(name)] = name
                        end = official
                    i = end
                    continue
                self.found.append(Found("Agency?", i, end, head, s, {"head": head}))
                i = end
                continue
            listing = i == list_start or i > list_start and (toks[i - 1].text in (",", ";", ":")
                                                             or toks[i - 1].low == "và")
            person = self.person_at(s, i, known_people, listing)
            if person:
                start, end, name, rank = person
                p = Found("Person", start, end, name, s)
                titled = self.titled_agency(s, i) if start > i else None
                if titled is not None and titled.j <= start:  # "Bộ trưởng Quốc phòng Lào X": his ministry
                    self.found.append(titled)
                self.found.append(p)
                known_people[fold(name)] = name
                if rank:
                    r = Found("Rank", i, match("ranks.txt", toks, i, need_cap=False)[0], rank, s)
                    self.found.append(r)
                    self.relations.append(("HAS_RANK", p, r, s, ""))
                i = end
                continue
            # a title begins with a capital
            titled = self.titled_agency(s, i) if toks[i].cap and toks[i].low in titled_heads else None
            if titled:
                self.found.append(titled)
                i = titled.j
                continue
            i += 1
        # instruments, programmes and events may contain agency names: a second pass
        starts = first_words("instruments.txt", "programs.txt", "meetings.txt")
        instruments, programs, meetings = (first_words(name) for name in ("instruments.txt", "programs.txt",
                                                                           "meetings.txt"))
        for i in [k for k, t in enumerate(toks) if t.low in starts]:  # each begins with its lexicon's word
            low = toks[i].low
            inst = self.instrument_at(s, i) if low in instruments else None
            if inst:
                end, name, number, issuer = inst
                self.found.append(Found("Resolution", i, end, name, s, {"number": number, "issuer": issuer}))
                continue
            prog = self.program_at(s, i) if low in programs else None
            if prog:
                self.found.append(Found("Program", i, prog[0], prog[1], s))
                continue
            meeting = self.meeting_at(s, i) if low in meetings else None
            if meeting:
                end, name, specific = meeting
                self.found.append(Found("Meeting", i, end, name, s, {"specific": specific}))

    def agency_list(self, s: Sentence, i: int) -> list[Found] | None:
        """Agencies named as a list after one head word in the plural: "các Bộ: Quốc phòng, Công
        Thương và Tư pháp", "các Quân khu 1, 2" — each name (or number) with the head is one agency;
        an item that is a full name of its own ("Bộ Khoa học và Công nghệ") stays as written."""
        toks = s.toks
        head = _head_word(toks, i + 1)
        if head is None:
            return None
        k, word = head
        colon = k < len(toks) and toks[k].text == ":"
        k += colon
        out: list[Found] = []
        while k < len(toks):
            whole = self.agency_at(s, k) if toks[k].cap else None
            if whole and (whole[1] != whole[2] or "whole" in _agency_kinds().get(whole[2], set())):
                out.append(Found("Agency", k, whole[0], whole[1], s, {"head": whole[2]}))
                end = whole[0]
            elif toks[k].cap or toks[k].text.isdigit():
                end = self._name_part(s, k)
                if end == k:
                    break
                out.append(Found("Agency", k, end, self._expand(f"{word} {_surface(s, self.text, k, end)}"), s,
                                 {"head": word}))
            else:
                break
            if end < len(toks) and (toks[end].text == "," or toks[end].low == "và"):
                k = end + 1
                continue
            break
        return out if len(out) >= 2 or colon and out else None

    def titled_agency(self, s: Sentence, i: int) -> Found | None:
        """The agency named after a title that carries its head word: in "Trưởng ban Tuyên giáo
        Trung ương" the words after the title name the "Ban Tuyên giáo Trung ương"."""
        hit = match("titled_heads.tsv", s.toks, i)
        if not hit or hit[0] >= len(s.toks) or not s.toks[hit[0]].cap or self._agency_begins(s.toks, hit[0]):
            return None
        j, title = hit
        if match("title_qualifiers.txt", s.toks, j, need_cap=False):
            return None  # "Phó Trưởng ban Thường trực Ban Tổ chức": a qualified title of the Ban that follows
        longer = match("agencies.tsv", s.toks, j - 1)
        if longer and longer[0] > j:
            return None  # "Trưởng Ban Chỉ đạo": the title's head word begins a longer one
        k = self._name_part(s, j)
        if k == j or any(self._agency_begins(s.toks, n) for n in range(j + 1, min(k + 1, len(s.toks)))):
            return None  # "Trưởng ban Pháp chế Bộ Chỉ huy ...": a section of the agency that follows
        head, first = _titled_heads()[title]
        if first and s.toks[j].text not in first.split("|"):
            return None
        for m in range(j + 1, k):
            country = match("countries.txt", s.toks, m)
            if country or not _VIETNAMESE_SYLLABLE.match(s.toks[m].low):
                k = country[0] if country else m  # "Bộ trưởng Quốc phòng Lào Chansamone ...": the name follows
                break
        return Found("Agency", j, k, self._expand(f"{head} {_surface(s, self.text, j, k)}"), s, {"head": head})

    def _inner_agency(self, s: Sentence, i: int, end: int, head: str) -> Found | None:
        if head not in ("Đảng ủy", "Đảng bộ", "Bộ Tư lệnh", "Bộ Chỉ huy", "Đảng ủy Quân sự", "Ban Thường vụ"):
            return None
        j = i + len(head.split())
        if head == "Ban Thường vụ" and s.toks[i].low != "ban":
            j -= 1  # "Thường vụ Quân ủy Trung ương", written without "Ban"
        if j < end:
            inner = self.agency_at(s, j)
            if inner and inner[0] == end and inner[1] != inner[2] or inner and inner[0] == end and \
                    "whole" in _agency_kinds().get(inner[2], set()):
                return Found("Agency", j, end, inner[1], s, {"head": inner[2]})
        return None


# What a body does, never a lower-case part of its name (besides the stop words).
_VERBS_IN_NAMES = frozenset({"chỉ đạo", "lãnh đạo", "phối hợp", "làm việc", "kiểm tra", "gặp mặt"})


def _count_of_places(toks: list[Tok], k: int) -> bool:
    """A number of places is written at k ("44 tỉnh, thành phố", "hai tỉnh Kiên Giang và An Giang")."""
    return k + 1 < len(toks) and (toks[k].text.isdigit() or toks[k].low in ("hai", "ba", "bốn")) \
        and bool(match("place_words.txt", toks, k + 1, need_cap=False))


def _lower_to_centre(toks: list[Tok], k: int) -> int:
    """End of lower-case words at k (one or two dictionary words) that go on to the "Trung ương" of
    a central body's name ("Ban Thi đua khen thưởng Trung ương"); 0 when they do not."""
    m = k
    while m + 1 < len(toks) and m - k < 4 and not toks[m].cap and not toks[m + 1].cap \
            and _is_word(toks[m], toks[m + 1]):
        two = f"{toks[m].low} {toks[m + 1].low}"
        if two in _VERBS_IN_NAMES or two in _set("stopwords.txt"):
            return 0
        m += 2
    # "Trung ương" ends the name here ("... chỉ đạo Trung ương Đoàn": another body follows)
    if m > k and m + 1 < len(toks) and toks[m].cap and toks[m].low == "trung" and toks[m + 1].low == "ương" \
            and not (m + 2 < len(toks) and toks[m + 2].cap):
        return m + 2
    return 0


def _country_at(toks: list[Tok], k: int) -> bool:
    """A country's name of two syllables or more begins at k ("Hàn Quốc", "Việt Nam"); one syllable
    ("Nga", "Đức", "Anh") is also a given name."""
    if k + 1 < len(toks) and toks[k].low == "việt" and toks[k + 1].low == "nam":
        return True
    country = match("countries.txt", toks, k)
    return country is not None and country[0] - k >= 2


# Titles that also head a company, whose name may follow them in one foreign-looking word.
_FIRM_TITLES = ("giám đốc", "chủ tịch", "biên tập")
_INITIAL = re.compile(r"(?:^|\.)[A-Z]$")  # "J" of "Samuel J. Locklear", "Aleksandr.V" of "Aleksandr.V. Fomin"
_GIVEN_AND_INITIAL = re.compile(r"[A-Z][a-z]+\.[A-Z]")


def _joined(toks: list[Tok]) -> str:
    """The tokens of a name as written: a space between two words, none where they touch ("In-Mu", "J.")."""
    if not toks:
        return ""
    parts = [toks[0].text]
    for before, t in zip(toks, toks[1:]):
        if t.start > before.end:
            parts.append(" ")
        parts.append(t.text)
    return "".join(parts)


def _foreign_word(word: str) -> bool:
    """One word of a foreign name: letters only, four or more, capitalised, not a Vietnamese syllable
    ("Irvansyah", "NiekSaVuon"), not an abbreviation."""
    return len(word) >= 4 and word.isalpha() and word[0].isupper() and not word.isupper() \
        and not _VIETNAMESE_SYLLABLE.match(word.lower())


# A ship's name written after its hull number: "015-Trần Hưng Đạo", "HQ-016 - Quang Trung".
_HULL_NAME = re.compile(rf"(?<![\w/.])(?:[A-Z]{{1,3}}-?)?\d{{2,4}} ?[-–] ?([{UPPER}]\w*(?: [{UPPER}]\w*){{1,3}})")


@lru_cache(maxsize=None)
def _agency_pronouns() -> dict[str, tuple[str, ...]]:
    """A word that stands for an agency the article named → the head words that agency may have."""
    return {row[0]: tuple(row[1].split("|")) for row in lexicon.table("agency_pronouns.tsv") if len(row) > 1}


@lru_cache(maxsize=None)
def _our_services() -> dict[str, str]:
    """Armed service → our own body it names when written alone after a title ("Tư lệnh Hải quân")."""
    return {row[0]: row[2] for row in lexicon.table("agencies.tsv") if len(row) > 2 and "service" in row[1].split()}


def _title_before(toks: list[Tok], i: int) -> bool:
    """A title, in either case, ends right before token i ("Chính ủy Hải quân", "phó tư lệnh Hải quân")."""
    return any((title := match("positions.txt", toks, i - n, need_cap=False)) and title[0] == i
               for n in range(1, 5) if i >= n)


@lru_cache(maxsize=None)
def _named_places() -> frozenset[str]:
    """Place words that name a place only with its name after them ("khu vực Văn Sơn")."""
    return frozenset(fold(row[0]) for row in lexicon.table("place_words.txt") if len(row) > 1 and row[1] == "named")


@lru_cache(maxsize=None)
def _listed_kinds() -> frozenset[str]:
    """The place words of the kinds of place `places.tsv` lists ("tỉnh", "thành phố", "huyện")."""
    return frozenset(fold(row[1]) for row in lexicon.table("places.tsv") if len(row) > 1)


def _term_end(toks: list[Tok], k: int) -> int:
    """Past a term of office written after a congress's name ("..., nhiệm kỳ 2020 - 2025"), or k."""
    m = k + 1 if k < len(toks) and toks[k].text == "," else k
    if m + 2 >= len(toks) or toks[m].low != "nhiệm" or toks[m + 1].low not in ("kỳ", "kì"):
        return k
    m += 2
    if re.fullmatch(r"(19|20)\d\d[-–](19|20)\d\d", toks[m].text):
        return m + 1
    if m + 2 < len(toks) and re.fullmatch(r"(19|20)\d\d", toks[m].text) and toks[m + 1].text in _DASHES \
            and re.fullmatch(r"(19|20)\d\d", toks[m + 2].text):
        return m + 3
    return k


def _coordinated(toks: list[Tok], k: int) -> bool:
    """The comma at k joins two words of one list that "và" closes ("quản lý, điều hành ... và ..."),
    or that ends the sentence's clause without a verb ("sản xuất, sửa chữa vũ khí trang bị.")."""
    if k < 2 or k + 2 >= len(toks) or toks[k + 1].cap or toks[k - 1].cap or toks[k - 2].cap \
            or not _is_word(toks[k - 2], toks[k - 1]) \
            or not _is_word(toks[k + 1], toks[k + 2]):
        return False
    stops = _set("stopwords.txt")
    for m in range(k + 3, min(len(toks), k + 15)):
        t = toks[m]
        if t.low == "và":
            return True
        if t.text in _HARD_STOP:
            return m - k <= 9 and t.text in ".;"
        two = f"{t.low} {toks[m + 1].low}" if m + 1 < len(toks) else ""
        if t.text == "," or t.cap or not t.text.isalpha() or two in stops \
                or t.low in stops and not _is_word(toks[m - 1], t):  # "hậu cần" is no "cần"
            return False
    return False


def _transliterated(word: str) -> bool:
    """A foreign name written syllable by syllable with hyphens: "Nê-ru", "Su-bra-ma-ni-am"."""
    parts = word.split("-")
    return len(parts) > 1 and all(p.isalpha() for p in parts) and parts[0][:1].isupper() \
        and not word.isupper()


@lru_cache(maxsize=None)
def _sino_countries() -> frozenset[str]:
    """Countries whose people Vietnamese writes in Sino-Vietnamese syllables ("Tập Cận Bình")."""
    return frozenset(row[0] for row in lexicon.table("countries.txt") if len(row) > 1 and row[1] == "sino")


def _bare_after_title(toks: list[Tok], i: int) -> tuple[int, str] | None:
    """(end, head) of a head word written in lower case right after a title, standing for the agency
    of that kind the article names ("Thứ trưởng Bộ Quốc phòng, Chủ tịch hội đồng"), or of a whole
    name whose first word is written in lower case ("Ủy viên Thường vụ quân ủy Trung ương")."""
    if toks[i].low not in first_words("agencies.tsv"):
        return None
    hit = match("agencies.tsv", toks, i, need_cap=False)
    if not hit:
        return None
    kinds = _agency_kinds()[hit[1]]
    if "whole" in kinds:
        # only with a capital further on: "quân ủy Trung ương", not "bộ quốc phòng" in running text
        if not any(t.cap for t in toks[i + 1:hit[0]]):
            return None
    elif "pronoun" not in kinds or hit[0] < len(toks) and (
            toks[hit[0]].cap or _is_word(toks[hit[0] - 1], toks[hit[0]])):
        return None
    for n in range(1, 6):
        title = match("positions.txt", toks, i - n) if i - n >= 0 else None
        if title and (title[0] == i or title[0] == i + 1 and hit[0] > i + 1 and "whole" not in kinds):
            return hit  # "Phó Trưởng ban chỉ đạo": the title's last word begins the head word
    return None


def _inside_title(toks: list[Tok], i: int) -> bool:
    """Token i begins a head word inside a listed title that goes on past it ("Chủ tịch Hội đồng
    thành viên Tổng công ty X": the agency is the company); "Chánh Văn phòng Trung ương Đảng" ends
    with its head word, whose agency follows."""
    head = match("agencies.tsv", toks, i)
    if head is None:
        return False  # asked at every capitalised word: most begin no head word
    titles = first_words("positions.txt")
    for n in range(1, 4):
        title = match("positions.txt", toks, i - n) if i - n >= 0 and toks[i - n].low in titles else None
        if title and title[0] > head[0]:
            return True
    return False


def _in_plural_list(toks: list[Tok], i: int) -> bool:
    """Token i is a later item of a plural list ("các nhiệm vụ, đề án trọng điểm"): no one thing."""
    if i < 3 or toks[i - 1].text != "," or toks[i].cap:
        return False
    for k in range(i - 2, max(-1, i - 10), -1):
        if toks[k].text in _HARD_STOP:
            return False
        if toks[k].low in ("các", "những"):
            return True
    return False


@lru_cache(maxsize=None)
def _lower_starts() -> frozenset[str]:
    """The lower-case words at which a mention can begin in `read`'s first pass: a plural before a
    list of agencies, a head word, a rank, "ông" and the like, and the comma before an item of a list
    of people. At any other lower-case word nothing begins."""
    return frozenset(_PLURAL | first_words("agencies.tsv") | first_words("ranks.txt") | set(_ADDRESS) | {","})


def _people_list(toks: list[Tok]) -> int:
    """Where a list of people begins: after "các đồng chí" (and the title it may carry, up to a
    colon); len(toks) when the sentence has none."""
    for h in [h for h in range(len(toks) - 2) if toks[h].low == "các"]:  # most sentences have none
        if toks[h + 1].low in ("ông", "bà", "vị") or toks[h + 1].low == "đồng" and toks[h + 2].low == "chí":
            start = h + 3 if toks[h + 1].low == "đồng" else h + 2
            colon = next((k for k in range(start, min(len(toks), start + 20)) if toks[k].text == ":"), None)
            return colon + 1 if colon is not None else start
    return len(toks)


def _head_word(toks: list[Tok], k: int) -> tuple[int, str] | None:
    """(end, head) of the longest agency head word at k that needs a name ("Bộ", "Quân khu")."""
    if k >= len(toks) or not toks[k].cap:
        return None
    kinds = _agency_kinds()
    for words, phrase in _phrases("agencies.tsv").get(toks[k].low, ()):
        n = len(words)
        if "whole" not in kinds[phrase] and all(k + m < len(toks) and toks[k + m].low == words[m] for m in range(n)):
            return k + n, phrase
    return None


def _inside(f: Found, others: list[Found]) -> bool:
    return any(o is not f and o.sent is f.sent and o.i <= f.i and f.j <= o.j for o in others)


def _starts_inside(f: Found, others: list[Found]) -> bool:
    return any(o is not f and o.sent is f.sent and o.i < f.i < o.j for o in others)


def _by_sentence(found: list[Found]) -> dict[int, list[Found]]:
    out: dict[int, list[Found]] = defaultdict(list)
    for f in found:
        out[id(f.sent)].append(f)
    return out

def _field_end(toks: list[Tok], j: int, agencies: list[Found]) -> int:
    """End of a field written between a title and its agency ("Phó Chủ nhiệm Kỹ thuật Quân khu"), or
    of a qualifier ("Thứ trưởng thường trực Bộ Ngoại giao")."""
    qualifier = match("title_qualifiers.txt", toks, j, need_cap=False)
    if qualifier:
        return qualifier[0]
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


def find_mentions(doc: Document, sentences: list[Sentence], outlet_span: tuple[int, int] = (0, 0)
                  ) -> tuple[list[Found], list[tuple]]:
    """Every mention of every sentence, in reading order, and the relations the sentences state as
    they are read: (type, Found source, Found target, evidence sentence, title)."""
    reader = _Reader(doc, outlet_span)
    known: dict[str, str] = {}
    for s in sentences:
        reader.read(s, known)
    return reader.found, reader.relations
