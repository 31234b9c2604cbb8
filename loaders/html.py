"""HTML pages: main text and metadata from trafilatura, a well-kept main-text extractor (it tells an
article from menus, related-news teasers, footers, ads and comments far better than tag rules do).

The lead (`og:description`) is put back when the extractor dropped it; photo captions are marked the
way `loaders.clean` expects (a `leftcenterrightdel` line before the caption). What the extractor keeps
of a page's teasers is dropped: a block that is all link text (a headline pointing to another article:
related news, most-read lists, topic links) and the alt text of an image that links to another page
(a teaser's thumbnail, not a photo of this article). When trafilatura finds
nothing, the hand-written reader of `loaders.read` is the fallback and the document says so.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from html import unescape

CAPTION_MARK = "leftcenterrightdel"  # loaders/lexicon/boilerplate.tsv: the next line is a caption


@dataclass(frozen=True)
class Page:
    text: str
    title: str = ""
    date: str = ""
    authors: tuple[str, ...] = ()
    outlet: str = ""
    url: str = ""
    fallback: bool = False  # read by the hand-written reader: trafilatura found no main text


_OG_DESCRIPTION = re.compile(
    r"<meta\s[^>]*(?:property|name)\s*=\s*[\"'](?:og:description|description)[\"'][^>]*>", re.I)
_CONTENT = re.compile(r"content\s*=\s*(\"[^\"]*\"|'[^']*')", re.I)


def _lead(html: str) -> str:
    for tag in _OG_DESCRIPTION.findall(html):
        if m := _CONTENT.search(tag):
            return " ".join(unescape(m.group(1)[1:-1]).split())
    return ""


_IMAGE_FILE = re.compile(r"\.(?:jpe?g|png|gif|webp|avif)(?:[?#]|$)", re.I)
LINKED = 0.9  # a block whose text is at least this share link text is a teaser, not article text


def _teaser_images(html: str) -> set[str]:
    """Alt and title texts of images inside links to other pages (a link to the image file itself,
    as photo viewers make, does not count)."""
    from lxml import etree
    from lxml import html as lxml_html

    try:
        root = lxml_html.fromstring(html)
    except (ValueError, etree.ParserError):
        return set()
    texts = set()
    for img in root.iter("img"):
        link = next((a for a in img.iterancestors("a") if a.get("href")), None)
        if link is not None and not _IMAGE_FILE.search(link.get("href")):
            texts |= {" ".join(t.split()) for t in (img.get("alt"), img.get("title")) if t and t.strip()}
    return texts


def _link_share(element) -> float:
    text = "".join(element.itertext())
    linked = sum(len("".join(ref.itertext())) for ref in element.iter("ref"))
    return linked / len(text) if text.strip() else 0.0


def _words(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def read_html(html: str) -> Page | None:
    """Main text (one line per block) and metadata of an HTML page; None when the library finds
    no main text (the caller then reads the page with its fallback reader)."""
    import trafilatura
    from lxml import etree

    tree = trafilatura.bare_extraction(html, output_format="python", include_comments=False,
                                       include_tables=True, include_images=True, include_links=True,
                                       with_metadata=True,
                                       favor_precision=False, deduplicate=False, as_dict=False)
    body = getattr(tree, "body", None) if tree is not None else None
    if body is None or not "".join(body.itertext()).strip():
        return None
    teasers = _teaser_images(html)
    lines: list[str] = []
    links: list[str] = []  # all-link blocks, kept only when nothing else is left
    for element in body.iter():
        if element.tag in ("p", "head", "item", "quote", "cell", "list", "table", "row"):
            if element.tag in ("list", "table", "row"):
                continue
            text = " ".join("".join(element.itertext()).split())
            if text:
                (lines if _link_share(element) < LINKED else links).append(text)
        elif element.tag == "graphic":
            caption = " ".join((element.get("title") or element.get("alt") or "").split())
            if caption and caption not in teasers:
                lines += [CAPTION_MARK, caption]
    if not any(line != CAPTION_MARK for line in lines):
        lines = links
    lead = _lead(html)
    if lead and _words(lead) not in _words(" ".join(lines)):
        lines.insert(0, lead)
    authors = tuple(a.strip() for a in re.split(r"[;,]", tree.author or "") if a.strip())
    return Page(text="\n".join(lines), title=(tree.title or "").strip(), date=tree.date or "",
                authors=authors, outlet=(tree.sitename or "").strip(), url=tree.url or "")
