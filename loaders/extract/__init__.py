"""Vietnamese defence news → entities and relations, each with the sentence that states it.

The rules are small and read the domain knowledge in `loaders/lexicon/`; they rest on how
Vietnamese news writes names: a rank before a person's name (`Trung tướng Trần Minh Đức`), a
chain of positions after it (`, Chủ nhiệm Tổng cục Kỹ thuật`), agencies as a head word and a
capitalised name (`Tổng cục` + `Công nghiệp quốc phòng`), instruments with numbers
(`Nghị quyết số 08-NQ/TW`), and verbs that tie people to events (`chủ trì`, `dự`, `phát biểu`).

The stages, one module each, chained in `extract`:

    tokens     text → sentences of tokens (and the metadata the text gives)
    mentions   sentences → mentions found, and the relations sentences state as they are read
    entities   mentions → entities, one per thing the document names (in-document identity)
    events     event mentions → one dated Meeting per event (dates: `dates`)
    relations  entities and sentences → relations
    build      entities and relations → the `Extraction` record
"""
from __future__ import annotations

import gc

from graph.model import Document, Extraction
from loaders.extract.build import EXTRACTOR_VERSION, build, content_hash
from loaders.extract.entities import resolve_entities
from loaders.extract.events import resolve_events
from loaders.extract.mentions import find_mentions
from loaders.extract.relations import find_relations
from loaders.extract.tokens import read_sentences, split_sentences, tokens

__all__ = ["EXTRACTOR_VERSION", "content_hash", "extract", "split_sentences", "tokens"]


def extract(doc: Document) -> Extraction:
    """Entities and relations of one document, with evidence; pure and safe on any text.

    Python's cyclic garbage collector is paused meanwhile: a long article makes millions of small
    objects that all live until the end, and the collector's repeated passes over them made
    extraction grow faster than the text (8 MB: 48 s with it, 33 s without)."""
    paused = gc.isenabled()
    gc.disable()
    try:
        doc, sentences, outlet_span = read_sentences(doc)
        found, said = find_mentions(doc, sentences, outlet_span)
        ids, agencies = resolve_entities(doc, found)
        resolve_events(doc, found, sentences, ids, agencies)
        relations = find_relations(found, said, sentences, ids)
        return build(doc, ids.ents, relations)
    finally:
        if paused:
            gc.enable()
