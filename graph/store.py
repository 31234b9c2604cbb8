"""Everything that writes to or reads from Neo4j for loading: schema, batched idempotent writes,
forgetting a document, export.

How facts are stored (see also the README, "The graph in Neo4j"):
- every node has a unique `key`; entities also carry `name`, `aliases`, `mention_count`,
  `document_count`, `first_seen` and `last_seen`, all derived from the documents mentioning them,
  the ASCII-folded search forms `name_folded` and `aliases_folded` (`phan van giang`), and Rank
  and Agency nodes `name_en` when the English lexicon gives one (HOLDS_POSITION: `title_en`);
- `(:Document)-[:MENTIONS {name, names, count, spans, sentences}]->(entity)` says what each
  document contributes;
- every other relationship has a `key`, counts (`evidence_count` sentences in `document_count`
  documents), dates, and the few most recent evidence sentences (`sentences`, with
  `sentence_docs`, `sentence_dates`, `sentence_spans`); all of its evidence is on
  `(:Document)-[:STATES]->(:Evidence {fact: key, sentences, spans})`, one node per document, so
  that writing a document costs the same however often its facts were stated before, and
  removing a document removes exactly its entries (a relationship with none left is deleted);
- every Document records the `layout` it was stored in (`LAYOUT`), so that a graph written by a
  kg that stored facts differently is refused rather than silently mixed;
- syndicated copies: an exact copy (same `text_hash`) is no Document of its own but one more of
  the document's `sources` (and its key one of its `copies`); near-copies are linked
  `(:Document)-[:SAME_STORY {similarity}]->(:Document)` through the MinHash bands each Document
  keeps (`minhash`, `story_bands`, found again by later loads through a full-text index), and every
  `document_count` counts such a story once.
"""
from __future__ import annotations

import collections
import hashlib
import logging
import random
import time
from dataclasses import dataclass, field
from typing import Any, Iterable, Iterator

import neo4j
from neo4j.exceptions import (AuthError, ClientError, DriverError, Neo4jError, ServiceUnavailable,
                              SessionExpired, TransientError)

from graph import cypher
from graph.errors import GraphLayoutError, ServerError
from graph.model import ENTITY_LABELS, RELATION_TYPES, Extraction, fold
from graph.settings import Settings

# A document's fingerprint as the store takes it (`Fingerprint` of loaders/copies.py): `text_hash`
# of its normalised text, its MinHash `signature` and the signature's `bands` as words.
Fingerprint = Any

# How many sentences of evidence a MENTIONS relationship keeps, and how many of the most recent
# ones a relationship carries itself (its Evidence nodes keep them all).
MENTION_SENTENCES = 5
EDGE_SENTENCES = 3
# Every stored document sharing a MinHash band with a new one is compared with it (as a bulk load
# compares every pair sharing a band), so that the links depend neither on the order documents were
# loaded in nor on the route; the cost grows with the number of documents sharing a band.
STORY_QUERY = 40  # documents whose bands one full-text query looks up (21 bands each)
# Near-copies dated further apart than this are not one story (a template reused for next year's
# meeting shares most of its words with last year's report).
STORY_DAYS = 30
CONNECT_TIMEOUT = 5.0
# How facts are stored, written on every Document as `layout`: 2 = Evidence nodes (1, unnumbered,
# kept evidence as lists on the relationships). 3 = same, documents keyed by their path under the
# folder named (2 keyed them by base name). A graph in another layout cannot be added to.
LAYOUT = 3
# A write that meets a lock conflict with another transaction (a deadlock, a lock wait timed out)
# is rolled back by the server and run again, after a random pause of up to RETRY_PAUSE seconds
# doubling with each attempt (so two loads that collided do not collide again), at most
# RETRY_ATTEMPTS times in all.
RETRY_ATTEMPTS = 12
RETRY_PAUSE = 0.05
RETRY_PAUSE_MAX = 2.0
# After a bulk import: exact copies added, and documents whose stories are derived, per transaction.
IMPORT_COPIES = 10_000
IMPORT_STORIES = 1_000


