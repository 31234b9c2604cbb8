"""Stage 5, relations: who chaired, attended, signed, issued; positions and ranks; per sentence."""
from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache

from loaders import lexicon
from loaders.normalize import clean_name, entity_key, fold
from loaders.extract.entities import Identity, _Ent, _countries, _owner_at
from loaders.extract.lexicons import _cues, _is_word, _issuers, first_words, match
from loaders.extract.mentions import _VIETNAMESE_SYLLABLE, Found, _Reader, _field_end, _inside
from loaders.extract.tokens import Sentence, Tok, _DOCNUM, _HARD_STOP


def _sentence_relations(s: Sentence, here: list[Found], of, ents, continues: bool = False,
                        recent: _Ent | None = None, events: list[_Ent] = ()) -> list[tuple]:
    """The relations one sentence's words give; `recent` is the event the text last named, which a
    sentence naming none ("Cùng dự có ...") is about; `events` are the document's Meetings."""
    toks = s.toks
    out = []
    persons = [f for f in here if f.label == "Person"]
    agencies = [f for f in here if f.label == "Agency"]
    meetings = [f for f in here if f.label == "Meeting"]
    programs = [f for f in here if f.label == "Program"]
    resolutions = [f for f in here if f.label == "Resolution"]
    if not (persons or meetings or programs or resolutions):
        return out  # every relation below has one of them at an end (agencies alone state none)
    top = [a for a in agencies if not _inside(a, agencies)]  # not "Quân khu 9" inside "Bộ Tư lệnh Quân khu 9"

    # positions after a name: "X, Chủ nhiệm Tổng cục Kỹ thuật, Bí thư Đảng ủy ..."
    for p in persons:
        out.extend(_positions(s, p, agencies, of, ents))
        out.extend(_position_before(s, p, here, of))
    out.extend(_header_positions(s, persons, agencies, of))

    main_meetings = list(events)
    if recent is not None:
        main_meetings = [recent] + [e for e in main_meetings if e is not recent]
    cues = []
    cue_words = first_words("cues.tsv")
    # the few tokens a cue can begin at, found in one pass; a cue read ends where the next may begin
    starts = [k for k, t in enumerate(toks) if t.low in cue_words]
    if starts:
        inside_names = {k for f in persons + agencies for k in range(f.i, f.j)}  # "Ban Tổ chức" is no verb
        starts = [k for k in starts if k not in inside_names]
    resume = 0
    for i in starts:
        if i < resume:
            continue
        hit = match("cues.tsv", toks, i, need_cap=False)
        if hit and not (hit[0] < len(toks) and hit[0] - i == 1 and _is_word(toks[i], toks[hit[0]])):
            cues.append((i, hit[0], _cues()[hit[1]]))
            resume = hit[0]
    opener = match("openers.txt", toks, 0, need_cap=False) if toks and toks[0].low in first_words("openers.txt") \
        else None
    comma = next((k for k, t in enumerate(toks) if t.text == ","), None) if opener else None
    if opener and comma is not None and comma < 15 and main_meetings:
        # "Tại hội nghị, Trung tá X giới thiệu ...": the subject after the comma was at the event
        first = next((p for p in persons if p.i > comma), None)
        after = comma + 1
        if after + 1 < len(toks) and toks[after].low in ("đồng", "ông", "bà"):
            after += 2 if toks[after].low == "đồng" else 1  # "Phát biểu tại hội nghị, đồng chí X ..."
        if first is not None and (first.i in (comma + 1, after) or match("ranks.txt", toks, comma + 1)
                                  or match("ranks.txt", toks, after)
                                  or _Reader._honorifics(toks, comma + 1) > comma + 1):
            target = next((m for m in meetings if m.i < comma), None)
            event = of[id(target)] if target else main_meetings[0]
            out.append(("ATTENDED", of[id(first)], event, s, ""))
            # "Tại hội nghị, đồng chí A giới thiệu ...; đồng chí B báo cáo ...": each clause's speaker
            for k, t in enumerate(toks):
                if t.text != ";" or k <= first.i:
                    continue
                at = k + 1
                if at + 1 < len(toks) and toks[at].low == "đồng" and toks[at + 1].low == "chí":
                    at += 2
                rank = match("ranks.txt", toks, at)
                at = rank[0] if rank else at
                speaker = next((p for p in persons if p.i == at), None)
                if speaker is not None:
                    out.append(("ATTENDED", of[id(speaker)], event, s, ""))
    if not cues and len(toks) > 2 and toks[0].low == "về" and toks[1].low == "phía" and (
            continues or any(t.low == "có" for t in toks[2:12])):
        cues.append((0, 0, "ATTENDED"))  # "Về phía X có A, B": those present, for one side
    if not cues and continues and persons and _comrades_listed(toks):
        cues.append((0, 0, "ATTENDED"))  # "Cùng dự có A. Các đồng chí Ủy viên ...: B, C.": more of them
    for n, (ci, cj, rtype) in enumerate(cues):
        prev_end = cues[n - 1][1] if n else 0
        before = [p for p in persons if prev_end <= p.i < ci]
        if rtype == "CHAIRED":
            # "Dự có A, ...; B, Chính ủy ..., chủ trì": who chairs is the subject of the clause of the verb
            clause = max((k for k in range(prev_end, ci) if toks[k].text == ";"), default=-1)
            if toks[ci].low != "đồng" or len([p for p in before if p.i > clause]) > 1:
                # (not "A, Trưởng ban; các Phó Trưởng ban: B; C đồng chủ trì": co-chairs are several)
                before = [p for p in before if p.i > clause]
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
            elif not before and ci <= 1 or toks[cj - 1].low == "của":
                # "Chủ trì hội nghị là Trung tướng X", "Đồng chủ trì có A và B", "... diễn ra dưới sự chủ
                # trì của A và B": the names follow the verb
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
                    if a.j + 1 < len(toks) and toks[a.j].low == "hai" and toks[a.j + 1].low == "nước":
                        # "Bộ Quốc phòng hai nước ký ...": the other country's ministry signs too
                        for other in _counterparts(of[id(a)], ents):
                            out.append(("SIGNED", other, of[id(prog)], s, ""))
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
            # "Đại tướng X, Tổng Cục trưởng ..., đã tổ chức Lễ trao ...": a person who holds it is there
            host = next((p for p in persons if prev_end <= p.i and p.j <= ci), None)
            if host is not None and event and not organiser:
                for m in event:
                    out.append(("ATTENDED", of[id(host)], of[id(m)], s, ""))
            if not organiser or ci - organiser[-1].j > 3:
                continue
            for a in organiser:
                for m in event:
                    out.append(("ORGANIZED", of[id(a)], of[id(m)], s, ""))
    # "Thủ tướng Phạm Minh Chính làm việc với ...", "... tiếp Đoàn ...": who does it is there (it
    # chairs nothing unless the text says "chủ trì"); so are the guests its name holds ("lễ đón
    # chính thức Đại tướng X", "hội đàm với Bộ trưởng Y")
    for m in meetings:
        # "Lễ trao Huân chương ... cho Đại tá A, ... và Đại tá B vì ...": who receives it is there
        if m.extra.get("family") == "lễ" and m.j < len(toks) and toks[m.j].low == "cho":
            end = next((k for k in range(m.j, len(toks)) if toks[k].text in ".;!?" or toks[k].low in _REASON),
                       len(toks))
            for p in persons:
                if m.j < p.i < end:
                    out.append(("ATTENDED", of[id(p)], of[id(m)], s, ""))
        # "chỉ đạo của Tổng Bí thư X tại Hội nghị ...": whose words at the event, was there
        for p in persons:
            if p.j + 1 == m.i and toks[p.j].low == "tại" and any(t.low == "của" for t in toks[max(0, p.i - 5):p.i]):
                out.append(("ATTENDED", of[id(p)], of[id(m)], s, ""))
        for p in m.extra.get("attendees", ()):  # "hai Bộ trưởng tiến hành hội đàm": the two named before
            if id(p) in of:
                out.append(("ATTENDED", of[id(p)], of[id(m)], s, ""))
        if m.extra.get("verb") and (m.extra.get("party") or m.extra.get("visit")):
            # "Đại tướng A, Bộ trưởng ..., đã đến thăm và làm việc tại X": who does it, there
            last_cue = max((cj for ci, cj, _ in cues if cj <= m.i), default=0)
            for p in [p for p in persons if last_cue <= p.i and p.j <= m.i]:
                out.append(("ATTENDED", of[id(p)], of[id(m)], s, ""))
        if not m.extra.get("party"):
            continue
        for p in [p for p in persons if m.i <= p.i < m.j]:
            out.append(("ATTENDED", of[id(p)], of[id(m)], s, ""))
        # "lễ đón Đoàn đại biểu ... do Đại tướng X, Bộ trưởng ..., dẫn đầu": the head of the delegation too
        head = next((p for p in persons if p.i > m.j), None) if m.j < len(toks) and toks[m.j].low == "do" else None
        if head is not None and not any(t.text in ".;!?" for t in toks[m.j:head.i]):
            out.append(("ATTENDED", of[id(head)], of[id(m)], s, ""))
    if main_meetings and all(of[id(m)] is main_meetings[0] for m in meetings):
        out.extend(_handed_over(s, persons, main_meetings[0], of))
    # programmes and instructions that carry out an instrument: "... triển khai Nghị quyết số 08"
    for r in resolutions:
        if r.i >= 2 and toks[r.i - 1].low in ("hiện", "khai") and toks[r.i - 2].low in ("thực", "triển"):
            # "... triển khai Nghị quyết số 08" written after the programme, or inside its name
            for src in [f for f in programs + resolutions if f is not r and (
                    f.j <= r.i and r.i - f.j <= 12 or f.i < r.i and r.j <= f.j)]:
                out.append(("IMPLEMENTS", of[id(src)], of[id(r)], s, ""))
    return out


