"""Helpers for tests that build extractions by hand and compare graphs."""
from __future__ import annotations

import json
from pathlib import Path

from graph.model import Document, Entity, Evidence, Extraction, Mention, Relation

DUMP = (Path(__file__).parent / "cypher" / "dump.cypher").read_text("utf-8")


def dump(store) -> list[tuple]:
    """Every node and relationship with all properties, in a stable order (evidence lists and
    samples are stored in a deterministic order, so they are compared as they are)."""
    with store.driver.session(database=store.database) as session:
        rows = session.run(DUMP).data()
    return [(r["kind"], r["id"], json.dumps(r["props"], sort_keys=True, ensure_ascii=False,
                                            default=str))
            for r in rows]


SAMPLES = Path(__file__).resolve().parents[1] / "samples"


def load_samples(store):
    """`store` holding exactly the project's sample articles (samples/); when they are all there
    already and nothing else is, nothing is written again (fast)."""
    from kg.pipeline import load

    report = load([str(SAMPLES)], store)
    if len(store.document_keys()) != report.loaded + report.skipped:  # other tests' documents too
        store.wipe()
        report = load([str(SAMPLES)], store)
    assert report.failed == 0 and report.loaded + report.skipped == 10
    return store


def key(name: str) -> str:
    return " ".join(name.casefold().split())


def hand_extraction(doc_id: str, text: str, entities: list[tuple[str, str]],
                    relations: list[tuple[str, str, str, str, str]] = (), date: str = "",
                    content_hash: str = "") -> Extraction:
    """An extraction of `text` where each (label, name) is found at its first occurrence and each
    relation (type, source label, source name, target label, target name) is evidenced by the
    sentence of its source's mention."""
    doc = Document(id=doc_id, text=text, source=doc_id, date=date, title=text.split(".")[0][:60])

    def sentence_of(start: int) -> tuple[int, int]:
        s = text.rfind(".", 0, start) + 1
        e = text.find(".", start)
        return s, (len(text) if e < 0 else e + 1)

    ents, spans = [], {}
    for label, name in entities:
        start = text.index(name)
        ss, se = sentence_of(start)
        mention = Mention(label, name, start, start + len(name), ss, se)
        ents.append(Entity(label=label, key=key(name), name=name, mentions=(mention,)))
        spans[label, name] = (ss, se)
    rels = []
    for rtype, sl, sn, tl, tn, *title in relations:
        ss, se = spans[sl, sn]
        rels.append(Relation(rtype, sl, key(sn), tl, key(tn),
                             (Evidence(doc_id, ss, se, text[ss:se].strip()),),
                             title=title[0] if title else "", as_of=date))
    return Extraction(document=doc, entities=tuple(ents), relations=tuple(rels),
                      content_hash=content_hash or f"hash-{doc_id}-{len(text)}")
