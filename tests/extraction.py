"""What the extraction table tests share."""
from __future__ import annotations

from graph.model import Document
from loaders.extract import extract


def run(text: str):
    """(extraction, {(label, name)}, {(type, source name, target name, title)}) of one text."""
    ex = extract(Document("t.txt", text))
    entities = {(e.label, e.name) for e in ex.entities}
    names = {(e.label, e.key): e.name for e in ex.entities}
    relations = {(r.type, names[r.source_label, r.source_key], names[r.target_label, r.target_key], r.title)
                 for r in ex.relations}
    return ex, entities, relations
