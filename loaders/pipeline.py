"""Extraction over many files, streaming: read → extract (in worker processes) → yield, in order.

Memory does not grow with the corpus: documents are read lazily, handed to the workers through
`Pool.imap` (which keeps results in input order), and each result is yielded as soon as it and
everything before it is done. A document whose extraction raises becomes a `Failure` for that
document only; the run goes on.
"""
from __future__ import annotations

import multiprocessing
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from graph.model import Document, Extraction, Failure
from loaders.extract import extract
from loaders.read import SUFFIXES, files, keyed_files, read_documents, read_file


def safe_extract(item: Document | Failure) -> Extraction | Failure:
    """`extract`, with any exception turned into a one-line `Failure` for that document."""
    if isinstance(item, Failure):
        return item
    try:
        return extract(item)
    except Exception as error:  # noqa: BLE001 - one bad document must not stop a corpus
        return Failure(item.source or item.id,
                       f"extraction failed ({type(error).__name__}: {error}); please report this file")


def extract_paths(paths: Iterable[str | os.PathLike], workers: int = 1, chunksize: int = 4
                  ) -> Iterator[Extraction | Failure]:
    """Every document under `paths` as an `Extraction`, or a `Failure` saying why not, in reading order.

    `workers` > 1 reads and extracts in that many processes (the parent only lists the files and
    collects results, so reading scales too); results come in the same order as with one worker.
    Two documents with the same name would overwrite each other: the second becomes a `Failure`.
    """
    yield from unique_documents(_extract_paths(paths, workers, chunksize))


def unique_documents(items: Iterable[Document | Extraction | Failure]) -> Iterator[Document | Extraction | Failure]:
    """Items in order, where a document (or extraction) named like an earlier one becomes a `Failure`
    saying so: two files with the same document name would overwrite each other."""
    seen: dict[str, str] = {}
    for item in items:
        doc = item.document if isinstance(item, Extraction) else item
        if isinstance(doc, Document):
            if doc.id in seen:
                item = Failure(doc.source or doc.id,
                               f"same document name {doc.id!r} as {seen[doc.id]}; rename one of them")
            else:
                seen[doc.id] = doc.source or doc.id
        yield item


def _extract_paths(paths, workers: int, chunksize: int) -> Iterator[Extraction | Failure]:
    if workers <= 1:
        for item in read_documents(paths):
            yield safe_extract(item)
        return
    # fork keeps the already-loaded lexicons; spawn would re-import them in each worker.
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else None
    with multiprocessing.get_context(method).Pool(workers) as pool:
        for results in pool.imap(_extract_file, keyed_files(paths), chunksize=max(1, chunksize)):
            yield from results


def _extract_file(keyed: tuple[Path | Failure, str]) -> list[Extraction | Failure]:
    """In a worker: every document of one file (one, or one per line of a JSONL file), extracted."""
    item, key = keyed
    if isinstance(item, Failure):
        return [item]
    return [safe_extract(doc) for doc in read_file(item, key)]


@dataclass(frozen=True)
class Census:
    """What a run will meet, counted without reading file contents: for progress bars."""

    files: int = 0  # document files (a .jsonl file counts once, whatever its number of lines)
    bytes: int = 0  # their total size, a better measure of remaining work than the file count
    missing: int = 0  # paths that do not exist
    skipped: int = 0  # files inside folders that are not documents (see `read_documents`)


def count_documents(paths: Iterable[str | os.PathLike]) -> Census:
    """A cheap count of the work under `paths` (only directory listings and sizes are read)."""
    files = size = missing = skipped = 0
    for path in map(os.fspath, paths):
        if os.path.isdir(path):
            for root, dirs, names in os.walk(path):
                dirs[:] = [d for d in dirs if not d.startswith(".")]
                for name in names:
                    if name.startswith("."):
                        continue
                    if os.path.splitext(name)[1].lower() in SUFFIXES:
                        files += 1
                        size += _size(os.path.join(root, name))
                    else:
                        skipped += 1
        elif os.path.exists(path):
            files += 1
            size += _size(path)
        else:
            missing += 1
    return Census(files=files, bytes=size, missing=missing, skipped=skipped)


def _size(path: str) -> int:
    try:
        return os.path.getsize(path)
    except OSError:
        return 0