def _handed_over(s: Sentence, persons: list[Found], event: _Ent, of) -> list[tuple]:
    """"(Hội nghị công bố, trao quyết định ...) ... lãnh đạo Bộ đã trao Quyết định nghỉ hưu cho sáu
    đồng chí, gồm: A, B, C": in an article of an event held to hand something over, or of a ceremony,
    who hands something over and to whom, in a sentence naming no other event, were there."""
    toks = s.toks
    out = []
    if not persons:
        return out
    ceremony = fold(event.name).startswith("lễ ")  # where certificates, medals and flags are handed over
    for verb in lexicon.words("handing_verbs.txt"):  # longest first: "trao tặng" before "trao"
        if f" {verb} " not in f" {fold(event.name)} " and not ceremony:
            continue
        words = verb.split()
        for k in range(len(toks) - len(words)):
            if [t.low for t in toks[k:k + len(words)]] != words:
                continue
            to = next((m for m in range(k + len(words), min(len(toks), k + 30)) if toks[m].low == "cho"), None)
            if to is None:
                continue
            end = next((m for m in range(to, len(toks)) if toks[m].text in ".;!?" or toks[m].low in _REASON), len(toks))
            clause = max((m for m in range(k) if toks[m].text == ";"), default=-1)
            for p in persons:
                if clause < p.i and p.j <= k or to < p.i < end:
                    out.append(("ATTENDED", of[id(p)], event, s, ""))
        if out:
            break  # "trao tặng" read, not "trao" again
    return out



