"""The pipeline, written out in one place: read → skip unchanged → set exact copies aside →
extract and fingerprint (in workers) → write (near-copies are linked by the store, or, in a bulk
load, by `graph.bulk` over the whole corpus).

Everything here streams in windows of `batch_size` documents, so memory does not grow with the
corpus. Three windows are in flight at once: one is written (in a writer thread, which mostly
waits for the server), the next is turned into graph rows, and the one after is extracted in the
worker pool.
"""
from __future__ import annotations

import collections
import multiprocessing
import shutil
import time
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator

from pathlib import Path

from graph import server
from graph.bulk import BulkWriter, ImportFiles
from graph.errors import NotEmptyError
from graph.model import Document, Failure
from graph.settings import Settings
from graph.store import Store, WriteStats, graph_rows
from loaders import copies as copies_module
from loaders import extract as extract_module
from loaders.pipeline import safe_extract, unique_documents
from loaders.read import read_documents

Progress = Callable[["Report"], None]


@dataclass
class Report:
    """What a run did: documents loaded, skipped (unchanged), failed (with reasons)."""

    loaded: int = 0
    skipped: int = 0
    fallback: int = 0  # HTML pages read by the fallback reader (the main-text extractor found nothing)
    copies: int = 0  # exact copies (same normalised text) merged into the document they repeat
    failures: list[Failure] = field(default_factory=list)
    stats: WriteStats = field(default_factory=WriteStats)
    started: float = field(default_factory=time.monotonic)
    seconds: float = 0.0

    @property
    def failed(self) -> int:
        return len(self.failures)

    @property
    def seen(self) -> int:
        return self.loaded + self.skipped + self.failed

    def as_dict(self) -> dict:
        return {"loaded": self.loaded, "skipped": self.skipped, "failed": self.failed,
                "fallback_reader": self.fallback, "copies_merged": self.copies,
                "nodes_created": self.stats.nodes_created, "nodes_deleted": self.stats.nodes_deleted,
                "relationships_created": self.stats.relationships_created,
                "relationships_deleted": self.stats.relationships_deleted,
                "lock_conflicts": self.stats.lock_conflicts,
                "seconds": round(self.seconds, 3),
                "failures": [{"source": f.source, "reason": f.reason} for f in self.failures]}


class StrictStop(Exception):
    """Raised inside the pipeline with --strict at the first failure."""

    def __init__(self, failure: Failure):
        super().__init__(f"{failure.source}: {failure.reason}")
        self.failure = failure


def windows(items: Iterable, size: int) -> Iterator[list]:
    window: list = []
    for item in items:
        window.append(item)
        if len(window) >= size:
            yield window
            window = []
    if window:
        yield window