class _DriverRetries(logging.Filter):
    """Drops the driver's own "Transaction failed and will be retried" warnings: writes are
    retried by `Store` and counted in `WriteStats.lock_conflicts` instead."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "will be retried" not in str(record.msg)


def _quiet_driver_retries() -> None:
    logger = logging.getLogger("neo4j.session")
    if not any(isinstance(f, _DriverRetries) for f in logger.filters):
        logger.addFilter(_DriverRetries())


def _unreachable(settings: Settings) -> str:
    return (f"cannot reach Neo4j at {settings.uri} — start it with `kg server start` "
            f"(or `docker compose up -d --wait`), or set NEO4J_URI to your server")


def connect(settings: Settings) -> neo4j.Driver:
    """A driver for `settings`, verified to reach the server, log in and find the database.

    Raises `ServerError` with a one-line fix within about five seconds when it cannot.
    """
    _quiet_driver_retries()
    try:
        driver = neo4j.GraphDatabase.driver(
            settings.uri, auth=(settings.user, settings.password),
            connection_timeout=CONNECT_TIMEOUT, connection_acquisition_timeout=CONNECT_TIMEOUT * 2,
            max_transaction_retry_time=15.0, liveness_check_timeout=30.0,
            notifications_min_severity="OFF")
    except (ValueError, DriverError) as error:
        raise ServerError(f"NEO4J_URI={settings.uri!r} is not a Neo4j URI ({error}); "
                          f"use e.g. bolt://127.0.0.1:7687") from None
    try:
        driver.verify_connectivity()
        with driver.session(database=settings.database) as session:
            session.run("RETURN 1").consume()
    except AuthError:
        driver.close()
        raise ServerError(f"Neo4j at {settings.uri} refused user {settings.user!r}: wrong password "
                          f"— set NEO4J_PASSWORD (and NEO4J_USER) to the server's credentials") from None
    except (ServiceUnavailable, SessionExpired, OSError):
        driver.close()
        raise ServerError(_unreachable(settings)) from None
    except ClientError as error:
        driver.close()
        if "DatabaseNotFound" in (error.code or ""):
            raise ServerError(f"Neo4j at {settings.uri} has no database {settings.database!r} — set "
                              f"NEO4J_DATABASE to an existing one (Community Edition has 'neo4j')") from None
        raise ServerError(f"Neo4j at {settings.uri} refused the connection: {error.message}") from None
    return driver


@dataclass
class WriteStats:
    """What one or more writes changed, from the server's own counters."""

    nodes_created: int = 0
    nodes_deleted: int = 0
    relationships_created: int = 0
    relationships_deleted: int = 0
    properties_set: int = 0
    lock_conflicts: int = 0  # transactions rolled back by a lock conflict and run again

    def add(self, counters: Any) -> None:
        self.nodes_created += counters.nodes_created
        self.nodes_deleted += counters.nodes_deleted
        self.relationships_created += counters.relationships_created
        self.relationships_deleted += counters.relationships_deleted
        self.properties_set += counters.properties_set

    def merge(self, other: "WriteStats") -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))


@dataclass
class GraphRows:
    """The parameter rows one batch of extractions becomes, grouped by statement."""

    documents: list[dict] = field(default_factory=list)
    entities: dict[str, list[dict]] = field(default_factory=lambda: collections.defaultdict(list))
    mentions: dict[str, list[dict]] = field(default_factory=lambda: collections.defaultdict(list))
    relations: dict[tuple[str, str, str], list[dict]] = field(
        default_factory=lambda: collections.defaultdict(list))
    evidence: list[dict] = field(default_factory=list)
    copies: list[dict] = field(default_factory=list)  # exact copies: {hash, key, source}
    same_story: float = 1.0  # signatures agreeing on this share are linked SAME_STORY

    def touched(self) -> dict[str, set[str]]:
        """Entity keys by label that these rows write."""
        keys: dict[str, set[str]] = collections.defaultdict(set)
        for label, rows in self.entities.items():
            keys[label].update(row["key"] for row in rows)
        return keys