def _within_framework(relations: list[tuple], by_sentence: dict[int, list[Found]], of) -> list[tuple]:
    """"Trong khuôn khổ Giao lưu hữu nghị ... lần thứ 9, ... A hội đàm với B": who takes part in an
    event held within a larger one, named at the head of the sentence, is at the larger one too."""
    out = []
    for rtype, person, event, s, _ in relations:
        if rtype not in ("ATTENDED", "CHAIRED"):
            continue
        # the sentence begins with "Trong", after a dateline if any ("TPO - Trong hoạt động đầu tiên của ...")
        head = next((k for k, t in enumerate(s.toks[:4]) if t.low == "trong"), None)
        if head is None or head and s.toks[head - 1].text not in "-–":
            continue
        comma = next((k for k, t in enumerate(s.toks) if t.text == ","), len(s.toks))
        umbrella = next((f for f in sorted(by_sentence.get(id(s), []), key=lambda f: f.i)
                         if f.label == "Meeting" and f.j <= comma), None)
        if umbrella is not None and of[id(umbrella)] is not event:
            out.append(("ATTENDED", person, of[id(umbrella)], s, ""))
    return out


def _comrades_listed(toks: list[Tok]) -> bool:
    """"Các đồng chí Ủy viên Trung ương Đảng, Thứ trưởng Bộ Quốc phòng: A, B": a sentence that is only
    a list of people under the titles they share."""
    k = 1 if toks[0].low == "các" else 0
    return (k + 1 < len(toks) and toks[k].low == "đồng" and toks[k + 1].low == "chí"
            and any(t.text == ":" for t in toks[k + 2:k + 40]))