class Extractor:
    """Runs extraction in-process (workers=1) or in a pool of worker processes."""

    def __init__(self, workers: int = 1):
        self.workers = max(1, workers)
        self.pool = None

    def __enter__(self) -> "Extractor":
        if self.workers > 1:
            self.pool = multiprocessing.get_context("fork").Pool(self.workers)
        return self

    def __exit__(self, *exc: object) -> None:
        if self.pool is not None:
            self.pool.terminate()
            self.pool.join()

    def submit(self, docs: list[Document]):
        """Start extracting `docs`; returns a callable that waits for the results, each an
        (extraction or failure, fingerprint of the text) pair."""
        if self.pool is None or len(docs) < 2:
            return lambda: [extract_and_fingerprint(d) for d in docs]
        pending = self.pool.map_async(extract_and_fingerprint, docs,
                                      chunksize=max(1, len(docs) // (self.workers * 4)))
        return pending.get


def extract_and_fingerprint(doc: Document) -> tuple:
    """In a worker: the document's extraction and its fingerprint (for finding near-copies)."""
    return safe_extract(doc), copies_module.fingerprint(doc.text)


class ExactCopies:
    """Sorts each window's documents into those to extract and exact copies (same normalised text)
    of a document met earlier: in this window, in the few windows that may not be in the graph yet,
    or stored. A copy is not extracted; it becomes one more source of the document it repeats.

    Without a store (a bulk load, into an empty database) every text of the load is remembered
    instead, by its hash: one dictionary entry per document extracted."""

    def __init__(self, store: Store | None, unwritten: int = 4):
        self.store = store
        self.recent: collections.deque[dict[str, str]] = collections.deque(maxlen=unwritten)
        self.met: dict[str, str] = {}  # without a store: the document of every text met

    def split(self, docs: list[Document]) -> tuple[list[Document], list[dict]]:
        """(documents to extract, copy rows for `graph_rows`)."""
        hashes = {d.id: copies_module.text_hash(d.text) for d in docs}
        stored = self.met if self.store is None else self.store.copies_of(sorted(set(hashes.values())))
        window: dict[str, str] = {}
        fresh, copies = [], []
        for doc in docs:
            text_hash = hashes[doc.id]
            original = window.get(text_hash) or next(
                (seen[text_hash] for seen in self.recent if text_hash in seen), None) or stored.get(text_hash)
            if original is not None and original != doc.id:
                copies.append({"hash": text_hash, "key": doc.id, "source": doc.url or doc.source or doc.id})
            else:
                window.setdefault(text_hash, doc.id)
                fresh.append(doc)
        if self.store is None:
            self.met.update(window)
        else:
            self.recent.append(window)
        return fresh, copies


def load(paths: Iterable[str], store: Store, *, workers: int = 1, batch_size: int = 200,
         force: bool = False, strict: bool = False, on_progress: Progress | None = None) -> Report:
    """Load documents into the graph; unchanged ones (same content hash) are skipped.

    Each window of `batch_size` documents is written in one transaction, so a document's facts
    land whole; when this raises (lost server, --strict, Ctrl-C), the window being written is
    finished first, so the report counts exactly the documents in the graph.
    """
    report = Report()
    store.apply_schema()
    store.check_layout()
    version = extract_module.EXTRACTOR_VERSION
    writing: tuple[Future, int] | None = None  # the window in the writer thread, and its size

    def fail(failure: Failure) -> None:
        report.failures.append(failure)
        if strict:
            raise StrictStop(failure)

    def finish_write() -> None:
        nonlocal writing
        if writing is not None:
            future, count = writing
            writing = None
            report.stats.merge(future.result())
            report.loaded += count
            if on_progress:
                on_progress(report)

    def write(results: list, hashes: dict[str, str], copies: list[dict],
              writer: ThreadPoolExecutor) -> None:
        nonlocal writing
        good, prints = _extracted(results, fail)
        rows = graph_rows(good, hashes, version, prints, copies, copies_module.SAME_STORY) \
            if good or copies else None
        finish_write()
        if rows is not None:
            writing = (writer.submit(store.write_rows, rows), len(good))
        elif on_progress:
            on_progress(report)

    with Extractor(workers) as extractor, ThreadPoolExecutor(1, thread_name_prefix="kg-writer") as writer:
        waiting = None  # the window being extracted: (results getter, hashes, copies)
        texts = ExactCopies(store)
        try:
            def counted(items):
                for item in items:
                    if isinstance(item, Document) and item.reader == "fallback":
                        report.fallback += 1
                    yield item
            for window in windows(unique_documents(counted(read_documents(paths))), batch_size):
                docs = []
                for item in window:
                    if isinstance(item, Failure):
                        fail(item)
                    else:
                        docs.append(item)
                hashes = {d.id: extract_module.content_hash(d) for d in docs}
                stored = {} if force else store.stored_hashes(list(hashes))
                changed = [d for d in docs if stored.get(d.id) != hashes[d.id]]
                report.skipped += len(docs) - len(changed)
                changed, copies = texts.split(changed)
                report.copies += len(copies)
                pending = (extractor.submit(changed), hashes, copies)
                if waiting is not None:
                    write(waiting[0](), *waiting[1:], writer)
                elif on_progress:
                    on_progress(report)
                waiting = pending
            if waiting is not None:
                write(waiting[0](), *waiting[1:], writer)
            finish_write()
        except BaseException:
            if writing is not None:  # let the transaction in flight end, and count it if it landed
                try:
                    finish_write()
                except Exception:  # noqa: BLE001 - the first error is the one to report
                    pass
            raise
        finally:
            report.seconds = time.monotonic() - report.started
    return report


@dataclass
class BulkReport(Report):
    """What a bulk load did: the documents written to import files, and either the import into
    the managed server (`imported`, its summary) or the command to run for another server."""

    files: ImportFiles | None = None
    imported: bool = False
    summary: str = ""
    command: str = ""
    steps: dict[str, float] = field(default_factory=dict)  # seconds per step


def bulk_load(paths: Iterable[str], settings: Settings, *, home: str | Path | None = None,
              folder: str | Path | None = None, workers: int = 1, batch_size: int = 200,
              strict: bool = False, on_progress: Progress | None = None,
              on_step: Callable[[str], None] | None = None) -> BulkReport:
    """Fill an empty database through `neo4j-admin database import full`: the same graph as
    `load` gives, so that later loads add to it and skip unchanged documents.

    The documents are extracted as `load` extracts them and their graph rows written as import
    files (in `folder`); exact copies are set aside as `load` sets them aside (not extracted: one
    more source of the document they repeat) and near-copies linked as `load` links them, over
    the whole corpus (`graph.bulk`). When `settings` point at the managed server of `home` it is
    stopped, the files imported, the server started again, the schema applied and the import
    finished (`Store.finish_import`: empty lists, copies, stories); for any other server the
    report holds the command to run (`command`), after which `kg schema --imported` finishes it.
    A database with any node in it is refused.
    """
    report = BulkReport()
    step = on_step or (lambda message: None)
    with Store.open(settings) as store:
        node = store.any_node()
    if node is not None:
        example = f"{node['label']} {node['key'] or node['fact']!r}"
        raise NotEmptyError(
            f"database {settings.database!r} at {settings.uri} is not empty (it holds e.g. {example}) "
            f"— --bulk only fills an empty database: load without --bulk to add to it, or empty it "
            f"first with `kg reset --yes`")
    managed = server.serves(settings, home)
    if folder is None:
        folder = (managed / "import" / "kg-bulk") if managed else Path("kg-import")
    folder = Path(folder).resolve()
    if managed:
        shutil.rmtree(folder, ignore_errors=True)
    version = extract_module.EXTRACTOR_VERSION
    writer = BulkWriter(folder)
    started = time.monotonic()
    step(f"extracting and writing import files to {folder}")

    def fail(failure: Failure) -> None:
        report.failures.append(failure)
        if strict:
            raise StrictStop(failure)

    def write(results: list, hashes: dict[str, str], copies: list[dict]) -> None:
        good, prints = _extracted(results, fail)
        if good or copies:
            writer.add(graph_rows(good, hashes, version, prints, copies, copies_module.SAME_STORY))
            report.loaded += len(good)
        if on_progress:
            report.seconds = time.monotonic() - report.started
            on_progress(report)

    # read, hash, set copies aside and extract exactly as `load` does (hashes of the documents as read)
    with Extractor(workers) as extractor:
        waiting = None
        texts = ExactCopies(None)
        for window in windows(unique_documents(read_documents(paths)), batch_size):
            docs = []
            for item in window:
                if isinstance(item, Failure):
                    fail(item)
                else:
                    docs.append(item)
                    if item.reader == "fallback":
                        report.fallback += 1
            hashes = {d.id: extract_module.content_hash(d) for d in docs}
            fresh, copies = texts.split(docs)
            report.copies += len(copies)
            pending = (extractor.submit(fresh), hashes, copies)
            if waiting is not None:
                write(waiting[0](), *waiting[1:])
            waiting = pending
        if waiting is not None:
            write(waiting[0](), *waiting[1:])
    report.files = files = writer.close()
    report.steps["extract and write files"] = time.monotonic() - started
    if not managed:
        report.command = files.command(settings.database)
        report.seconds = time.monotonic() - report.started
        return report
    if files.documents:
        started = time.monotonic()
        report.summary = server.import_full(managed, files.arguments(settings.database),
                                            settings.password, on_progress=step)
        report.imported = True
        report.steps["import (stop, import, start)"] = time.monotonic() - started
    started = time.monotonic()
    step("applying the schema")
    with Store.open(settings) as store:
        store.apply_schema()
        store.await_indexes()
        step("finishing the import: empty lists, exact copies, stories")
        store.finish_import()
    report.steps["schema and finishing the import"] = time.monotonic() - started
    shutil.rmtree(folder, ignore_errors=True)
    report.seconds = time.monotonic() - report.started
    return report


def _extracted(results: list, fail: Callable[[Failure], None]) -> tuple[list, dict]:
    """The workers' (extraction or failure, fingerprint) pairs as the extractions and their
    fingerprints by document key; each failure goes to `fail`."""
    good, prints = [], {}
    for item, printed in results:
        if isinstance(item, Failure):
            fail(item)
        else:
            good.append(item)
            prints[item.document.id] = printed
    return good, prints