def graph_rows(extractions: Iterable[Extraction], hashes: dict[str, str] | None = None,
               extractor: str = "", fingerprints: dict[str, Fingerprint] | None = None,
               copies: Iterable[dict] = (), same_story: float = 1.0) -> GraphRows:
    """Turn extractions into parameter rows; relation evidence from the same batch is combined.

    `fingerprints` (by document key) let the store find copies and near-copies: `copies` are the
    exact copies of documents (this batch's or stored ones) as {hash, key, source} rows, and two
    documents whose signatures agree on at least `same_story` of their values are one story."""
    rows = GraphRows(copies=list(copies), same_story=same_story)
    relations: dict[tuple, dict] = {}
    entities: dict[tuple, dict] = {}
    stating: dict[tuple, dict] = {}  # this document's Evidence row of each relationship
    for ex in extractions:
        doc = ex.document
        rows.documents.append({
            "key": doc.id, "title": doc.title or None, "date": doc.date or None, "url": doc.url or None,
            "outlet": doc.outlet or None, "authors": list(doc.authors), "source": doc.source or None,
            "hash": (hashes or {}).get(doc.id, ex.content_hash), "text": doc.text,
            "extractor": extractor or None, **_fingerprint_row(doc.id, doc.url or doc.source, fingerprints)})
        present = set()
        for entity in ex.entities:
            if entity.label not in ENTITY_LABELS:
                raise ValueError(f"{doc.id}: entity label {entity.label!r} is not in the schema")
            present.add((entity.label, entity.key))
            sentences = []
            for m in entity.mentions:
                sentence = doc.text[m.sentence_start:m.sentence_end].strip()
                if sentence and sentence not in sentences:
                    sentences.append(sentence)
            names = [entity.name] + [a for a in entity.aliases if a != entity.name]
            count = max(1, len(entity.mentions))
            rows.mentions[entity.label].append({
                "doc": doc.id, "key": entity.key, "name": entity.name, "names": names,
                "count": count, "date": entity.date or None,
                "spans": [f"{m.start}:{m.end}" for m in entity.mentions],
                "sentences": sentences[:MENTION_SENTENCES]})
            _add_use(entities, entity.label, entity.key, entity.name, names, count, doc.date,
                     entity.date, rows)
            if entity.name_en:
                entities[entity.label, entity.key]["name_en"] = entity.name_en
        for rel in ex.relations:
            sources, targets = RELATION_TYPES.get(rel.type, ((), ()))
            if rel.source_label not in sources or rel.target_label not in targets:
                raise ValueError(f"{doc.id}: {rel.source_label}-[{rel.type}]->{rel.target_label} "
                                 f"is not in the schema")
            if (rel.source_label, rel.source_key) not in present or \
                    (rel.target_label, rel.target_key) not in present:
                raise ValueError(f"{doc.id}: relation {rel.type} {rel.source_key} -> {rel.target_key} "
                                 f"names an entity missing from the document's entities")
            ident = (rel.type, rel.source_label, rel.source_key, rel.target_label, rel.target_key,
                     rel.title)
            row = relations.get(ident)
            if row is None:
                row = relations[ident] = {"source": rel.source_key, "target": rel.target_key,
                                          "title": rel.title, "fact": fact_key(*ident), "evidence": 0,
                                          "documents": 0, "first": None, "last": None, "sample": [],
                                          "title_en": rel.title_en or None}
                rows.relations[rel.type, rel.source_label, rel.target_label].append(row)
            stated = stating.get(ident)
            if stated is None:
                stated = stating[ident] = {"doc": doc.id, "fact": row["fact"], "type": rel.type,
                                           "sentences": [], "spans": []}
                rows.evidence.append(stated)
                row["documents"] += 1
                if doc.date:
                    row["first"] = min(row["first"] or doc.date, doc.date)
                    row["last"] = max(row["last"] or doc.date, doc.date)
            for ev in rel.evidence or ():
                span = f"{ev.start}:{ev.end}"
                if span in stated["spans"]:
                    continue
                stated["sentences"].append(ev.sentence)
                stated["spans"].append(span)
                row["evidence"] += 1
                row["sample"].append({"sentence": ev.sentence, "doc": doc.id, "date": doc.date or "",
                                      "span": span})
        stating.clear()
    for row in relations.values():
        row["sample"] = most_recent(row["sample"])
    return rows


def _fingerprint_row(key: str, source: str, fingerprints: dict[str, Fingerprint] | None) -> dict:
    printed = (fingerprints or {}).get(key)
    return {"sources": [source or key], "text_hash": printed.text_hash if printed else None,
            "minhash": list(printed.signature) if printed and printed.signature else None,
            "story_bands": printed.bands if printed and printed.bands else None}


def fact_key(*identity: str) -> str:
    """The `key` of the relationship (type, source label, source key, target label, target key,
    title), which its Evidence nodes carry as `fact`."""
    return hashlib.blake2b("\x1f".join(identity).encode("utf-8"), digest_size=10).hexdigest()


def most_recent(sample: list[dict], size: int = EDGE_SENTENCES) -> list[dict]:
    """The `size` evidence entries a relationship shows: latest date first, then by document and
    span (the order `merge_relations.cypher` and `refresh_relations.cypher` use)."""
    ordered = sorted(sample, key=lambda c: (c["doc"], c["span"]))
    ordered.sort(key=lambda c: c["date"], reverse=True)
    return ordered[:size]