def _delegation_country(s: Sentence, p: Found, agencies: list[Found], of) -> str:
    """The country of the delegation p leads ("Đoàn đại biểu Quân đội nhân dân Lào do Đại tướng X,
    ... dẫn đầu"), written at the end of its body's name; "" when p leads none or it is ours."""
    body = _delegation_body(s, p, agencies)
    if body is None:
        return ""
    name = fold(of[id(body)].name)
    return next((c for c in sorted(_countries(), key=len, reverse=True) if name.endswith(" " + c)), "")


def _delegation_body(s: Sentence, p: Found, agencies: list[Found]) -> Found | None:
    """The body whose delegation p leads ("Đoàn đại biểu Bộ đội Biên phòng tỉnh X do Đại tá P, ...")."""
    toks = s.toks
    k = p.i
    for n in (3, 2, 1):  # past the rank ("Thượng tướng", "Phó Đô đốc") or "đồng chí"
        rank = match("ranks.txt", toks, k - n) if k >= n else None
        if rank and rank[0] == k or n == 2 and k >= 2 and toks[k - 2].low == "đồng" and toks[k - 1].low == "chí":
            k -= n
            break
    if k == 0 or toks[k - 1].low != "do":
        return None
    body = next((a for a in agencies if a.j == k - 1), None)
    if body is None or not any(toks[m].low == "đoàn" for m in range(max(0, body.i - 8), body.i)):
        return None
    return body


def _of_country(agency: _Ent, country: str, ents: dict) -> _Ent | None:
    """The article's body of `country` named as `agency` is ("Bộ Quốc phòng Trung Quốc"), or
    `agency` itself when it already names a country."""
    name = fold(agency.name)
    if any(name.endswith(" " + c) for c in _countries()):
        return agency
    return next((e for e in ents.values() if e.label == "Agency" and fold(e.name) in (
        f"{name} {country}", f"{name} nước {country}")), None)


def _counterparts(agency: _Ent, ents: dict) -> list[_Ent]:
    """The article's one foreign body of the same name as `agency` ("Bộ Quốc phòng Campuchia" for
    "Bộ Quốc phòng"); none when it names several."""
    name = agency.key  # "Bộ Quốc phòng Việt Nam" is keyed "bộ quốc phòng"
    found = [e for e in ents.values() if e.label == "Agency" and fold(e.name).startswith(name + " ")
             and fold(e.name)[len(name) + 1:].removeprefix("nước ") in _countries()]
    return found if len(found) == 1 else []


