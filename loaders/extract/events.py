"""Stage 4, events: event mentions grouped into one Meeting per event, named and dated."""
from __future__ import annotations

import re
from collections import Counter

from graph.model import Document
from loaders.extract.tokens import Sentence
from loaders.normalize import fold
from loaders.extract.dates import _event_date
from loaders.extract.entities import Identity, _group, _words
from loaders.extract.lexicons import _agency_kinds
from loaders.extract.mentions import Found, _by_sentence, _starts_inside


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


def resolve_events(doc: Document, found: list[Found], sentences: list[Sentence], ids: Identity,
                   agencies: list[Found]) -> None:
    """Event mentions resolved to one dated Meeting entity per event (added to `ids`)."""
    _meetings(doc, found, sentences, ids.add, agencies, ids.of)
