"""Bulk first load: the graph a transactional load gives, written as `neo4j-admin database import
full` files (CSV with typed headers) instead of through transactions.

The rows are the ones the transactional writer sends (`graph.store.graph_rows`, window by window).
What its Cypher adds up across windows — `merge_entities` then `finish_entities` for entities,
`merge_relations` for relationships — is added up here in Python, in `Totals`, the one place that
knows the aggregates; every node and relationship's properties are named once, in the
`*_properties` functions below. A property added there gets its column and type by itself: column
types are inferred from the values written and the headers written last, in files of their own.

Two things the import format cannot say are fixed after the import by `finish_import.cypher`:
an empty list and a list of one empty string (both would be an empty field, which means "no
property"). Such properties are left out of the files and named in a `_empty` or `_blank` list
on the node or relationship, which the fix sets and then removes.
"""
from __future__ import annotations

import os
import shlex
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from graph.errors import InputError
from graph.model import EVIDENCE, MENTIONS, STATES, fold
from graph.store import EDGE_SENTENCES, LAYOUT, GraphRows, most_recent

# Between the elements of a list in one CSV field; a control character no text we store contains
# (text that does is refused, naming the document, rather than split wrongly).
ARRAY_DELIMITER = "\x1f"
ARRAY_DELIMITER_OPTION = "U+001F"
EMPTY, BLANK = "_empty", "_blank"  # the markers `finish_import.cypher` reads and removes


# --- properties: what each node and relationship carries (as the transactional Cypher sets it) --

def document_properties(row: dict) -> dict:
    """merge_documents.cypher."""
    return {"key": row["key"], "title": row["title"], "date": row["date"], "url": row["url"],
            "outlet": row["outlet"], "authors": row["authors"], "source": row["source"],
            "hash": row["hash"], "text": row["text"], "chars": len(row["text"]),
            "extractor": row["extractor"], "layout": LAYOUT, "sources": row["sources"],
            "text_hash": row["text_hash"], "minhash": row["minhash"], "story_bands": row["story_bands"],
            "story": row["key"]}


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
            if isinstance(value, list) and (not value or value == [""]):
                (empty if not value else blank).append(name)
                value = None  # an empty field means "no property": set after the import
            self._typed(name, value, ids)
            cells.append(self._field(value, name, ids))
        cells.append(self._field(empty or None, EMPTY, ids))
        cells.append(self._field(blank or None, BLANK, ids))
        self.lines.append(",".join(cells) + "\n")
        self.rows += 1
        if len(self.lines) >= 5000:
            self._flush()

    def _typed(self, name: str, value: Any, ids: list[str]) -> None:
        if value is None:
            return
        kind = _type_of(value)
        known = self.types.setdefault(name, kind)
        if kind is None or kind != known:
            raise InputError(f"{ids[0]}: property {name} has values of different types "
                             f"({known}, {kind}); the bulk import needs one type per column")

    def _field(self, value: Any, name: str, ids: list[str]) -> str:
        if value is None:
            return ""
        if isinstance(value, bool):
            return "true" if value else "false"
        if isinstance(value, (int, float)):
            return repr(value)
        if isinstance(value, list):
            parts = [v if isinstance(v, str) else repr(v) for v in value]
            if any(ARRAY_DELIMITER in part for part in parts):
                raise InputError(f"{ids[0]}: property {name} holds the control character U+001F, "
                                 f"which the bulk import puts between list elements — load this "
                                 f"document without --bulk")
            text = ARRAY_DELIMITER.join(parts)
        else:
            text = value
        if "\n" in text or "\r" in text:
            self.multiline = True
        return _quoted(text)

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
    and relationships (summed over every window) and returns the files by kind."""

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

    def _file(self, name: str, ids: list[str]) -> ImportFile:
        return ImportFile(self.folder / f"{name}.csv", ids)

    def add(self, rows: GraphRows) -> None:
        """One window of rows, as `Store.write_rows` would take them."""
        for row in rows.documents:
            self.documents.write([row["key"]], document_properties(row))
            self.document_count += 1
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
        relationships = [(STATES, self.states)] + [(MENTIONS, f) for _, f in sorted(self.mentions.items())]
        relationships += [(key[0], f) for key, f in sorted(relation_files.items())]
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