_REASON = ("vì", "do", "nhờ", "nhằm", "để")  # after the recipients of a ceremony, why they receive it


def _speech_at_event(toks: list[Tok], k: int) -> bool:
    rest = " ".join([t.low for t in toks[k:k + 4]])
    return bool(re.match(r"(kết luận|chỉ đạo|khai mạc|bế mạc|tổng kết|tại|chào mừng|đáp từ)", rest))


_ARMY = (("quân", "đội", "nhân", "dân", "việt", "nam"), ("qđnd", "việt", "nam"), ("quân", "đội", "nhân", "dân"),
         ("qđnd",))
_ARMY_FIRST = frozenset(words[0] for words in _ARMY)


def _owner_phrase(toks: list[Tok], k: int) -> int:
    """Past "Quân đội nhân dân Việt Nam" (or "QĐND Việt Nam") at k: the army a national title is of."""
    if k >= len(toks) or toks[k].low not in _ARMY_FIRST:
        return k  # asked after every title
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
    country = _delegation_country(s, p, agencies, of) if ents else ""
    foreign = ents is not None and _foreign_name(p.name)
    k = p.j
    if k < len(toks) and toks[k].text == "(":  # "Đại tướng Xụ-lạ-xắc (Surasak), Tư lệnh ...": the name as spelt at home
        k = next((m + 1 for m in range(k + 1, min(len(toks), k + 8)) if toks[m].text == ")"), k)
    titles: list[str] = []
    former: set[str] = set()  # "nguyên Thứ trưởng Bộ Quốc phòng": a title no longer held
    glued = k < len(toks) and bool(match("positions.txt", toks, k))  # "Đại tướng X Phó Bí thư ...": no comma
    while k < len(toks) and toks[k].text in (",", "kiêm", "–", "-") or \
            (k < len(toks) and toks[k].low == "kiêm") or glued:
        k += 0 if glued else 1
        glued = False
        if k + 1 < len(toks) and toks[k].low == "đồng" and toks[k + 1].low == "thời":
            k += 3 if k + 2 < len(toks) and toks[k + 2].low == "là" else 2  # ", đồng thời là Chủ tịch ..."
        was = k < len(toks) and toks[k].low == "nguyên"
        k += was
        hit = match("positions.txt", toks, k)
        # "..., giảng viên cao cấp Học viện Quốc phòng": a title in lower case, when its agency follows
        lower = hit is None and (hit := match("positions.txt", toks, k, need_cap=False)) is not None
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
        # "Chánh Văn phòng Trung ương Đảng": the title ends inside the name of its agency
        agency = next((a for a in agencies if k < a.i < j < a.j), None)
        # a field between the title and the agency: "Phó Chủ nhiệm Kỹ thuật Quân khu"
        f = _field_end(toks, j, agencies) if agency is None else j
        if f > j:
            title = clean_name(title + " " + " ".join(t.text for t in toks[j:f]))
        titles.append(title)
        if was:
            former.add(title)
        # "Phó Chủ nhiệm Hậu cần các LLVT Cách mạng Cuba": a body named in the plural
        agency = agency or next((a for a in agencies if a.i == f or a.i == f + 1 and toks[f].low == "các"), None)
        if agency is None and lower:
            break
        if agency is None:
            # "Phó Tư lệnh, Tham mưu trưởng Quân khu 3": a bare title shares the next title's agency
            if f < len(toks) and (toks[f].low == "kiêm" or toks[f].text == "," and f == j
                                  and match("positions.txt", toks, f + 1)):
                k = f
                continue
            # "Ủy viên Quốc vụ, Bộ trưởng ...", "Thống lĩnh các lực lượng vũ trang, Trưởng ban ...": a
            # title of no agency the graph names; the chain goes on after it
            rest = f
            while rest < len(toks) and rest - f < 8 and toks[rest].text not in _HARD_STOP | {","} \
                    and toks[rest].low != "và" and not match("ranks.txt", toks, rest):
                rest += 1
            if (f > j or rest > f) and rest + 1 < len(toks) and toks[rest].text == "," \
                    and match("positions.txt", toks, rest + 1):
                titles.pop()
                k = rest
                continue
            body = _delegation_body(s, p, agencies) if f == j and not was else None
            if body is not None and id(body) in of:
                # "Đoàn đại biểu Bộ đội Biên phòng tỉnh X do Đại tá P, Chỉ huy trưởng làm Trưởng đoàn"
                out.extend(("HOLDS_POSITION", of[id(p)], of[id(body)], s, t) for t in titles if t not in former)
                break
            unit = _unit_of(title, ents) if ents and f == j and not was else None
            if unit is not None:  # "Đại tá X, Sư đoàn trưởng": of the article's Sư đoàn
                out.append(("HOLDS_POSITION", of[id(p)], unit, s, title))
            break
        # "Bí thư Đảng ủy, Chính ủy Tổng cục Kỹ thuật": a bare party committee belongs to the next agency
        target = of[id(agency)]
        if country:
            # "đoàn Bộ Quốc phòng Trung Quốc do Thượng tướng X, Bộ trưởng Bộ Quốc phòng dẫn đầu": the
            # delegation's country's ministry; none when the article does not name it
            target = _of_country(target, country, ents)
            if target is None:
                titles = []
                k = agency.j
                continue
        elif foreign and (counterpart := _counterparts(target, ents)):
            target = counterpart[0]  # "Đại tướng Chansamone Chanyalath, Bộ trưởng Bộ Quốc phòng": Laos's
        for t in titles:
            if t in former:
                continue
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


