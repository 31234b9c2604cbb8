"""Reading documents: files and folders of .txt, .html/.htm, .jsonl, .pdf and .docx (text in any
common encoding).

A document's key (`Document.id`, the exchange format's `doc`) is its path relative to the folder or
file named on the command line (`2024/01/index.html`; a file named itself is its base name), so the
same file name in two folders is two documents and loading the folder from elsewhere finds the same
keys. A JSONL line is `file.jsonl#N`, or the record's `id` (else `url`) when it has one.

Every file named, and every file inside a folder, yields either a `Document` or a `Failure` with a
one-line reason — nothing is dropped silently. Hidden files (names starting with a dot) inside
folders are passed over.
"""
from __future__ import annotations

import codecs
import json
import os
import re
import unicodedata
from html.parser import HTMLParser
from pathlib import Path
from typing import Iterable, Iterator

from graph.model import Document, Failure

TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
PDF_SUFFIXES = {".pdf"}
DOCX_SUFFIXES = {".docx"}
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | PDF_SUFFIXES | DOCX_SUFFIXES
MAX_BYTES = 50 * 1024 * 1024
SUPPORTED = "supported: .txt .html .htm .jsonl .pdf .docx"


def read_documents(paths: Iterable[str | os.PathLike]) -> Iterator[Document | Failure]:
    """Documents from files and folders (recursively, in sorted order), or why each could not be read."""
    for item, key in keyed_files(paths):
        if isinstance(item, Failure):
            yield item
        else:
            yield from read_file(item, key)


def keyed_files(paths: Iterable[str | os.PathLike]) -> Iterator[tuple[Path | Failure, str]]:
    """(file, its document key) for each file `files` yields."""
    for path in map(Path, paths):
        if path.is_dir():
            for item in _walk(path):
                yield item, item.relative_to(path).as_posix()
        elif path.exists():
            yield path, path.name
        else:
            yield Failure(str(path), "no such file or folder — check the path"), ""


def files(paths: Iterable[str | os.PathLike]) -> Iterator[Path | Failure]:
    """The files `read_documents` reads, in its order, without reading them; a missing path is a Failure."""
    for path in map(Path, paths):
        if path.is_dir():
            yield from _walk(path)
        elif path.exists():
            yield path
        else:
            yield Failure(str(path), "no such file or folder — check the path")


def _walk(folder: Path) -> Iterator[Path]:
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield Path(root) / name


def read_file(path: Path, key: str = "") -> Iterator[Document | Failure]:
    """The document(s) of one file, keyed `key` (default: its name): one for .txt, .html, .pdf and
    .docx, one per line for .jsonl."""
    key = key or path.name
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        yield Failure(str(path), f"not a document type ({suffix or 'no extension'}); {SUPPORTED}")
        return
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            yield Failure(str(path), f"{size / 1e6:.0f} MB is larger than the {MAX_BYTES // 2**20} MB limit "
                                     f"for one file; split it")
            return
        data = path.read_bytes()
    except OSError as error:
        yield Failure(str(path), f"cannot read: {error.strerror or error}")
        return
    if suffix in PDF_SUFFIXES or suffix in DOCX_SUFFIXES:
        yield _binary(path, key, data, suffix)
        return
    text, problem = decode(data)
    if problem:
        yield Failure(str(path), problem)
        return
    if suffix in JSONL_SUFFIXES:
        yield from _jsonl(path, text, key)
        return
    if suffix in HTML_SUFFIXES:
        yield _html(path, key, text)
        return
    text = normalise(text)
    if not text.strip():
        yield Failure(str(path), "no text (the file is empty or only white space)")
        return
    yield Document(id=key, text=text, source=str(path))


def _html(path: Path, key: str, html: str) -> Document | Failure:
    from loaders.html import read_html
    try:
        page = read_html(html)
    except Exception:  # a page the library chokes on is still read, by the fallback reader
        page = None
    if page is not None:
        title, text, fallback = page.title, page.text, page.fallback
    else:
        (title, text), fallback = html_text(html), True
    text = normalise(text)
    if not text.strip():
        return Failure(str(path), "no text (the page has no readable text)")
    if page is None or fallback:
        return Document(id=key, text=text, source=str(path), title=normalise(title).strip(),
                        reader="fallback")
    return Document(id=key, text=text, source=str(path), title=normalise(page.title).strip(),
                    date=_iso_date(page.date), url=page.url, outlet=normalise(page.outlet).strip(),
                    authors=tuple(normalise(a) for a in page.authors))


def _binary(path: Path, key: str, data: bytes, suffix: str) -> Document | Failure:
    from loaders import files as binary
    title = ""
    try:
        if suffix in PDF_SUFFIXES:
            text = binary.pdf_text(data)
        else:
            title, text = binary.docx_text(data)
    except ValueError as error:
        if str(error) == binary.NO_TEXT_LAYER:
            return Failure(str(path), binary.NO_TEXT_LAYER)
        return Failure(str(path), f"not a readable {suffix[1:].upper()} file ({error}); save it again")
    except Exception as error:
        return Failure(str(path), f"not a readable {suffix[1:].upper()} file "
                                  f"({type(error).__name__}); save it again")
    text = normalise(text)
    if not text.strip():
        return Failure(str(path), binary.NO_TEXT_LAYER if suffix in PDF_SUFFIXES else "no text (the document is empty)")
    return Document(id=key, text=text, source=str(path), title=normalise(title).strip())


