"""Saved news pages: what the HTML reader keeps, measured against each page's own article.

    .venv/bin/python bench/pages.py FOLDER [--repeat 5]

FOLDER holds whole saved pages and, for each, the article as a person cut it from the page:
- `NAME.html` — the page as saved by a browser or a scraper (menus, teasers, footers, ads and all);
- `NAME.article.txt` — the article's own text, copied by hand from the page as a reader sees it:
  headline, lead, body paragraphs and photo captions, nothing else;
- `dates.tsv` — `NAME.html<TAB>yyyy-mm-dd`, the publication date printed on the page.

For both readers — the hand-written one (`loaders.read.html_text`, now the fallback) and the
current one (trafilatura, `loaders.html`) — in the same run:
- outside: the share of entities extracted from the page whose name (and every alias) occurs
  nowhere in the article text (goal: at most 5%);
- kept: the share of the entities extracted from the article text that are also extracted from
  the page, compared by entity key (goal: at least 90%);
- dated: the share of pages whose publication date is read right (goal: at least 90%; the old
  reader reads no date, so a date there is the extractor's own from the text, as `kg` did);
- pages per second of reading alone (best of `--repeat` passes over every page); with
  `--speed-only` only this, on any folder of saved pages (no article texts or dates needed).

The pages are not part of this repository (they are other people's articles); bench/README.md
says which kinds were used.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from graph.model import Document  # noqa: E402
from loaders.extract import extract  # noqa: E402
from loaders.normalize import fold_tones  # noqa: E402
from loaders.read import _html, decode, html_text, normalise  # noqa: E402


def old_reader(path: Path, html: str) -> Document:
    title, text = html_text(html)
    return Document(id=path.name, text=normalise(text), source=str(path), title=normalise(title))


def new_reader(path: Path, html: str) -> Document:
    doc = _html(path, path.name, html)
    if not isinstance(doc, Document):
        return Document(id=path.name, text="", source=str(path))
    return doc


def fold(text: str) -> str:
    """Compared as the extractor compares names: case and tone placement (`Uỷ ban`, `Ủy ban`) aside."""
    return " ".join(fold_tones(normalise(text)).casefold().split())


def entities(doc: Document) -> dict[tuple[str, str], set[str]]:
    if not doc.text.strip():
        return {}
    return {(e.label, e.key): {e.name, *e.aliases} for e in extract(doc).entities}


def date_of(doc: Document) -> str:
    if doc.date:
        return doc.date
    dates = [e.date for e in extract(doc).entities if e.date] if doc.text.strip() else []
    return min(dates) if dates else ""


def measure(pages: list[tuple[Path, str, str, str]], reader) -> dict:
    outside = found = kept = own = dated = 0
    rows = []
    for path, html, article, date in pages:
        doc = reader(path, html)
        page_entities = entities(doc)
        # Dated like the page, since some entity keys (meetings) carry the date.
        article_doc = Document(id=path.name, text=normalise(article), source=str(path), date=date)
        article_entities = entities(article_doc)
        folded = fold(article)
        strangers = [k for k, names in page_entities.items()
                     if not any(fold(n) in folded for n in names)]
        lost = [k for k in article_entities if k not in page_entities]
        right = date_of(doc) == date
        outside += len(strangers)
        found += len(page_entities)
        kept += len(article_entities) - len(lost)
        own += len(article_entities)
        dated += right
        rows.append((path.name, len(page_entities), len(strangers), len(article_entities), len(lost), right))
    return {"outside": outside / found if found else 0.0, "kept": kept / own if own else 1.0,
            "dated": dated / len(pages), "rows": rows, "found": found, "own": own}


def speed(pages, reader, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        for path, html, _, _ in pages:
            reader(path, html)
        best = min(best, time.perf_counter() - started)
    return len(pages) / best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--speed-only", action="store_true",
                        help="only reading speed: the pages need no article text nor date")
    args = parser.parse_args()
    dates = {}
    table = args.folder / "dates.tsv"
    if table.exists():
        for line in table.read_text("utf-8").splitlines():
            if line.strip():
                name, date = line.split("\t")
                dates[name.strip()] = date.strip()
    pages = []
    for path in sorted(args.folder.glob("*.htm*")):
        article = path.with_name(path.stem + ".article.txt")
        if not args.speed_only:
            if not article.exists():
                sys.exit(f"{article}: missing — cut the article's own text from {path.name} into it "
                         f"(or measure speed only: --speed-only)")
            if path.name not in dates:
                sys.exit(f"{table}: no date for {path.name} — add `{path.name}<TAB>yyyy-mm-dd`")
        html, problem = decode(path.read_bytes())
        if problem:
            sys.exit(f"{path}: {problem}")
        pages.append((path, html, "" if args.speed_only else article.read_text("utf-8"),
                      dates.get(path.name, "")))
    if not pages:
        sys.exit(f"{args.folder}: no .html pages")
    size = sum(len(html) for _, html, _, _ in pages)
    print(f"{len(pages)} pages in {args.folder} ({size / 1e6:.1f} M characters)")
    results = {}
    for name, reader in (("hand-written reader (before)", old_reader), ("trafilatura (after)", new_reader)):
        result = {} if args.speed_only else measure(pages, reader)
        result["speed"] = speed(pages, reader, args.repeat)
        results[name] = result
        print(f"\n{name}")
        if not args.speed_only:
            print(f"  {'page':40} {'found':>5} {'outside':>7} {'own':>4} {'lost':>4} date")
            for page, n, out, own, lost, right in result["rows"]:
                print(f"  {page[:40]:40} {n:5} {out:7} {own:4} {lost:4} {'right' if right else 'WRONG'}")
            print(f"  outside the article: {result['outside']:.1%} of {result['found']} entities (goal ≤ 5%)")
            print(f"  article's own kept:  {result['kept']:.1%} of {result['own']} (goal ≥ 90%)")
            print(f"  date right:          {result['dated']:.0%} of {len(pages)} pages (goal ≥ 90%)")
        print(f"  reading speed:       {result['speed']:.1f} pages/s")
    before, after = results.values()
    print(f"\nspeed after / before: {after['speed'] / before['speed']:.2f}×")


if __name__ == "__main__":
    main()