@lru_cache(maxsize=65536)
def _foreign_name(name: str) -> bool:
    """A name with a syllable Vietnamese does not have is a foreign official's (cached: a person's
    name is read at each sentence that names them, and in many articles)."""
    return not all(_VIETNAMESE_SYLLABLE.match(w) for w in fold(name).split())


def _position_before(s: Sentence, p: Found, here: list[Found], of) -> list[tuple]:
    """Titles and agencies written before the name: "Thứ trưởng Bộ Quốc phòng Hoàng Xuân Chiến",
    "Tư lệnh Quân khu 7, Trung tướng Nguyễn Văn A", and a chain of them ("Ủy viên Bộ Chính trị, Thủ
    tướng Chính phủ Phạm Minh Chính"; "Chủ nhiệm Ủy ban Quốc phòng và An ninh của Quốc hội Lê An")."""
    toks = s.toks
    k = p.i
    rank = next((f for f in here if f.label == "Rank" and f.j == k), None)
    if rank is not None:
        k = rank.i
    if k >= 2 and toks[k - 2].low == "đồng" and toks[k - 1].low == "chí":
        k -= 2
    if k >= 1 and toks[k - 1].text == ",":
        k -= 1
    agencies = [a for a in here if a.label == "Agency"]
    out = []
    while True:
        agency = next((a for a in agencies if a.j == k), None)
        if agency is not None and agency.i >= 1 and toks[agency.i - 1].low == "của":
            owner = next((a for a in agencies if a.j == agency.i - 1), None)
            agency = owner if owner is not None else agency  # the body "của" the larger one
        title = _title_before(toks, agency.i, agency.j) if agency is not None else None
        if title is None:
            break
        start, name = title
        if not (start >= 1 and toks[start - 1].low == "nguyên"):  # a former title is no longer held
            out.append(("HOLDS_POSITION", of[id(p)], of[id(agency)], s, name))
        k = start - (start >= 1 and toks[start - 1].low == "nguyên")
        if k >= 1 and toks[k - 1].text == "," and any(a.j == k - 1 for a in agencies):
            k -= 1  # the chain goes on before the comma
            continue
        break
    if not out:
        return []
    before = toks[k - 1] if k > 0 else None
    # "Đại tá A, Chính ủy Lữ đoàn 1, Thiếu tá B": those titles are A's, written after A
    if before is not None and before.text in (",", "-", "–") and k >= 2 and any(
            f.label in ("Person", "Agency") and f.j == k - 1 for f in here):
        return []
    if before is not None and before.low == "kiêm":
        return []
    return out


