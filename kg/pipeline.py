"""The pipeline, written out in one place: read → skip unchanged → extract (in workers) → write.

Everything here streams in windows of `batch_size` documents, so memory does not grow with the
corpus. Three windows are in flight at once: one is written (in a writer thread, which mostly
waits for the server), the next is turned into graph rows, and the one after is extracted in the
worker pool.
"""
from __future__ import annotations

import multiprocessing
import time
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator

from graph.model import Document, Failure
from graph.store import Store, WriteStats, graph_rows
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
                "fallback_reader": self.fallback,
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
        """Start extracting `docs`; returns a callable that waits for the results."""
        if self.pool is None or len(docs) < 2:
            return lambda: [safe_extract(d) for d in docs]
        pending = self.pool.map_async(safe_extract, docs, chunksize=max(1, len(docs) // (self.workers * 4)))
        return pending.get


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

    def write(results: list, hashes: dict[str, str], writer: ThreadPoolExecutor) -> None:
        nonlocal writing
        good = []
        for item in results:
            if isinstance(item, Failure):
                fail(item)
            else:
                good.append(item)
        rows = graph_rows(good, hashes, version) if good else None
        finish_write()
        if rows is not None:
            writing = (writer.submit(store.write_rows, rows), len(good))
        elif on_progress:
            on_progress(report)

    with Extractor(workers) as extractor, ThreadPoolExecutor(1, thread_name_prefix="kg-writer") as writer:
        waiting = None  # the window being extracted: (results getter, hashes)
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
                pending = (extractor.submit(changed), hashes)
                if waiting is not None:
                    write(waiting[0](), waiting[1], writer)
                elif on_progress:
                    on_progress(report)
                waiting = pending
            if waiting is not None:
                write(waiting[0](), waiting[1], writer)
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