def _add_use(entities: dict, label: str, key: str, name: str, names: list[str], count: int,
             doc_date: str, event_date: str, rows: GraphRows) -> None:
    """Sum what a batch says of one entity into one row (see merge_entities.cypher)."""
    row = entities.get((label, key))
    if row is None:
        row = entities[label, key] = {"key": key, "forms": [], "uses": [], "names": [], "count": 0,
                                      "documents": 0, "first": None, "last": None, "date": None,
                                      "name_en": None}
        rows.entities[label].append(row)
    if name in row["forms"]:
        row["uses"][row["forms"].index(name)] += count
    else:
        row["forms"].append(name)
        row["uses"].append(count)
    row["names"].extend(n for n in names if n not in row["names"])
    row["count"] += count
    row["documents"] += 1
    if doc_date:
        row["first"] = min(row["first"] or doc_date, doc_date)
        row["last"] = max(row["last"] or doc_date, doc_date)
    if event_date:
        row["date"] = min(row["date"] or event_date, event_date)


class Store:
    """Reads and writes the graph through a driver it is given (it opens nothing itself)."""

    def __init__(self, driver: neo4j.Driver, database: str = "neo4j", uri: str = ""):
        self.driver = driver
        self.database = database
        self.uri = uri

    @classmethod
    def open(cls, settings: Settings) -> "Store":
        """Connect with `settings` (see `connect`)."""
        return cls(connect(settings), settings.database, settings.uri)

    def close(self) -> None:
        self.driver.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- plumbing -----------------------------------------------------------------------------

    def _lost(self) -> ServerError:
        return ServerError(f"lost the connection to Neo4j at {self.uri or 'the server'} — once it is "
                           f"back (`kg server status`), run the same command again: finished "
                           f"documents are kept and skipped")

    def _write(self, work, *args) -> tuple[Any, int]:
        """Run `work(tx, *args)` in a write transaction and commit it; a transaction that meets a
        lock conflict is run again (see RETRY_ATTEMPTS). Returns what `work` returned and how many
        conflicts were retried."""
        conflicts = 0
        while True:
            try:
                with self.driver.session(database=self.database) as session:
                    with session.begin_transaction() as tx:
                        result = work(tx, *args)
                        tx.commit()
                return result, conflicts
            except TransientError as error:
                if not error.is_retryable():
                    raise
                conflicts += 1
                if conflicts >= RETRY_ATTEMPTS:
                    raise ServerError(
                        f"Neo4j at {self.uri or 'the server'} refused a write {conflicts} times "
                        f"because of lock conflicts with other writers ({error.code}) — run the "
                        f"same command again when fewer loads run at once: finished documents "
                        f"are kept and skipped") from None
                time.sleep(random.uniform(0, min(RETRY_PAUSE_MAX, RETRY_PAUSE * 2 ** conflicts)))
            except (ServiceUnavailable, SessionExpired):
                raise self._lost() from None

    def _read(self, work, *args):
        try:
            with self.driver.session(database=self.database) as session:
                return session.execute_read(work, *args)
        except (ServiceUnavailable, SessionExpired):
            raise self._lost() from None

    # --- schema -------------------------------------------------------------------------------

    def apply_schema(self) -> int:
        """Create the constraints and indexes (idempotent); returns how many statements ran."""
        statements = cypher.split_statements(cypher.statement("schema"))
        try:
            with self.driver.session(database=self.database) as session:
                for text in statements:
                    session.run(text).consume()
        except (ServiceUnavailable, SessionExpired):
            raise self._lost() from None
        return len(statements)

    def await_indexes(self, seconds: int = 600) -> None:
        """Wait until every index and constraint is online (they build in the background)."""
        try:
            with self.driver.session(database=self.database) as session:
                session.run(cypher.statement("await_indexes"), seconds=seconds).consume()
        except (ServiceUnavailable, SessionExpired):
            raise self._lost() from None

    def any_node(self) -> dict | None:
        """One node of the graph ({label, key, fact}), or None when the database is empty."""
        record = self._read(lambda tx: tx.run(cypher.statement("any_node")).single())
        return dict(record) if record is not None else None

    def finish_import(self) -> None:
        """After a bulk import (`graph.bulk`), what its files carry but cannot say: set the lists
        the import format cannot express, add the exact copies it carried to the documents they
        repeat (as `add_copies` adds them in a transactional load), then derive the stories of the
        near-copies it linked (`story`, and every `document_count` moved by `_restory`, as a
        transactional load moves them). Each step works in transactions of its own and leaves
        nothing to do behind it, so running this again (after an interruption) is safe."""
        try:
            with self.driver.session(database=self.database) as session:
                for text in cypher.split_statements(cypher.statement("finish_import")):
                    session.run(text).consume()
        except (ServiceUnavailable, SessionExpired):
            raise self._lost() from None
        while self._write(_add_imported_copies, IMPORT_COPIES)[0]:
            pass
        derived: set[str] = set()
        while True:
            seeds = self._read(lambda tx: [r["key"] for r in tx.run(
                cypher.statement("stories_to_derive"), limit=IMPORT_STORIES)])
            if not seeds:
                return
            if derived.intersection(seeds):  # a story derived once is not offered again
                raise RuntimeError(f"the stories of {sorted(derived.intersection(seeds))[:3]} "
                                   f"were derived but are still offered")
            derived.update(seeds)
            self._write(_restory, seeds)

    # --- loading ------------------------------------------------------------------------------

    def check_layout(self) -> None:
        """Raise `GraphLayoutError` when the graph holds documents written by a kg that stored
        facts differently: adding to or forgetting from such a graph would leave it inconsistent."""
        def work(tx):
            return tx.run(cypher.statement("outdated_documents"), layout=LAYOUT).single()
        record = self._read(work)
        if record["count"]:
            where = f"database {self.database!r}" + (f" at {self.uri}" if self.uri else "")
            raise GraphLayoutError(
                f"{where} holds {record['count']} documents (e.g. {record['example']!r}) stored by "
                f"another version of kg in an older layout — empty it with `kg reset --yes` (or "
                f"point NEO4J_DATABASE elsewhere) and load the documents again")

    def stored_hashes(self, keys: list[str]) -> dict[str, str]:
        """Content hash of each of `keys` already in the graph."""
        def work(tx):
            return _stored(tx, keys)
        return self._read(work) if keys else {}

    def copies_of(self, text_hashes: list[str]) -> dict[str, str]:
        """The key of the stored document with each of `text_hashes` (normalised texts), if any."""
        def work(tx):
            record = tx.run(cypher.statement("documents_by_text"), hashes=text_hashes).single()
            return dict(zip(record["hashes"], record["keys"]))
        return self._read(work) if text_hashes else {}

    def write(self, extractions: list[Extraction], hashes: dict[str, str] | None = None,
              extractor: str = "") -> WriteStats:
        """Write a batch of documents in one transaction, replacing what each wrote before.

        A document's facts land completely or not at all; writing the same documents again leaves
        the same graph.
        """
        return self.write_rows(graph_rows(extractions, hashes, extractor))

    def write_rows(self, rows: GraphRows) -> WriteStats:
        """Write rows made by `graph_rows` in one transaction (see `write`); safe to call from
        another thread than the one that reads (each call has its own session)."""
        stats, conflicts = self._write(_write_rows, rows)
        stats.lock_conflicts += conflicts
        return stats

    def forget(self, doc_keys: list[str]) -> tuple[list[str], WriteStats]:
        """Remove documents and everything only they supported; returns the keys that existed."""
        def work(tx):
            stats = WriteStats()
            stored = _stored(tx, sorted(set(doc_keys)), lock="lock_documents")
            found = [k for k in dict.fromkeys(doc_keys) if k in stored]
            touched = _forget(tx, found, stats)
            _cleanup(tx, touched, stats)
            _finish(tx, touched)
            return found, stats
        self.check_layout()
        (found, stats), conflicts = self._write(work)
        stats.lock_conflicts += conflicts
        return found, stats

    def counts(self) -> dict[str, dict[str, int]]:
        """{"node": {label: n}, "relationship": {type: n}}."""
        def work(tx):
            out: dict[str, dict[str, int]] = {"node": {}, "relationship": {}}
            for r in tx.run(cypher.statement("counts")):
                out[r["kind"]][r["name"]] = r["count"]
            return out
        return self._read(work)

    def document_keys(self) -> list[str]:
        return self._read(lambda tx: [r["key"] for r in tx.run(cypher.statement("document_keys"))])

    def export(self, keys: list[str] | None = None) -> Iterator[dict]:
        """Each document as the stored graph has it, in the exchange format of the eval guide."""
        for key in keys if keys is not None else self.document_keys():
            record = self._read(lambda tx: tx.run(cypher.statement("export_document"), doc=key).single())
            if record is not None:
                yield export_record(record)

    def wipe(self) -> WriteStats:
        """Delete every node and relationship (`kg reset`), a transaction per chunk so that a
        large graph does not exceed the server's transaction memory; constraints and indexes stay.
        Returns what was deleted."""
        stats = WriteStats()
        while True:
            chunk, conflicts = self._write(_wipe_chunk)
            chunk.lock_conflicts += conflicts
            if not chunk.nodes_deleted:
                return stats
            stats.merge(chunk)


