"""The last stage: resolved entities and relations as the `Extraction` record, with evidence."""
from __future__ import annotations

import hashlib

from graph.model import Document, Entity, Evidence, Extraction, Mention, Relation
from loaders import english
from loaders.normalize import fold


def build(doc: Document, ents: dict, relations: list[tuple]) -> Extraction:
    text = doc.text
    entities = []
    for e in ents.values():
        mentions = tuple(sorted(_mentions(e.label, e.mentions, text).values(), key=lambda m: m.start))
        aliases = tuple(sorted(a for a in e.aliases if fold(a) != fold(e.name)))
        entities.append(Entity(label=e.label, key=e.key, name=e.name, aliases=aliases, mentions=mentions,
                               date=e.date, name_en=english.name_en(e.label, e.name)))
    merged: dict[tuple, dict[int, Evidence]] = {}
    of_sentence: dict[int, Evidence] = {}  # a sentence's evidence, one record for every fact it states
    for rtype, a, b, s, title in relations:
        if a is b:
            continue
        ident = (rtype, a.label, a.key, b.label, b.key, title)
        bucket = merged.setdefault(ident, {})  # sentence start → evidence, in order of first statement
        if s.start not in bucket:
            evidence = of_sentence.get(s.start)
            if evidence is None:
                evidence = of_sentence[s.start] = Evidence(doc.id, s.start, s.end, text[s.start:s.end], s.caption)
            bucket[s.start] = evidence
    rels = tuple(Relation(t, al, ak, bl, bk, tuple(evs.values()), title=title,
                          as_of=doc.date if t == "HOLDS_POSITION" else "",
                          title_en=english.title_en(title) if title else "")
                 for (t, al, ak, bl, bk, title), evs in merged.items())
    entities.sort(key=lambda e: (e.label, e.mentions[0].start if e.mentions else 0))
    return Extraction(document=doc, entities=tuple(entities), relations=rels, content_hash=content_hash(doc))


def _mentions(label: str, found: list, text: str) -> dict[tuple[int, int], Mention]:
    """One Mention per span, made from the last mention found there (its end read from its last
    token: the same as `Found.end`, without a call for each)."""
    last: dict[tuple[int, int], object] = {}
    for m in found:
        last[m.start, m.sent.toks[m.j - 1].end] = m
    return {(start, end): Mention(label, text[start:end], start, end, m.sent.start, m.sent.end, m.sent.caption)
            for (start, end), m in last.items()}


EXTRACTOR_VERSION = "2026.12.03-18"  # purposes after a comma, "vào" and "cho <event>" in names; lists of comrades present


def content_hash(doc: Document) -> str:
    """sha256 of the extractor version, the document id, its metadata and text: a changed text or an
    upgraded extractor gives a new hash, so the document is extracted again."""
    h = hashlib.sha256()
    for part in (EXTRACTOR_VERSION, doc.id, doc.title, doc.date, doc.url, doc.text):
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\x00")
    return h.hexdigest()