def _header_positions(s: Sentence, persons: list[Found], agencies: list[Found], of) -> list[tuple]:
    """A position written once before a list of names: "các đồng chí Ủy viên Bộ Chính trị: A, B, C"
    — each person of the list (up to the next such header) holds it."""
    toks = s.toks
    out = []
    colons = [k for k, t in enumerate(toks) if t.text == ":"]
    for n, c in enumerate(colons):
        held, k = [], c
        while True:
            agency = next((a for a in agencies if a.j == k), None)
            title = _title_before(toks, agency.i, agency.j) if agency is not None else None
            if title is None:
                break
            held.append((agency, title[1]))
            k = title[0]
            if k >= 1 and toks[k - 1].text == "," and any(a.j == k - 1 for a in agencies):
                k -= 1
                continue
            break
        words = [t.low for t in toks[max(0, k - 3):k]]
        if not held or not ("các" in words or "những" in words):
            continue
        limit = colons[n + 1] if n + 1 < len(colons) else len(toks)
        for p in persons:
            if c < p.i < limit:
                out.extend(("HOLDS_POSITION", of[id(p)], of[id(a)], s, title) for a, title in held)
    return out


def _title_before(toks: list[Tok], k: int, end: int = 0) -> tuple[int, str] | None:
    """(start, title) of the longest title that ends right before token k ("Phó Chính ủy", not its
    tail "Chính ủy"), or inside the agency k..end that the title names ("Chánh Văn phòng" of
    "Văn phòng Trung ương Đảng")."""
    for n in range(5, 0, -1):
        start = k - n
        hit = match("positions.txt", toks, start) if start >= 0 else None
        if hit and (hit[0] == k or k < hit[0] < end):
            return start, hit[1]
        qualifier = match("title_qualifiers.txt", toks, hit[0], need_cap=False) if hit else None
        if qualifier and qualifier[0] == k:  # "Thứ trưởng thường trực Bộ Ngoại giao Bùi Thanh Sơn"
            return start, hit[1] + " " + " ".join(t.text for t in toks[hit[0]:k])
    return None


def find_relations(found: list[Found], said: list[tuple], sentences: list[Sentence], ids: Identity) -> list[tuple]:
    """The relations between resolved entities: those the sentences stated as they were read, those
    each sentence's words give, and the issuers of instruments."""
    ents, of = ids.ents, ids.of
    relations: list[tuple[str, _Ent, _Ent, Sentence, str]] = []
    for rtype, a, b, s, title in said:
        if id(a) in of and id(b) in of:
            relations.append((rtype, of[id(a)], of[id(b)], s, title))
    by_sentence: dict[int, list[Found]] = defaultdict(list)
    for f in found:
        if id(f) in of:
            by_sentence[id(f.sent)].append(f)
    attending = False
    recent = None  # the event the body last named
    events = [e for e in ents.values() if e.label == "Meeting"]
    for s in sentences:
        here = by_sentence.get(id(s), [])
        rels = _sentence_relations(s, here, of, ents, continues=attending, recent=recent, events=events)
        named = [of[id(f)] for f in sorted([f for f in here if f.label == "Meeting"], key=lambda f: f.start)]
        if named and not s.caption:
            recent = named[0]
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
    relations.extend(_within_framework(relations, by_sentence, of))
    for rels in explicit.values():
        relations.extend(rels)
    for f, number in numbered:
        if id(of[id(f)]) in explicit:
            continue
        for suffix, who in _issuers().items():
            if number.upper().endswith(suffix) and entity_key("Agency", who) in agency_by_key:
                relations.append(("ISSUED", agency_by_key[entity_key("Agency", who)], of[id(f)], f.sent, ""))
    return relations
