"""Stage 3, entities and in-document identity: mentions resolved to one entity each (bare heads to
the agency they stand for, short forms to the full name, short instrument numbers to the full one)."""
from __future__ import annotations

import bisect
import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from graph.model import Document
from loaders import lexicon
from loaders.normalize import UPPER, clean_name, entity_key, fold
from loaders.extract.lexicons import _places, _set, match, reads_as_person
from loaders.extract.mentions import _PLACE_KINDS, Found, _named_places, _by_sentence, _field_end
from loaders.extract.tokens import Tok, _NUMBERISH


@dataclass
class _Ent:
    label: str
    key: str
    name: str
    mentions: list[Found] = field(default_factory=list)
    aliases: set[str] = field(default_factory=set)
    date: str = ""



_COMMITTEES = {"đảng ủy", "đảng bộ"}


def _agency_full_names(names: list[str]) -> dict[str, str]:
    """Short forms of an agency named in full elsewhere in the document: "Bộ Chỉ huy Quân sự tỉnh"
    for "Bộ Chỉ huy Quân sự tỉnh Nghệ An", "Tổng cục Chính trị" for "Tổng cục Chính trị Quân đội
    nhân dân Việt Nam". The first full form written is the display name."""
    distinct = list(dict.fromkeys(names))
    folds = [fold(name) for name in distinct]  # each name against every other: fold each once
    out: dict[str, str] = {}
    for short, folded in zip(distinct, folds):
        prefix = folded + " "
        longer = [(full, f) for full, f in zip(distinct, folds) if f.startswith(prefix)]
        if not longer:
            continue  # most names begin no other name
        places = _set("place_words.txt") - _named_places()
        bare_place = bool(_bare_place(short))  # ends with one of `places`
        for full, f in longer:
            rest = f[len(folded) + 1:]
            if rest.removeprefix("nước ") in _countries():
                continue  # "Bộ Quốc phòng Campuchia" is another country's ministry
            # "Đảng ủy Quân khu" for "Đảng ủy Quân khu 9": only the unit's number is left out;
            # "Bộ Tư lệnh Thủ đô" for "Bộ Tư lệnh Thủ đô Hà Nội": only a capitalised place
            numbered = (_NUMBERISH.match(rest.upper()) or _CAPITALISED_REST.match(full[len(short) + 1:])) \
                and len(folded.split()) >= 3
            if bare_place and not any(rest.startswith(p + " ") for p in places) \
                    or rest in _OWNER_SUFFIXES or numbered:
                out[short] = full
                break
    return out


@lru_cache(maxsize=None)
def _countries() -> frozenset[str]:
    return frozenset(fold(c) for c in lexicon.words("countries.txt"))


_CAPITALISED_REST = re.compile(rf"^[{UPPER}]\w*(?: [{UPPER}]\w*){{0,2}}$")
# What a national body may add after its name without becoming another body.
_OWNER_SUFFIXES = {"việt nam", "quân đội nhân dân việt nam", "nhân dân việt nam", "qđnd việt nam"}


@lru_cache(maxsize=None)
def _local_committees() -> dict[str, str]:
    """Party committee of a place (folded) → the word for that kind of place."""
    return {fold(row[0]): row[1] for row in lexicon.table("local_committees.tsv")}


# Asked for every agency mention; the names repeat across articles.
@lru_cache(maxsize=65536)
def _bare_place(name: str) -> str:
    """The place word a name ends with and names no place after ("Ủy ban nhân dân tỉnh"), or ""."""
    folded = fold(name)
    return next((p for p in _set("place_words.txt") - _named_places() if folded.endswith(" " + p)), "")


@lru_cache(maxsize=65536)
def _bare_committee(name: str) -> str:
    """The local party committee (folded) a name ends with and names no place after ("Ban Thường vụ
    Tỉnh ủy"), or ""."""
    folded = fold(name)
    return next((c for c in _local_committees() if folded.endswith(" " + c)), "")


def _place_in_context(text: str, at: int, word: str) -> str:
    """The name of the place of kind `word` ("tỉnh") the article last named before `at` ("Thanh
    Hóa" of "tỉnh Thanh Hóa", "Hồ Chí Minh" of "TP HCM"), else the first it names after; "" when it
    names none. A person's name after the word ("Chủ tịch UBND tỉnh Lê Văn An") names no place, and a
    province of ours is meant rather than a foreign one the article also names."""
    found = []
    for m in _place_pattern(word).finditer(text):
        name = _place_name(m.group(2), spaced=bool(m.group(1)))
        if name:
            found.append((m.start(), name))
    if word == "tỉnh" and any(fold(name) in _places() for _, name in found):
        # the list holds every province of ours: "tỉnh Savannakhet (Lào)" is the partner's
        found = [(start, name) for start, name in found if fold(name) in _places()]
    before = [name for start, name in found if start < at]
    if before:
        return before[-1]
    return found[0][1] if found else ""


