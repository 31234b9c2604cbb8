"""Extractions as records of the evaluation guide's JSON Lines format (with extra keys)."""
from __future__ import annotations

from graph.model import Extraction


def extraction_to_record(ex: Extraction) -> dict:
    """One document: {"doc", "entities", "relations"} plus metadata, keys, aliases and evidence."""
    doc = ex.document
    names = {(e.label, e.key): e.name for e in ex.entities}
    entities = []
    for e in ex.entities:
        item = {"label": e.label, "name": e.name, "key": e.key}
        if e.aliases:
            item["aliases"] = list(e.aliases)
        if e.date:
            item["date"] = e.date
        item["mentions"] = [{"text": m.text, "start": m.start, "end": m.end} for m in e.mentions]
        entities.append(item)
    relations = []
    for r in ex.relations:
        item = {"type": r.type,
                "source": {"label": r.source_label, "name": names.get((r.source_label, r.source_key), r.source_key)},
                "target": {"label": r.target_label, "name": names.get((r.target_label, r.target_key), r.target_key)}}
        if r.title:
            item["title"] = r.title
        if r.as_of:
            item["as_of"] = r.as_of
        # "span" is what `kg export` writes back from the graph; start/end are the same offsets as numbers.
        item["evidence"] = [{"sentence": ev.sentence, "start": ev.start, "end": ev.end,
                             "span": f"{ev.start}:{ev.end}", **({"caption": True} if ev.caption else {})}
                            for ev in r.evidence]
        relations.append(item)
    record = {"doc": doc.id, "entities": entities, "relations": relations}
    for key in ("title", "date", "url", "outlet"):
        if getattr(doc, key):
            record[key] = getattr(doc, key)
    if doc.authors:
        record["authors"] = list(doc.authors)
    return record
