"""The lexicon files as token tries and tables, shared by the stages."""
from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache

from loaders import lexicon
from loaders.normalize import clean_name, fold, fold_tones
from loaders.extract.tokens import Sentence, Tok, _TOKEN


# A lexicon matched together with another: the known full agency names with the head words, the
# other spellings of the places.
_MERGED = {"agencies.tsv": lexicon.words("agency_names.txt"),
           "places.tsv": tuple(spelling for row in lexicon.table("places.tsv") if len(row) > 4
                               for spelling in row[4].split("|") if spelling)}


@lru_cache(maxsize=None)
def _phrases(name: str) -> dict[str, list[tuple[tuple[str, ...], str]]]:
    """First word (folded) → [(all words folded, phrase as written)], longest first."""
    index: dict[str, list] = defaultdict(list)
    for phrase in lexicon.words(name) + _MERGED.get(name, ()):
        words = tuple(fold_tones(w.lower()) for w in _TOKEN.findall(phrase))
        index[words[0]].append((words, phrase))
    for entries in index.values():
        entries.sort(key=lambda e: len(e[0]), reverse=True)
    return dict(index)


def _trie(name: str) -> dict[str, list]:
    """The phrases of lexicon `name` as a tree of folded words: word → [the phrase that ends with it
    or None, the words that may follow]. Of phrases spelt alike, the first one listed."""
    root: dict[str, list] = {}
    for phrase in lexicon.words(name) + _MERGED.get(name, ()):
        words = [fold_tones(w.lower()) for w in _TOKEN.findall(phrase)]
        following = root
        for word in words[:-1]:
            following = following.setdefault(word, [None, {}])[1]
        last = following.setdefault(words[-1], [None, {}])
        if last[0] is None:
            last[0] = phrase
    return root


_TRIES: dict[str, dict[str, list]] = {}  # `_trie` of each lexicon, built at its first lookup


def match(name: str, toks: list[Tok], i: int, need_cap: bool = True) -> tuple[int, str] | None:
    """The longest phrase of lexicon `name` starting at token i: (end index, phrase)."""
    # Called at nearly every token for many lexicons: a plain loop down the tree of the phrases'
    # words, which reads each token once however many phrases begin with the same word ("Bộ", "Ban").
    if i >= len(toks) or (need_cap and not toks[i].cap):
        return None
    trie = _TRIES.get(name)
    if trie is None:
        trie = _TRIES[name] = _trie(name)
    node = trie.get(toks[i].low)
    if node is None:
        return None  # most tokens begin no phrase
    found = None
    k = i
    while node is not None:
        k += 1
        if node[0] is not None:
            found = (k, node[0])
        node = node[1].get(toks[k].low) if k < len(toks) else None
    return found


@lru_cache(maxsize=None)
def first_words(*names: str) -> frozenset[str]:
    """The (folded) words any phrase of the lexicons `names` begins with: where `match` can hit."""
    return frozenset(word for name in names for word in _phrases(name))


@lru_cache(maxsize=None)
def _agency_kinds() -> dict[str, set[str]]:
    kinds: dict[str, set[str]] = {}
    for row in lexicon.table("agencies.tsv"):
        kinds[row[0]] = set(row[1].split()) if len(row) > 1 else {"head"}
    for name in lexicon.words("agency_names.txt"):
        kinds.setdefault(name, {"whole"})
    return kinds


@lru_cache(maxsize=None)
def _abbreviations() -> tuple[dict[str, tuple[str, str]], dict[str, str]]:
    whole, prefixes = {}, {}
    for row in lexicon.table("abbreviations.tsv"):
        if len(row) < 3:
            continue
        if row[2] == "prefix":
            prefixes[row[0]] = row[1]
        else:
            whole[row[0]] = (row[1], row[2])
    return whole, prefixes


@lru_cache(maxsize=None)
def _set(name: str) -> frozenset[str]:
    return frozenset(fold_tones(w.lower()) for w in lexicon.words(name))


