"""Bulk first load: the graph a transactional load gives, written as `neo4j-admin database import
full` files (CSV with typed headers) instead of through transactions.

The rows are the ones the transactional writer sends (`graph.store.graph_rows`, window by window).
What its Cypher adds up across windows — `merge_entities` then `finish_entities` for entities,
`merge_relations` for relationships — is added up here in Python, in `Totals`, the one place that
knows the aggregates; every node and relationship's properties are named once, in the
`*_properties` functions below. A property added there gets its column and type by itself: column
types are inferred from the values written and the headers written last, in files of their own.

Syndicated copies are handled as the transactional load handles them. An exact copy (the same
normalised text as a document met earlier in the load) is not extracted: it is written as an
`ImportedCopy` node (`graph.model.IMPORTED_COPY`) numbered in the order the transactional load
would add it. Near-copies are found in `NearCopies`: every pair of documents sharing a band of
their MinHash signatures is compared as `graph.store.story_link` compares them, and the links are
written as a SAME_STORY file. Every Document is written as a story of its own.

What the files carry but the import cannot finish is done after it by `Store.finish_import`, so
that a server the user imports into gets it too (`kg schema --imported`):
- an empty list and a list of one empty string (both would be an empty field, which means "no
  property"): such properties are left out of the files and named in a `_empty` or `_blank` list
  on the node or relationship, which `finish_import.cypher` sets and then removes;
- the copies: each becomes one more of its document's `sources` and `copies` (`add_copies`), in
  their order, and its node is deleted;
- the stories: `graph.store._restory`, the transactional writer's own code, derives each linked
  Document's `story` and moves every `document_count` from documents to stories.
"""
from __future__ import annotations

import hashlib
import os
import shlex
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from graph.errors import InputError
from graph.model import EVIDENCE, IMPORTED_COPY, MENTIONS, SAME_STORY, STATES, fold
from graph.store import EDGE_SENTENCES, LAYOUT, GraphRows, most_recent, story_link

# Between the elements of a list in one CSV field; a control character no text we store contains
# (text that does is refused, naming the document, rather than split wrongly).
ARRAY_DELIMITER = "\x1f"
ARRAY_DELIMITER_OPTION = "U+001F"
EMPTY, BLANK = "_empty", "_blank"  # the markers `finish_import.cypher` reads and removes
# Candidate pairs of near-copies compared at once (each holds two signatures of 128 values).
PAIRS_AT_ONCE = 1 << 16


# --- properties: what each node and relationship carries (as the transactional Cypher sets it) --

def document_properties(row: dict) -> dict:
    """merge_documents.cypher: a story of its own (`Store.finish_import` derives the stories)."""
    return {"key": row["key"], "title": row["title"], "date": row["date"], "url": row["url"],
            "outlet": row["outlet"], "authors": row["authors"], "source": row["source"],
            "hash": row["hash"], "text": row["text"], "chars": len(row["text"]),
            "extractor": row["extractor"], "layout": LAYOUT, "sources": row["sources"],
            "text_hash": row["text_hash"], "minhash": row["minhash"], "story_bands": row["story_bands"],
            "story": row["key"]}


def copy_properties(order: int, row: dict) -> dict:
    """An exact copy as a row of add_copies.cypher, and its place among the load's copies."""
    return {"order": order, "hash": row["hash"], "key": row["key"], "source": row["source"]}


def mention_properties(row: dict) -> dict:
    """merge_mentions.cypher."""
    return {"name": row["name"], "names": row["names"], "count": row["count"], "date": row["date"],
            "spans": row["spans"], "sentences": row["sentences"]}


def evidence_properties(row: dict) -> dict:
    """merge_evidence.cypher."""
    return {"fact": row["fact"], "type": row["type"], "sentences": row["sentences"],
            "spans": row["spans"]}


