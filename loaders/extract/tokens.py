"""Stage 1, tokens and sentences: a document's text split into sentences (skipping boilerplate
and bylines) and each sentence into tokens with offsets and folded forms."""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from graph.model import Document
from loaders.clean import segment
from loaders.normalize import UPPER, fold_tones



_TOKEN = re.compile(r"\w+(?:[-/.]\w+)*|[^\w\s]")
# A sentence ends at the spaces after its last mark (group 1); the mark is matched first rather than
# looked behind for, so that the regex engine can skip ahead to the marks.
_SENTENCE_END = re.compile(rf"[.!?…]([\"”’)]*\s+)(?=[\"“(]?[{UPPER}0-9])")
_ROMAN = re.compile(r"^[IVXLC]+$")
_DOCNUM = re.compile(r"\d+[a-zA-Z]?(?:\s*/\s*\d{4})?(?:\s*[-/]\s*[A-ZĐa-zđ][\wĐđ]*)+")
_NUMBERISH = re.compile(r"^(?:\d+[A-Za-z]?|[A-Z]+\d+[A-Za-z]*|[IVXLC]+)$")
_CODE = re.compile(r"^[A-ZĐ]{1,4}\.\d+(?:[./-]\d+)*$")  # a programme's code: "KX.01/16-20", "KC.09/21-25"
_UPPER_START = re.compile(rf"^[{UPPER}]")
_ABBREV_TOKEN = re.compile(r"^[A-ZĐ]{2,}[A-ZĐ0-9-]*$")
_DEFINABLE = re.compile(rf"^[{UPPER}][\w-]+$")  # a short name an article gives in parentheses
_NAME_HYPHEN = re.compile(r"(?<=[^\W\d_])-(?=[^\W\d_]{2})")
# A slash between a lower-case word and a capitalised one separates two names ("Cục Đối ngoại/Bộ Quốc
# phòng": the department and its ministry); in a code ("NQ/TW", "12/QĐ-BQP") it stays inside.
_NAME_SLASH = re.compile(rf"(?<=[^\W\d_A-Z{UPPER}])/(?=[{UPPER}])")
_HARD_STOP = set(".;:!?…()[]“”\"'")
_DASHES = frozenset("-–—")  # a hyphen, an en dash or an em dash joins two parts of one name
_VOWELS = "aăâeêioôơuưyáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ"
# A Vietnamese syllable: an initial consonant, one to three vowels, a final consonant.
_VIETNAMESE_SYLLABLE = re.compile(rf"^(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnpqrstvx])?[{_VOWELS}]{{1,3}}"
                                  rf"(?:ch|ng|nh|[cmnpt])?$")
# A foreign given name and an initial ("Samuel J.", "Aleksandr.V."): its dot ends no sentence.
_NAME_INITIAL = re.compile(r"(?:^|[\s(])([A-Z][a-z]+)[ .][A-Z]\.$")


@dataclass(slots=True)
class Tok:
    """A word or punctuation mark of a sentence, with its span and folded form."""

    text: str
    start: int
    end: int
    low: str
    cap: bool


_FORMS: dict[str, tuple[str, bool]] = {}  # token → its forms: news reuses few distinct words
_FORMS_KEPT = 131072  # the most kept; past it the store starts afresh


def _token_forms(text: str) -> tuple[str, bool]:
    """(folded lower case, starts with a capital) of a token, computed once per distinct token (a
    plain dict: read once per token of the corpus, it costs less than a `functools` cache)."""
    forms = _FORMS.get(text)
    if forms is None:
        if len(_FORMS) >= _FORMS_KEPT:
            _FORMS.clear()
        forms = _FORMS[text] = (fold_tones(text.lower()), bool(_UPPER_START.match(text)))
    return forms


def _tok(text: str, start: int, end: int) -> Tok:
    low, cap = _token_forms(text)
    return Tok(text, start, end, low, cap)


@dataclass
class Sentence:
    """A sentence's span in the text, whether it is a photo caption, and its tokens."""

    start: int
    end: int
    caption: bool
    toks: list[Tok]




def split_sentences(text: str, lines) -> list[tuple[int, int, bool]]:
    """(start, end, is_caption) of each sentence in the body, title and caption lines."""
    out = []
    for line in lines:
        if line.kind in ("boilerplate", "byline"):
            continue
        start = line.start
        for m in _SENTENCE_END.finditer(text, line.start, line.end):
            end = m.start(1)
            initial = _NAME_INITIAL.search(text, max(start, end - 40), end)
            if initial and not _VIETNAMESE_SYLLABLE.match(initial.group(1).lower()):
                continue
            out.append((start, end, line.kind == "caption"))
            start = m.end()
        out.append((start, line.end, line.kind == "caption"))
    kept = []
    for s, e, c in out:  # each sentence without the spaces at its ends; none left empty
        part = text[s:e]
        lead_stripped = part.lstrip()
        if lead_stripped:
            kept.append((e - len(lead_stripped), e - (len(part) - len(part.rstrip())), c))
    return kept


def tokens(text: str, start: int, end: int) -> list[Tok]:
    """The tokens of text[start:end], with offsets into the whole text. A hyphen between a lower-case
    syllable and a capitalised one joins two names ("Công nghiệp-Viễn thông", "Bà Rịa-Vũng Tàu") and
    is a token of its own; in a code ("QĐ-BQP", "Su-30") it stays inside. So is a slash between a
    lower-case word and a capitalised one ("Đối ngoại/Bộ Quốc phòng")."""
    out = []
    forms_of = _FORMS.get
    for m in _TOKEN.finditer(text, start, end):
        word, at = m[0], m.start()
        if "/" in word and _NAME_SLASH.search(word):
            cut = 0
            for h in _NAME_SLASH.finditer(word):
                out.extend(tokens(text, at + cut, at + h.start()))
                out.append(_tok("/", at + h.start(), at + h.end()))
                cut = h.end()
            out.extend(tokens(text, at + cut, m.end()))
            continue
        if "-" in word:
            cut = 0
            for h in _NAME_HYPHEN.finditer(word):
                if not (word[h.start() - 1].islower() and word[h.end()].isupper() and word[h.end() + 1].islower()):
                    continue
                out.append(_tok(word[cut:h.start()], at + cut, at + h.start()))
                out.append(_tok("-", at + h.start(), at + h.end()))
                cut = h.end()
            word, at = word[cut:], at + cut
        # the forms looked up here first: this runs once per token of the corpus
        low, cap = forms_of(word) or _token_forms(word)
        out.append(Tok(word, at, at + len(word), low, cap))
    return out


def read_sentences(doc: Document) -> tuple[Document, list[Sentence], tuple[int, int]]:
    """The document with the metadata its text gives (title, date, outlet, authors) filled in, its
    sentences with their tokens, and the span of the outlet's name in the text."""
    lines, meta = segment(doc.text)
    doc = replace(doc, title=doc.title or meta.title, date=doc.date or meta.date,
                  outlet=doc.outlet or meta.outlet, authors=doc.authors or meta.authors)
    sentences = [Sentence(s, e, cap, tokens(doc.text, s, e)) for s, e, cap in split_sentences(doc.text, lines)]
    return doc, sentences, meta.outlet_span