@lru_cache(maxsize=None)
def _cues() -> dict[str, str]:
    return {row[0]: row[1] for row in lexicon.table("cues.tsv")}


@lru_cache(maxsize=None)
def _titled_heads() -> dict[str, tuple[str, str]]:
    """Title → (head word of its agency, the word the agency's name must begin with or "")."""
    return {row[0]: (row[1], row[2] if len(row) > 2 else "") for row in lexicon.table("titled_heads.tsv")}


@lru_cache(maxsize=None)
def _issuers() -> dict[str, str]:
    return {row[0].upper(): row[1] for row in lexicon.table("issuers.tsv")}


@lru_cache(maxsize=None)
def _program_modes() -> dict[str, str]:
    return {row[0]: (row[1] if len(row) > 1 else "named") for row in lexicon.table("programs.txt")}


@lru_cache(maxsize=None)
def _places() -> dict[str, tuple[str, str, bool]]:
    """Each listed place's spelling (folded) → (its name, its place word, whether bodies write the
    word with the name: "Thành ủy Thành phố Hồ Chí Minh")."""
    out = {}
    for row in lexicon.table("places.tsv"):
        row = row + ("",) * (6 - len(row))
        for spelling in [row[0]] + [w for w in row[4].split("|") if w]:
            out[fold(spelling)] = (row[0], row[1], row[5] == "keeps word")
    return out


def place_at(toks: list[Tok], k: int) -> tuple[int, str] | None:
    """(end, name) of a listed place written at token k ("Hà Giang", "HCM" for "Hồ Chí Minh")."""
    hit = match("places.tsv", toks, k)
    if not hit:
        return None
    return hit[0], _places()[fold(hit[1])][0]


def reads_as_person(words: list[str]) -> bool:
    """Words that read like a person's name rather than a place's: a family name first and three
    syllables or more, and no listed place ("Đỗ Minh Tuấn", not "Hà Giang" nor "Trần Văn Thời")."""
    if len(words) < 3 or fold(words[0]) not in _set("surnames.txt"):
        return False
    return not any(fold(" ".join(words[:n])) in _places() for n in range(1, len(words) + 1))


def _is_word(a: Tok, b: Tok) -> bool:
    """The two syllables make one word of the dictionary ("quốc phòng")."""
    return b.low in _two_syllable_words().get(a.low, ())


@lru_cache(maxsize=None)
def _two_syllable_words() -> dict[str, frozenset[str]]:
    """The dictionary's two-syllable words, tone placement folded like the tokens: first syllable →
    the second syllables that make a word with it (asked without joining the two, at every word)."""
    pairs: dict[str, set[str]] = defaultdict(set)
    for word in lexicon.dictionary():
        syllables = fold_tones(word).split(" ")
        if len(syllables) == 2:
            pairs[syllables[0]].add(syllables[1])
    return {first: frozenset(seconds) for first, seconds in pairs.items()}


# An abbreviated head word and its number ("QK7", "BTL3"), read at nearly every capitalised token:
# compiled once rather than looked up in the re module's cache each time.
_PREFIX_NUMBER = re.compile(r"([A-ZĐ]+)(\d+)")


@lru_cache(maxsize=65536)  # agency names repeat across articles
def _expand(text: str) -> str:
    """Abbreviations inside a name written out: `Tổng cục CNQP` → `Tổng cục Công nghiệp quốc phòng`."""
    whole, prefixes = _abbreviations()
    out = []
    for word in text.split(" "):
        if word in whole:
            out.append(whole[word][0])
            continue
        m = _PREFIX_NUMBER.fullmatch(word)
        if m and m.group(1) in prefixes:
            out.append(f"{prefixes[m.group(1)]} {m.group(2)}")
            continue
        out.append(word)
    return " ".join(out)


def _surface(sent: Sentence, text: str, i: int, j: int) -> str:
    return clean_name(text[sent.toks[i].start:sent.toks[j - 1].end])