def _stored(tx, keys: list[str], lock: str = "") -> dict[str, str]:
    """The stored content hash of each of `keys` in the graph; in a write transaction, `lock`
    names the statement that locks the documents first (`claim_documents`, `lock_documents`)."""
    record = tx.run(cypher.statement(lock or "document_hashes"), keys=keys).single()
    return dict(zip(record["keys"], record["hashes"]))


def _wipe_chunk(tx) -> WriteStats:
    stats = WriteStats()
    stats.add(tx.run(cypher.statement("wipe_chunk")).consume().counters)
    return stats


def _forget(tx, doc_keys: list[str], stats: WriteStats) -> dict[str, set[str]]:
    """Remove the documents' evidence, mentions and nodes; returns the entity keys (by label) that
    lost a mention, for `_cleanup`."""
    touched: dict[str, set[str]] = collections.defaultdict(set)
    if not doc_keys:
        return touched
    _restory(tx, doc_keys, detached=doc_keys)  # each a story of its own: it counts as one document
    result = tx.run(cypher.statement("forget_evidence"), docs=doc_keys)
    gone: dict[tuple[str, str], dict] = {}
    for r in result:
        row = gone.setdefault((r["type"], r["fact"]), {"fact": r["fact"], "sentences": 0,
                                                       "documents": 0, "docs": [], "dates": []})
        row["sentences"] += r["sentences"]
        row["documents"] += 1
        row["docs"].append(r["doc"])
        if r["date"]:
            row["dates"].append(r["date"])
    stats.add(result.consume().counters)
    by_type: dict[str, list[dict]] = collections.defaultdict(list)
    for (rel_type, _), row in sorted(gone.items()):
        by_type[rel_type].append(row)
    for rel_type, rows in sorted(by_type.items()):
        result = tx.run(cypher.render("forget_relations", type=rel_type), rows=rows)
        stale = [r["key"] for r in result]
        stats.add(result.consume().counters)
        if stale:
            tx.run(cypher.render("refresh_relations", type=rel_type), keys=stale,
                   sample=EDGE_SENTENCES).consume()
    for key in doc_keys:
        result = tx.run(cypher.statement("forget_mentions"), doc=key)
        for r in result:
            touched[r["label"]].add(r["key"])
        stats.add(result.consume().counters)
        stats.add(tx.run(cypher.statement("delete_document"), doc=key).consume().counters)
    return touched


