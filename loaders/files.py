"""PDF (text layer, read by pdfminer.six: it keeps Vietnamese syllables whole where pypdf splits them
at their diacritics) and Word .docx files (python-docx)."""
from __future__ import annotations

import io
import re
from collections import Counter

NO_TEXT_LAYER = "no text layer (a scan?) — OCR it first"


def pdf_text(data: bytes) -> str:
    """The text of a PDF's text layer: running headers/footers (lines repeated on most pages) and page
    numbers dropped, words hyphenated across lines joined, lines of a paragraph joined."""
    from pdfminer.high_level import extract_text
    from pdfminer.layout import LAParams

    raw = extract_text(io.BytesIO(data), laparams=LAParams())
    pages = [p for p in raw.split("\f")]
    if not "".join(pages).strip():
        raise ValueError(NO_TEXT_LAYER)
    def key(line: str) -> str:
        return re.sub(r"\d+", "#", " ".join(line.split()))
    def edges(page: str) -> set[str]:  # running headers and footers: the first and last lines of a page
        lines = [l for l in page.splitlines() if l.strip()]
        return {key(l) for l in lines[:2] + lines[-2:] if not l.rstrip().endswith((".", "!", "?", ":"))}
    counts = Counter(k for page in pages if page.strip() for k in edges(page))
    pages_with_text = sum(1 for p in pages if p.strip())
    repeated = {k for k, n in counts.items() if pages_with_text >= 2 and n >= max(2, pages_with_text * 0.6)}
    paragraphs: list[str] = []
    current = ""
    for page in pages:
        for line in page.splitlines():
            line = " ".join(line.split())
            if not line:
                if current:
                    paragraphs.append(current)
                    current = ""
                continue
            if (key(line) in repeated and key(line) in edges(page)) or re.fullmatch(r"(?:Trang\s*)?\d+(?:\s*/\s*\d+)?", line):
                continue
            if current.endswith("-") and current[-2:-1].isalpha() and line[:1].islower():
                current = current[:-1] + line
            elif current:
                current += " " + line
            else:
                current = line
    if current:
        paragraphs.append(current)
    return _join_pages("\n".join(paragraphs))


def _join_pages(text: str) -> str:
    # a paragraph cut by a page break: the first part ends without punctuation, the next begins lower case
    return re.sub(r"(?<=[^\W\d_.!?:;…\"”)])\n(?=[a-zđàáảãạăâèéẻẽẹêìíỉĩịòóỏõọôơùúủũụưỳýỷỹỵ])", " ", text)


def docx_text(data: bytes) -> tuple[str, str]:
    """(title, text) of a .docx: paragraphs and table cells in order; the core title when set."""
    import docx

    document = docx.Document(io.BytesIO(data))
    lines: list[str] = []
    body = document.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            text = "".join(t.text or "" for t in child.iter() if t.tag.endswith("}t"))
            if text.strip():
                lines.append(" ".join(text.split()))
        elif tag == "tbl":
            for cell in child.iter():
                if cell.tag.endswith("}tc"):
                    text = "".join(t.text or "" for t in cell.iter() if t.tag.endswith("}t"))
                    if text.strip():
                        lines.append(" ".join(text.split()))
    return (document.core_properties.title or "").strip(), "\n".join(lines)
