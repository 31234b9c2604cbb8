"""The graph model: plain, frozen data passed between the stages.

`loaders` turns a document into an `Extraction`; `graph.store` writes extractions to Neo4j;
`graph.view` draws what queries return. Labels and relationship types used anywhere in Cypher come
from `NODE_LABELS` and `RELATION_TYPES` below, never from text.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

ENTITY_LABELS = ("Person", "Rank", "Agency", "Resolution", "Program", "Meeting")
# What a document states of one relationship: (:Document)-[:STATES]->(:Evidence {fact: r.key, ...}),
# written by the store from the relations' evidence.
EVIDENCE = "Evidence"
NODE_LABELS = ("Document",) + ENTITY_LABELS + (EVIDENCE,)

# type -> (allowed source labels, allowed target labels)
RELATION_TYPES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "CHAIRED": (("Person",), ("Meeting",)),
    "ATTENDED": (("Person",), ("Meeting",)),
    "SPOKE_AT": (("Person",), ("Meeting",)),
    "SIGNED": (("Agency", "Person"), ("Program",)),
    "ISSUED": (("Agency",), ("Resolution",)),
    "ORGANIZED": (("Agency",), ("Meeting",)),
    "HAS_RANK": (("Person",), ("Rank",)),
    "HOLDS_POSITION": (("Person",), ("Agency",)),
    "PART_OF": (("Agency",), ("Agency",)),
    "IMPLEMENTS": (("Program", "Resolution"), ("Resolution",)),
}
# Document -> entity; written by the store from the entity list, not by extraction.
MENTIONS = "MENTIONS"
STATES = "STATES"
# Document -> Document: near-copies of one story (syndicated, re-saved), written by the store.
SAME_STORY = "SAME_STORY"
# Transient: an exact copy a bulk import carries (`graph.bulk`), consumed and deleted after the
# import by `Store.finish_import` (take_imported_copies.cypher); never in a finished graph.
IMPORTED_COPY = "ImportedCopy"


def fold(text: str) -> str:
    """The search form of a name, stored as `name_folded`: lower-case ASCII, diacritics dropped,
    spaces squeezed (`Phan Văn Giang` → `phan van giang`). NFD leaves letters with a stroke whole,
    so `đ` is mapped to `d` first."""
    text = text.replace("đ", "d").replace("Đ", "D")
    text = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    return " ".join(text.lower().split())


@dataclass(frozen=True)
class Document:
    """One article, its text normalised to NFC; every offset in an extraction refers to `text`."""

    id: str  # the `doc` of the exchange format: path under the folder named (`2024/01/index.html`),
    # `name.jsonl#7` for line 7 (or the line's own `id`/`url`)
    text: str
    source: str = ""  # path the document was read from
    title: str = ""
    date: str = ""  # ISO yyyy-mm-dd publication date, "" when unknown
    url: str = ""
    outlet: str = ""
    authors: tuple[str, ...] = ()
    reader: str = ""  # "fallback": an HTML page the main-text extractor found nothing in


# Evidence, Mention, Entity and Relation are made once per fact, name and mention of every article
# a load reads (hundreds of thousands per 2 MB of news). A frozen dataclass's own `__init__` calls
# `object.__setattr__` once per field, which was 4% of extraction's instructions; theirs write the
# fields into the instance's dict in one step. They are as frozen as any: assigning to a field
# raises `FrozenInstanceError`. tests/test_model.py checks that each `__init__` takes exactly the
# class's fields, in order, with their defaults.


@dataclass(frozen=True, init=False)
class Evidence:
    """Where a fact is stated: the sentence's span in `Document.text`, and its text."""

    doc_id: str
    start: int
    end: int
    sentence: str
    caption: bool = False  # the sentence is a photo caption

    def __init__(self, doc_id: str, start: int, end: int, sentence: str, caption: bool = False):
        self.__dict__.update(doc_id=doc_id, start=start, end=end, sentence=sentence, caption=caption)


@dataclass(frozen=True, init=False)
class Mention:
    """A stretch of `Document.text` that names an entity (`text == doc.text[start:end]`)."""

    label: str
    text: str
    start: int
    end: int
    sentence_start: int
    sentence_end: int
    caption: bool = False

    def __init__(self, label: str, text: str, start: int, end: int, sentence_start: int, sentence_end: int,
                 caption: bool = False):
        self.__dict__.update(label=label, text=text, start=start, end=end, sentence_start=sentence_start,
                             sentence_end=sentence_end, caption=caption)


@dataclass(frozen=True, init=False)
class Entity:
    """One real-world entity of a document, with every place the document names it."""

    label: str
    key: str  # canonical identity across documents (see loaders.normalize.entity_key)
    name: str  # the display name: the full form, abbreviations resolved
    aliases: tuple[str, ...] = ()  # other surface forms seen (abbreviations, case variants)
    mentions: tuple[Mention, ...] = ()
    date: str = ""  # Meeting: ISO date of the event when the text gives it
    name_en: str = ""  # Rank, Agency: the English name from loaders/lexicon/english_*.tsv, or ""

    def __init__(self, label: str, key: str, name: str, aliases: tuple[str, ...] = (),
                 mentions: tuple[Mention, ...] = (), date: str = "", name_en: str = ""):
        self.__dict__.update(label=label, key=key, name=name, aliases=aliases, mentions=mentions, date=date,
                             name_en=name_en)


@dataclass(frozen=True, init=False)
class Relation:
    """A typed edge between two entities of the same document, with the sentences that state it."""

    type: str
    source_label: str
    source_key: str
    target_label: str
    target_key: str
    evidence: tuple[Evidence, ...]
    title: str = ""  # HOLDS_POSITION: the position, e.g. "Chủ nhiệm"
    as_of: str = ""  # HOLDS_POSITION: the article's date
    title_en: str = ""  # HOLDS_POSITION: the position in English (loaders/lexicon), or ""

    def __init__(self, type: str, source_label: str, source_key: str, target_label: str, target_key: str,
                 evidence: tuple[Evidence, ...], title: str = "", as_of: str = "", title_en: str = ""):
        self.__dict__.update(type=type, source_label=source_label, source_key=source_key,
                             target_label=target_label, target_key=target_key, evidence=evidence, title=title,
                             as_of=as_of, title_en=title_en)


@dataclass(frozen=True)
class Extraction:
    """Everything one document contributes to the graph."""

    document: Document
    entities: tuple[Entity, ...] = ()
    relations: tuple[Relation, ...] = ()
    content_hash: str = ""  # sha256 of the normalised text and metadata; unchanged => skipped on reload
    warnings: tuple[str, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class Failure:
    """A file, or one record of a file, that could not be read or extracted, and why."""

    source: str  # path, or `path:line` for one line of a JSONL file
    reason: str  # one line, saying what to do about it where there is something to do