def _story_candidates(tx, rows: GraphRows) -> list[dict]:
    """The stored documents that share a MinHash band with any of the batch's documents, read
    before the batch writes its own (a full-text query in a transaction that has written documents
    must index them first, which cost most of a batch's time); one query per group of documents
    (a query may hold 1,024 terms)."""
    wanted = [d for d in rows.documents if d.get("story_bands")]
    if not wanted:
        return []
    groups = [" ".join(d["story_bands"] for d in wanted[n:n + STORY_QUERY]) for n in range(0, len(wanted), STORY_QUERY)]
    batch = {d["key"] for d in rows.documents}
    return [r for r in tx.run(cypher.statement("story_candidates"), groups=groups).data()
            if r["key"] not in batch]


def _link_stories(tx, rows: GraphRows, stored: list[dict], stats: WriteStats) -> set[str]:
    """Link the batch's documents to their near-copies among the `stored` candidates and each
    other; returns the keys of the documents on either end of a link."""
    wanted = [d for d in rows.documents if d.get("story_bands")]
    holding: dict[str, list[dict]] = collections.defaultdict(list)  # band word -> documents with it
    for r in stored + [{"key": d["key"], "signature": d["minhash"], "date": d["date"], "bands": d["story_bands"]}
                       for d in wanted]:
        for band in (r["bands"] or "").split():
            holding[band].append(r)
    links: dict[tuple[str, str], float] = {}
    for doc in wanted:
        # every other document sharing a band with it
        sharing = {r["key"]: r for band in doc["story_bands"].split() for r in holding[band]}
        sharing.pop(doc["key"], None)
        for key, r in sorted(sharing.items()):
            link = story_link(doc["key"], doc["date"], key, r["date"],
                              _agreement(doc["minhash"], r["signature"]), rows.same_story)
            if link is not None:
                later, earlier, similarity = link
                links[later, earlier] = similarity
    if links:
        stats.add(tx.run(cypher.statement("link_same_story"),
                         rows=[{"from": f, "to": t, "similarity": v} for (f, t), v in sorted(links.items())])
                  .consume().counters)
    return {key for pair in links for key in pair}