def normalise(text: str) -> str:
    """NFC, Unix line ends, no NUL or other control characters but tab and newline."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    return _CONTROL.sub(" ", text).replace("\xa0", " ")


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b\ufeff]")


def decode(data: bytes) -> tuple[str, str]:
    """(text, "") or ("", reason). UTF-8 (with or without BOM), UTF-16/32 with BOM or without
    (detected by NUL bytes), otherwise Windows-1258 when that reads as text."""
    for bom, codec in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                       (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                       (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(codec), ""
            except UnicodeDecodeError:
                return "", f"not valid {codec.upper()} although it starts with its byte-order mark"
    if b"\x00" in data[:4096]:
        even, odd = data[0:4096:2].count(0), data[1:4096:2].count(0)
        codec = "utf-16-le" if odd > even else "utf-16-be"
        if max(even, odd) > len(data[:4096]) // 4:
            try:
                text = data.decode(codec)
                if _looks_like_text(text):
                    return text, ""
            except UnicodeDecodeError:
                pass
        return "", "binary data, not text (an image or a program?); convert it to UTF-8 text"
    try:
        return data.decode("utf-8"), ""
    except UnicodeDecodeError as error:
        utf8_error = error
    try:
        text = data.decode("cp1258")
    except UnicodeDecodeError:
        text = ""
    if text and _looks_like_text(text):
        return text, ""
    return "", (f"not UTF-8 (bad byte at {utf8_error.start}) nor Windows-1258 text; "
                f"save it as UTF-8")


def _looks_like_text(text: str) -> bool:
    if not text:
        return True
    sample = text[:20000]
    bad = sum(1 for ch in sample if (ord(ch) < 32 and ch not in "\t\n\r") or 0x80 <= ord(ch) < 0xA0)
    return bad / len(sample) < 0.01


def _jsonl(path: Path, text: str, key: str = "") -> Iterator[Document | Failure]:
    key = key or path.name
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            yield Failure(where, f"not JSON ({error.msg} at column {error.colno}); fix or remove the line")
            continue
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            yield Failure(where, 'no "text" field; each line must be an object with at least "text"')
            continue
        body = normalise(record["text"])
        if not body.strip():
            yield Failure(where, 'the "text" field is empty')
            continue
        fields = {k: normalise(str(record.get(k) or "")).strip() for k in ("title", "url", "date")}
        own = normalise(str(record.get("id") or record.get("url") or "")).strip()
        yield Document(id=own or f"{key}#{number}", text=body, source=where, title=fields["title"],
                       url=fields["url"], date=_iso_date(fields["date"]))


def _iso_date(value: str) -> str:
    match = re.match(r"(\d{4})-(\d{1,2})-(\d{1,2})", value)
    if match:
        return "%04d-%02d-%02d" % tuple(map(int, match.groups()))
    match = re.match(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})", value)
    if match:
        day, month, year = map(int, match.groups())
        return "%04d-%02d-%02d" % (year, month, day)
    return ""


_BLOCK = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table",
          "section", "article", "figure", "figcaption", "blockquote", "main", "header", "footer",
          "pre", "td", "th", "dd", "dt", "hr"}
_SKIP = {"script", "style", "noscript", "nav", "header", "footer", "aside", "form", "button",
         "select", "svg", "iframe", "template", "menu"}


class _HtmlText(HTMLParser):
    """Text of an HTML page; the <article> (or <main>) when the page has one."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: dict[str, list[str]] = {"body": [], "article": [], "main": []}
        self.skip = 0
        self.inside: list[str] = []
        self.title: list[str] = []
        self.h1: list[str] = []
        self.in_title = self.in_h1 = False

    def handle_starttag(self, tag, attrs):
        if tag in _SKIP and not (tag in ("header", "footer") and "article" in self.inside):
            self.skip += 1
        if tag in ("article", "main"):
            self.inside.append(tag)
        self.in_title |= tag == "title"
        self.in_h1 |= tag == "h1"
        if tag in _BLOCK:
            self._emit("\n")

    def handle_endtag(self, tag):
        if tag in _SKIP and self.skip and not (tag in ("header", "footer") and "article" in self.inside):
            self.skip -= 1
        if tag in ("article", "main") and tag in self.inside:
            self.inside.remove(tag)
        if tag == "title":
            self.in_title = False
        if tag == "h1":
            self.in_h1 = False
        if tag in _BLOCK:
            self._emit("\n")

    def handle_data(self, data):
        if self.in_title:
            self.title.append(data)
            return
        if self.skip:
            return
        if self.in_h1:
            self.h1.append(data)
        self._emit(data)

    def _emit(self, text: str) -> None:
        self.parts["body"].append(text)
        for where in set(self.inside):
            self.parts[where].append(text)


def html_text(html: str) -> tuple[str, str]:
    """(title, main text) of an HTML page, one line per block."""
    parser = _HtmlText()
    parser.feed(html)
    parser.close()
    for where in ("article", "main", "body"):
        text = "".join(parser.parts[where])
        if text.strip():
            break
    lines = [" ".join(line.split()) for line in text.split("\n")]
    body = "\n".join(line for line in lines if line)
    title = " ".join("".join(parser.h1).split()) or " ".join("".join(parser.title).split())
    return title, body