def entity_properties(total: dict) -> dict:
    """merge_entities.cypher summed over every window, then finish_entities.cypher: the name used
    most (ties: the first in alphabetical order), forms in that order, names sorted."""
    order = sorted(range(len(total["forms"])), key=lambda i: (-total["uses"][i], total["forms"][i]))
    names = sorted(total["names"])
    name = total["forms"][order[0]]
    return {"key": total["key"], "name_forms": [total["forms"][i] for i in order],
            "name_uses": [total["uses"][i] for i in order], "all_names": names,
            "mention_count": total["count"], "document_count": total["documents"],
            "first_seen": total["first"], "last_seen": total["last"], "date": total["date"],
            "name": name, "aliases": [n for n in names if n != name],
            "search_names": "".join(" " + n for n in names),
            # fold_entities.cypher and merge_entities.cypher's English name
            "name_folded": fold(name),
            "aliases_folded": sorted({fold(n) for n in names if n != name} - {fold(name)}),
            "name_en": total.get("name_en")}


def relation_properties(total: dict) -> dict:
    """merge_relations.cypher summed over every window: counts added, dates widened, the
    EDGE_SENTENCES most recent sentences kept."""
    sample = total["sample"]
    return {"title": total["title"], "key": total["fact"],
            "sentences": [c["sentence"] for c in sample], "sentence_docs": [c["doc"] for c in sample],
            "sentence_dates": [c["date"] for c in sample], "sentence_spans": [c["span"] for c in sample],
            "evidence_count": total["evidence"], "document_count": total["documents"],
            "first_seen": total["first"], "last_seen": total["last"], "as_of": total["last"],
            "title_en": total.get("title_en")}


def _earliest(a, b):
    return b if a is None else a if b is None else min(a, b)


def _latest(a, b):
    return b if a is None else a if b is None else max(a, b)


@dataclass
class Totals:
    """Entities and relationships added up over every window, as the transactional Cypher adds
    them up over its batches (each row of `graph_rows` already sums one window)."""

    entities: dict[tuple[str, str], dict] = field(default_factory=dict)
    relations: dict[str, dict] = field(default_factory=dict)  # by fact key
    relation_ends: dict[str, tuple[str, str, str]] = field(default_factory=dict)  # type, source, target

    def add_entity(self, label: str, row: dict) -> None:
        total = self.entities.get((label, row["key"]))
        if total is None:
            total = self.entities[label, row["key"]] = {
                "key": row["key"], "forms": [], "uses": [], "names": [], "count": 0, "documents": 0,
                "first": None, "last": None, "date": None, "seen": set()}
        for form, uses in zip(row["forms"], row["uses"]):
            if form in total["forms"]:
                total["uses"][total["forms"].index(form)] += uses
            else:
                total["forms"].append(form)
                total["uses"].append(uses)
        for name in row["names"]:
            if name not in total["seen"]:
                total["seen"].add(name)
                total["names"].append(name)
        total["count"] += row["count"]
        total["documents"] += row["documents"]
        total["first"] = _earliest(total["first"], row["first"])
        total["last"] = _latest(total["last"], row["last"])
        total["date"] = _earliest(total["date"], row["date"])
        total["name_en"] = row.get("name_en") or total.get("name_en")  # coalesce(row.name_en, e.name_en)

    def add_relation(self, ends: tuple[str, str, str], row: dict) -> None:
        total = self.relations.get(row["fact"])
        if total is None:
            self.relation_ends[row["fact"]] = ends
            total = self.relations[row["fact"]] = {
                "source": row["source"], "target": row["target"], "title": row["title"],
                "fact": row["fact"], "evidence": 0, "documents": 0, "first": None, "last": None,
                "sample": []}
        total["evidence"] += row["evidence"]
        total["documents"] += row["documents"]
        total["title_en"] = row.get("title_en") or total.get("title_en")  # coalesce(row.title_en, …)
        total["first"] = _earliest(total["first"], row["first"])
        total["last"] = _latest(total["last"], row["last"])
        if row["sample"]:
            total["sample"] = most_recent(total["sample"] + row["sample"], EDGE_SENTENCES)


# --- near-copies ----------------------------------------------------------------------------------

def _band_id(word: str) -> int:
    """A band word of `story_bands` as 64 bits (the full-text index matches whole words)."""
    return int.from_bytes(hashlib.blake2b(word.encode("utf-8"), digest_size=8).digest(), "big")