def story_link(key: str, date: str | None, other: str, other_date: str | None, share: float,
               same_story: float) -> tuple[str, str, float] | None:
    """The SAME_STORY link between two documents whose MinHash signatures agree on `share` of
    their values: (later, earlier, similarity), from the later document (by date, then key) to the
    earlier one, `similarity` rounded to 3 places; None when they are no near-copies (`share`
    below `same_story`, or dated more than STORY_DAYS apart). The one rule of both writers: this
    store's and the bulk import's (`graph.bulk.NearCopies`)."""
    if share < same_story or _days_apart(date, other_date) > STORY_DAYS:
        return None
    mine, theirs = (date or "", key), (other_date or "", other)
    later, earlier = (mine, theirs) if mine > theirs else (theirs, mine)
    return later[1], earlier[1], round(share, 3)


def _days_apart(a: str | None, b: str | None) -> int:
    """Days between two ISO dates; 0 when either is unknown."""
    import datetime
    try:
        return abs((datetime.date.fromisoformat(a) - datetime.date.fromisoformat(b)).days) if a and b else 0
    except ValueError:
        return 0


def _agreement(a: list[int] | None, b: list[int] | None) -> float:
    """The share of equal values of two MinHash signatures (an estimate of their texts' Jaccard)."""
    if not a or not b or len(a) != len(b):
        return 0.0
    return sum(x == y for x, y in zip(a, b)) / len(a)


def _restory(tx, seeds: Iterable[str], detached: Iterable[str] = ()) -> None:
    """Re-derive the `story` of every document linked to `seeds` as a near-copy, directly or
    through others, and move the `document_count` of what those documents mention and state by
    the change.

    A story is a group of documents connected by SAME_STORY, named by its smallest key; every
    `document_count` counts stories, so only the documents of the stories that changed are read,
    however often their entities occur elsewhere. `detached` documents (about to be forgotten)
    leave their stories: each becomes a story of its own, and the rest of its story is regrouped
    without it (it may have been the bridge between two halves)."""
    detached = set(detached)
    old: dict[str, str] = {}
    linked: dict[str, list[str]] = {}
    asked: set[str] = set()
    frontier = sorted(set(seeds))
    while frontier:  # walk the stories, locking each document before reading its story
        asked.update(frontier)
        for r in tx.run(cypher.statement("story_component"), docs=frontier):
            old[r["key"]], linked[r["key"]] = r["story"], r["linked"]
        frontier = sorted({other for key in frontier for other in linked.get(key, ())} - asked)
    group = {key: key for key in old}

    def root(key: str) -> str:
        while group[key] != key:
            group[key] = group[group[key]]
            key = group[key]
        return key

    for key, others in linked.items():
        for other in others:
            if key not in detached and other not in detached and other in group:
                a, b = root(key), root(other)
                group[max(a, b)] = min(a, b)  # the root of a group is its smallest key
    rows = [{"key": key, "old": old[key], "new": root(key)} for key in sorted(old)]
    changed = [row for row in rows if row["old"] != row["new"]]
    if not changed:
        return
    tx.run(cypher.statement("story_entity_counts"), rows=rows).consume()
    deltas: dict[str, list[dict]] = collections.defaultdict(list)
    for r in tx.run(cypher.statement("story_fact_counts"), rows=rows):
        deltas[r["type"]].append({"fact": r["fact"], "delta": r["delta"]})
    for rel_type, fact_rows in sorted(deltas.items()):
        tx.run(cypher.render("story_relation_counts", type=rel_type), rows=fact_rows).consume()
    tx.run(cypher.statement("set_stories"), rows=changed).consume()


def _add_imported_copies(tx, limit: int) -> int:
    """The next `limit` exact copies a bulk import carried, added to the documents they repeat (in
    the order a transactional load adds them) and deleted; returns how many there were."""
    rows = tx.run(cypher.statement("take_imported_copies"), limit=limit).single()["rows"]
    if rows:
        tx.run(cypher.statement("add_copies"), rows=rows).consume()
    return len(rows)


def _cleanup(tx, touched: dict[str, set[str]], stats: WriteStats) -> None:
    """After forgetting: delete entities no document mentions, recompute the rest from MENTIONS."""
    for label, keys in sorted(touched.items()):
        params = {"keys": sorted(keys)}
        stats.add(tx.run(cypher.render("delete_orphans", label=label), **params).consume().counters)
        tx.run(cypher.render("refresh_entities", label=label), **params).consume()