def _place_name(run: str, spaced: bool = True) -> str:
    """The place a capitalised run after a place word names: the listed place it begins with, else
    the run unless it reads as a person's name or is glued to a short place word ("TPHCM")."""
    words = run.split(" ")
    places = _places()
    for n in range(len(words), 0, -1):
        known = places.get(fold(" ".join(words[:n])))
        if known:
            return known[0]
    return run if spaced and not reads_as_person(words) else ""


@lru_cache(maxsize=None)
def _place_pattern(word: str) -> re.Pattern:
    short = [re.escape(k) for k, v in _PLACE_KINDS.items() if v == word]
    words = "|".join([re.escape(word)] + [rf"{k}\.?" for k in short])
    return re.compile(rf"\b(?i:{words})( ?)([{UPPER}]\w*(?: [{UPPER}]\w*){{0,2}})")


def _local_name(head: str, word: str, where: str) -> str:
    """A local body named with its place: "Tỉnh ủy Thanh Hóa", "Thành ủy Thành phố Hồ Chí Minh" (a
    place the list says bodies write with its word)."""
    known = _places().get(fold(where))
    if known and known[2]:
        return f"{head} {word[:1].upper()}{word[1:]} {where}"
    return f"{head} {where}"


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
    if n >= 3 and wa[n - 1] == "giữa" and "hai" in (wa[n:n + 1] + wb[n:n + 1]):
        return True  # "giữa hai tổng cục" refers to the two parties the other name gives
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


class Identity:
    """The document's entities so far: (label, key) → entity, and each mention's entity."""

    def __init__(self, text: str):
        self.text = text
        self.ents: dict[tuple[str, str], _Ent] = {}
        self.of: dict[int, _Ent] = {}  # id(Found) → entity

    def add(self, f: Found, label: str, key: str, name: str) -> _Ent:
        ents, of, text = self.ents, self.of, self.text
        e = ents.get((label, key))
        if e is None:
            e = ents[label, key] = _Ent(label, key, name)
        e.mentions.append(f)
        surface = clean_name(text[f.start:f.end])
        if surface and fold(surface) != fold(e.name):
            e.aliases.add(surface)
        of[id(f)] = e
        return e


def resolve_entities(doc: Document, found: list[Found]) -> tuple[Identity, list[Found]]:
    """Agencies, people, ranks, instruments and programmes resolved to entities; returns the identity
    and the document's named agencies (events and relations need them)."""
    ids = Identity(doc.text)
    add, of = ids.add, ids.of
    # agencies first: bare heads ("Tổng cục") resolve to the agency with that head nearest before
    agencies = [f for f in found if f.label == "Agency"]
    full_names = _agency_full_names([f.name for f in agencies])
    for f in agencies:
        name = full_names.get(f.name, f.name)
        if name == f.name and (place := _bare_place(name)):
            # "Chủ tịch UBND tỉnh" in an article about one province: that province's committee
            where = _place_in_context(doc.text, f.start, place)
            name = f"{name} {where}" if where else name
        elif name == f.name and (committee := _bare_committee(name)):
            # "Ban Thường vụ Tỉnh ủy" after "tỉnh Thanh Hóa": the standing committee of the Tỉnh ủy Thanh Hóa
            where = _place_in_context(doc.text, f.start, _local_committees()[committee])
            name = _local_name(name, _local_committees()[committee], where) if where else name
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
        if "heads" in f.extra:  # "Nhà trường": the article's Trường or Học viện
            candidates = _Candidates([c for h in f.extra["heads"] for c in by_head.get(fold(h), ())])
        else:
            candidates = heads.get(fold(f.extra["head"]))
        target = candidates.nearest(f) if candidates else None
        if target is not None:
            f.label = "Agency"
            add(f, "Agency", of[id(target)].key, of[id(target)].name)
        elif (place := _local_committees().get(fold(f.extra["head"]))) and \
                (where := _place_in_context(doc.text, f.start, place)):
            f.label = "Agency"  # "Bí thư Tỉnh ủy" after "Về phía tỉnh Thanh Hóa": the Tỉnh ủy Thanh Hóa
            name = _local_name(f.extra["head"], place, where)
            add(f, "Agency", entity_key("Agency", name), name)
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
    return ids, agencies