class NearCopies:
    """The SAME_STORY links of a whole corpus, found as the transactional writer finds them: every
    pair of documents sharing a band word of their MinHash signatures (`story_bands`) is compared
    on the whole signature and dated by `graph.store.story_link`.

    Memory stays lean: a document's signature is kept as 128 uint32 values and its bands as 64-bit
    numbers (under a kilobyte with its key and date). The bands of all documents are sorted once;
    documents with an equal band are neighbours in that order, and the pairs are taken a distance
    at a time (neighbours, then one apart…), each pair counted in the first band it shares only."""

    def __init__(self) -> None:
        self.keys: list[str] = []
        self.dates: list[str | None] = []
        self._signatures: list[np.ndarray] = []  # one (documents, values) array per window
        self._bands: list[np.ndarray] = []

    def add(self, documents: list[dict]) -> None:
        """Document rows of `graph_rows`; those without a signature (short texts) are no story."""
        printed = [d for d in documents if d.get("story_bands") and d.get("minhash")]
        if not printed:
            return
        self.keys += [d["key"] for d in printed]
        self.dates += [d["date"] for d in printed]
        # uint32 holds every value of the 32-bit scheme; a larger one raises rather than wraps
        self._signatures.append(np.array([d["minhash"] for d in printed], dtype=np.uint32))
        self._bands.append(np.array([[_band_id(w) for w in d["story_bands"].split()] for d in printed],
                                    dtype=np.uint64))

    def links(self, same_story: float) -> dict[tuple[str, str], float]:
        """{(later key, earlier key): similarity} for every pair of near-copies."""
        if not self.keys:
            return {}
        signatures, bands = np.concatenate(self._signatures), np.concatenate(self._bands)
        self._signatures, self._bands = [signatures], [bands]  # not held twice
        documents, width = bands.shape
        order = np.argsort(bands.ravel(), kind="stable")  # by band, then document
        words = bands.ravel()[order]
        owner, band = order // width, order % width
        starts = np.flatnonzero(np.r_[True, words[1:] != words[:-1]])
        run_end = np.repeat(np.r_[starts[1:], words.size], np.diff(np.r_[starts, words.size]))
        links: dict[tuple[str, str], float] = {}
        distance = 1
        here = np.flatnonzero(np.arange(words.size) + distance < run_end)
        while here.size:
            for chunk in np.array_split(here, -(-here.size // PAIRS_AT_ONCE)):
                a, b = owner[chunk], owner[chunk + distance]
                first = (bands[a] == bands[b]).argmax(axis=1) == band[chunk]
                a, b = a[first], b[first]
                agree = (signatures[a] == signatures[b]).sum(axis=1) / signatures.shape[1]
                near = agree >= same_story
                for i, j, share in zip(a[near].tolist(), b[near].tolist(), agree[near].tolist()):
                    link = story_link(self.keys[i], self.dates[i], self.keys[j], self.dates[j], share,
                                      same_story)
                    if link is not None:
                        links[link[0], link[1]] = link[2]
            distance += 1
            here = here[here + distance < run_end[here]]
        return links


# --- files ----------------------------------------------------------------------------------------

def _type_of(value: Any) -> str | None:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "long"
    if isinstance(value, float):
        return "double"
    if isinstance(value, str):
        return "string"
    if isinstance(value, (list, tuple)):
        kinds = {_type_of(v) for v in value}
        return f"{kinds.pop()}[]" if len(kinds) == 1 else None
    return None


def _quoted(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


class ImportFile:
    """One node or relationship file: its data rows now, its header (with the types the values
    had) when closed. `ids` are the import's own columns (`:ID(Person)`, `:START_ID(Document)`…);
    the property columns are those of the first row, plus the `EMPTY` and `BLANK` markers."""

    def __init__(self, path: Path, ids: list[str]):
        self.path = path
        self.header_path = path.with_name(path.stem + ".header.csv")
        self.ids = ids
        self.names: list[str] | None = None
        self.types: dict[str, str] = {}
        self.shapes: dict[str, Any] = {}  # a column's Python type (and its elements'), checked per row
        self.multiline = False
        self.rows = 0
        self.handle = path.open("w", encoding="utf-8", newline="")
        self.lines: list[str] = []

    def write(self, ids: list[str], properties: dict) -> None:
        if self.names is None:
            self.names = list(properties)
        elif len(properties) != len(self.names) or any(n not in properties for n in self.names):
            raise ValueError(f"{self.path.name}: every row must name the same properties "
                             f"({sorted(properties)} vs {sorted(self.names)})")
        cells = [_quoted(i) for i in ids]
        empty, blank = [], []
        for name in self.names:
            value = properties[name]
            if value is None:
                cells.append("")
                continue
            if type(value) is list and (not value or value == [""]):
                (empty if not value else blank).append(name)
                cells.append("")  # an empty field means "no property": set after the import
                continue
            self._typed(name, value, ids)
            cells.append(self._field(value, name, ids))
        cells.append(self._field(empty, EMPTY, ids) if empty else "")
        cells.append(self._field(blank, BLANK, ids) if blank else "")
        self.lines.append(",".join(cells) + "\n")
        self.rows += 1
        if len(self.lines) >= 5000:
            self._flush()

    def _typed(self, name: str, value: Any, ids: list[str]) -> None:
        """Every value of a column has the type its first value had (each row's Python types are
        compared with the column's; the import type is worked out when they differ)."""
        shape = (type(value), frozenset(map(type, value))) if type(value) is list else type(value)
        if self.shapes.get(name) == shape:
            return
        kind = _type_of(value)
        known = self.types.setdefault(name, kind)
        if kind is None or kind != known:
            raise InputError(f"{ids[0]}: property {name} has values of different types "
                             f"({known}, {kind}); the bulk import needs one type per column")
        self.shapes[name] = shape

    def _field(self, value: Any, name: str, ids: list[str]) -> str:
        kind = type(value)
        if kind is str:
            text = value
        elif kind is bool:
            return "true" if value else "false"
        elif kind is int or kind is float:
            return repr(value)
        else:  # a list (or tuple): its elements between delimiters no element may hold
            text = ARRAY_DELIMITER.join(v if type(v) is str else repr(v) for v in value)
            if text.count(ARRAY_DELIMITER) != len(value) - 1:
                raise InputError(f"{ids[0]}: property {name} holds the control character U+001F, "
                                 f"which the bulk import puts between list elements — load this "
                                 f"document without --bulk")
        if "\n" in text or "\r" in text:
            self.multiline = True
        return '"' + text.replace('"', '""') + '"'

    def _flush(self) -> None:
        self.handle.write("".join(self.lines))
        self.lines.clear()

    def close(self) -> None:
        """Write the remaining rows, then the header with the types seen."""
        self._flush()
        self.handle.close()
        header = self.ids + [f"{name}:{self.types.get(name) or 'string[]'}" for name in self.names or []]
        header += [f"{EMPTY}:string[]", f"{BLANK}:string[]"]
        self.header_path.write_text(",".join(header) + "\n", encoding="utf-8")

    @property
    def argument(self) -> str:
        return f"{self.header_path},{self.path}"


class BulkWriter:
    """Writes a whole corpus's GraphRows as import files in `folder`; `close` writes the entities
    and relationships (summed over every window) and the near-copy links, and returns the files
    by kind."""

    def __init__(self, folder: Path):
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.totals = Totals()
        self.documents = self._file("documents", [":ID(Document)"])
        self.mentions: dict[str, ImportFile] = {}
        self.states = self._file("states", [":START_ID(Document)", ":END_ID(Evidence)"])
        self.evidence = self._file("evidence", [":ID(Evidence)"])
        self.evidence_count = 0
        self.document_count = 0
        self.copies: ImportFile | None = None
        self.copy_count = 0
        self.near_copies = NearCopies()
        self.same_story = 1.0

    def _file(self, name: str, ids: list[str]) -> ImportFile:
        return ImportFile(self.folder / f"{name}.csv", ids)

    def add(self, rows: GraphRows) -> None:
        """One window of rows, as `Store.write_rows` would take them."""
        for row in rows.documents:
            self.documents.write([row["key"]], document_properties(row))
            self.document_count += 1
        self.near_copies.add(rows.documents)
        self.same_story = rows.same_story
        # in the order the store adds them: window by window, by key within a window
        for row in sorted(rows.copies, key=lambda r: r["key"]):
            if self.copies is None:
                self.copies = self._file("copies", [f":ID({IMPORTED_COPY})"])
            self.copies.write([str(self.copy_count)], copy_properties(self.copy_count, row))
            self.copy_count += 1
        for label, entity_rows in rows.entities.items():
            for row in entity_rows:
                self.totals.add_entity(label, row)
        for label, mention_rows in rows.mentions.items():
            file = self.mentions.get(label)
            if file is None:
                file = self.mentions[label] = self._file(
                    f"mentions-{label}", [":START_ID(Document)", f":END_ID({label})"])
            # MERGE keeps one MENTIONS per document and entity; the last row's values win
            unique = {(row["doc"], row["key"]): row for row in mention_rows}
            for row in unique.values():
                file.write([row["doc"], row["key"]], mention_properties(row))
        for ends, rel_rows in rows.relations.items():
            for row in rel_rows:
                self.totals.add_relation(ends, row)
        for row in rows.evidence:
            ident = f"{self.evidence_count}"
            self.evidence_count += 1
            self.evidence.write([ident], evidence_properties(row))
            self.states.write([row["doc"], ident], {})

    def close(self) -> "ImportFiles":
        entity_files: dict[str, ImportFile] = {}
        for (label, key), total in sorted(self.totals.entities.items()):
            file = entity_files.get(label)
            if file is None:
                file = entity_files[label] = self._file(f"entities-{label}", [f":ID({label})"])
            file.write([key], entity_properties(total))
        relation_files: dict[tuple[str, str, str], ImportFile] = {}
        for fact, total in sorted(self.totals.relations.items()):
            rel_type, source, target = self.totals.relation_ends[fact]
            file = relation_files.get((rel_type, source, target))
            if file is None:
                file = relation_files[rel_type, source, target] = self._file(
                    f"relations-{rel_type}-{source}-{target}",
                    [f":START_ID({source})", f":END_ID({target})"])
            file.write([total["source"], total["target"]], relation_properties(total))
        nodes = [("Document", self.documents), (EVIDENCE, self.evidence)]
        nodes += sorted(entity_files.items())
        nodes += [(IMPORTED_COPY, self.copies)] if self.copies is not None else []
        relationships = [(STATES, self.states)] + [(MENTIONS, f) for _, f in sorted(self.mentions.items())]
        relationships += [(key[0], f) for key, f in sorted(relation_files.items())]
        links = self.near_copies.links(self.same_story)
        if links:
            same = self._file("same-story", [":START_ID(Document)", ":END_ID(Document)"])
            for (later, earlier), similarity in sorted(links.items()):
                same.write([later, earlier], {"similarity": similarity})
            relationships.append((SAME_STORY, same))
        for _, file in nodes + relationships:
            file.close()
        return ImportFiles(self.folder, nodes, relationships, self.document_count)


@dataclass
class ImportFiles:
    """The files of one bulk load, and the `neo4j-admin database import full` arguments for them."""

    folder: Path
    nodes: list[tuple[str, ImportFile]]
    relationships: list[tuple[str, ImportFile]]
    documents: int

    def arguments(self, database: str) -> list[str]:
        """Everything after `neo4j-admin database import full`."""
        files = self.nodes + self.relationships
        multiline = [str(f.path) for _, f in files if f.multiline]
        # the database first: each --nodes and --relationships takes every argument after it
        args = [database, "--overwrite-destination=true", f"--array-delimiter={ARRAY_DELIMITER_OPTION}",
                "--id-type=string", "--report-file=" + str(self.folder / "import.report")]
        if multiline:
            args.append("--multiline-fields=true")
        args += [f"--nodes={label}={f.argument}" for label, f in self.nodes]
        args += [f"--relationships={rel_type}={f.argument}" for rel_type, f in self.relationships]
        return args

    def command(self, database: str) -> str:
        """The command line to run where Neo4j is installed (its `bin/neo4j-admin`)."""
        return shlex.join(["neo4j-admin", "database", "import", "full"] + self.arguments(database))

    @property
    def size(self) -> int:
        return sum(os.path.getsize(f.path) for _, f in self.nodes + self.relationships)