def _finish(tx, touched: dict[str, set[str]]) -> None:
    """Derive names and aliases, then their folded search forms (`name_folded`, `aliases_folded`);
    labels and keys in sorted order, so concurrent writers lock alike."""
    for label, keys in sorted(touched.items()):
        result = tx.run(cypher.render("finish_entities", label=label), keys=sorted(keys))
        folded = [{"key": r["key"], "name": fold(r["name"]),
                   "aliases": sorted({fold(a) for a in r["aliases"]} - {fold(r["name"])})}
                  for r in result if r["name"] is not None]
        if folded:
            tx.run(cypher.render("fold_entities", label=label), rows=folded).consume()


def _write_rows(tx, rows: GraphRows) -> WriteStats:
    stats = WriteStats()
    # A copy stored earlier as a document of its own (its text has since become another's) goes.
    keys = sorted({row["key"] for row in rows.documents})
    copy_keys = sorted({row["key"] for row in rows.copies} - set(keys))
    # the near-copies stored before this transaction writes anything (see _story_candidates)
    stored_copies = [r for r in _story_candidates(tx, rows) if r["key"] not in copy_keys]
    existing = list(_stored(tx, keys, lock="claim_documents"))
    existing += list(_stored(tx, copy_keys, lock="lock_documents")) if copy_keys else []
    touched = _forget(tx, existing, stats)
    _cleanup(tx, touched, stats)
    stats.add(tx.run(cypher.statement("merge_documents"),
                     rows=sorted(rows.documents, key=lambda r: r["key"]), layout=LAYOUT)
              .consume().counters)
    # Labels, types and rows in key order, so that concurrent loads lock nodes in the same order.
    for label, entity_rows in sorted(rows.entities.items()):
        stats.add(tx.run(cypher.render("merge_entities", label=label),
                         rows=sorted(entity_rows, key=lambda r: r["key"])).consume().counters)
        stats.add(tx.run(cypher.render("merge_mentions", label=label),
                         rows=sorted(rows.mentions[label], key=lambda r: (r["doc"], r["key"])))
                  .consume().counters)
    for (rel_type, source, target), rel_rows in sorted(rows.relations.items()):
        stats.add(tx.run(cypher.render("merge_relations", source=source, target=target, type=rel_type),
                         rows=sorted(rel_rows, key=lambda r: (r["source"], r["target"], r["title"])),
                         sample=EDGE_SENTENCES).consume().counters)
    if rows.evidence:
        evidence = sorted(rows.evidence, key=lambda r: (r["doc"], r["fact"]))
        stats.add(tx.run(cypher.statement("merge_evidence"), rows=evidence).consume().counters)
    if rows.copies:
        stats.add(tx.run(cypher.statement("add_copies"), rows=sorted(rows.copies, key=lambda r: r["key"]))
                  .consume().counters)
    _restory(tx, _link_stories(tx, rows, stored_copies, stats))
    for label, new_keys in rows.touched().items():
        touched[label].update(new_keys)
    _finish(tx, touched)
    return stats


def export_record(record: Any) -> dict:
    """One `export_document` row as an exchange-format record."""
    doc = dict(record["document"])
    entities = [e for e in record["entities"] if e.get("key") is not None]
    names = {(e["label"], e["key"]): e["name"] for e in entities}
    out_entities = []
    for e in sorted(entities, key=lambda e: (e["label"], e["name"])):
        item = {"label": e["label"], "name": e["name"], "key": e["key"]}
        aliases = [n for n in (e.get("names") or []) if n != e["name"]]
        if aliases:
            item["aliases"] = aliases
        if e.get("date"):
            item["date"] = e["date"]
        out_entities.append(item)
    relations = []
    for r in record["relations"]:
        if r is None:
            continue
        item = {"type": r["type"],
                "source": {"label": r["source_label"], "name": names.get((r["source_label"], r["source_key"]), r["source_key"])},
                "target": {"label": r["target_label"], "name": names.get((r["target_label"], r["target_key"]), r["target_key"])}}
        if r.get("title"):
            item["title"] = r["title"]
        if r.get("as_of"):
            item["as_of"] = r["as_of"]
        item["evidence"] = [{"sentence": s, "span": sp} for s, sp in zip(r["sentences"], r["spans"])]
        relations.append(item)
    relations.sort(key=lambda r: (r["type"], r["source"]["name"], r["target"]["name"], r.get("title", "")))
    result = {"doc": doc.pop("key"), "entities": out_entities, "relations": relations}
    result.update({k: v for k, v in doc.items() if v})
    return result
