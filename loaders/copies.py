"""Syndicated copies: the same story saved twice or republished by several outlets.

Two fingerprints of a document's text:
- `text_hash`, of its normalised words (case, punctuation and spacing ignored): documents with the
  same one are exact copies, stored as one Document with several sources;
- a MinHash signature over word shingles (datasketch), whose agreement estimates how much of two
  texts' five-word runs they share: a near-copy (another outlet's header and footer, a sentence
  changed) agrees on most of it. The signature is cut into `BANDS` bands, each written as one word
  (`story_bands`), so that a full-text index on Documents finds earlier documents sharing a band
  without comparing against every stored signature; those candidates are then compared on the
  whole signature (`similarity` >= `SAME_STORY`).
"""
from __future__ import annotations

import functools
import hashlib
import itertools
import re
import unicodedata
from dataclasses import dataclass

try:  # CPython's own SHA-1: the same digests as OpenSSL's, in half the time on inputs this short
    from _sha1 import sha1
except ImportError:  # another Python
    from hashlib import sha1

SHINGLE = 5  # words per shingle: long enough that unrelated articles share few
PERMUTATIONS = 128
# 21 bands of 6 rows (126 of the 128 values): a pair sharing 70% of its shingles has a band in
# common 93% of the time, one sharing 75% 99%, while pairs of merely similar articles (30%) are
# compared only 1.5% of the time.
BANDS = 21
ROWS = 6
SAME_STORY = 0.6  # estimated share of shingles (Jaccard) from which two documents are one story
SEED = 13  # fixed, so that signatures stored by one load compare with the next
SCHEME = "affine32"  # named, so that a datasketch with another default still makes comparable signatures
# Fewer words than this and a text gets no signature: a one- or two-sentence brief shares most of
# its few five-word runs with every other brief of its template, so its "near-copies" would be
# noise (and each would be compared with all the others). Exact copies are still found.
MIN_WORDS = 60
_SHA1_WORDS = 5  # a SHA-1 digest is five 32-bit words


@dataclass(frozen=True)
class Fingerprint:
    text_hash: str
    signature: tuple[int, ...]  # empty for a text with no words
    bands: str  # the signature's bands as words for the full-text index ("" when no signature)


def words(text: str) -> list[str]:
    return re.findall(r"\w+", unicodedata.normalize("NFC", text).casefold())


def text_hash(text: str, tokens: list[str] | None = None) -> str:
    """The hash of `text`'s normalised words: the same for exact copies."""
    tokens = words(text) if tokens is None else tokens
    return hashlib.blake2b(" ".join(tokens).encode("utf-8"), digest_size=16).hexdigest()


def fingerprint(text: str) -> Fingerprint:
    """Both fingerprints of `text` (see the module's docstring)."""
    from datasketch import MinHash

    tokens = words(text)
    hashed = text_hash(text, tokens)
    if len(tokens) < MIN_WORDS:
        return Fingerprint(hashed, (), "")
    # the shingles come hashed (`shingle_hashes`), so datasketch's hash function is the identity
    minhash = MinHash(num_perm=PERMUTATIONS, seed=SEED, scheme=SCHEME, permutations=_permutations(), hashfunc=int)
    minhash.update_batch(shingle_hashes(tokens))
    signature = tuple(minhash.hashvalues.tolist())
    return Fingerprint(hashed, signature, bands(signature))


def shingle_hashes(tokens: list[str]) -> list[int]:
    """The 32-bit hash datasketch gives each five-word shingle by default (`sha1_hash32`: the first
    four bytes of the SHA-1 of its UTF-8, little-endian), computed for all shingles at once: the
    words joined and encoded once and each shingle sliced from them, the digests read as one array.
    The same values at half the cost of hashing shingle by shingle; a shingle met twice is hashed
    twice, which changes no minimum."""
    import numpy

    encoded = [t.encode("utf-8") for t in tokens]
    joined = b" ".join(encoded)
    starts = [0, *itertools.accumulate(len(t) + 1 for t in encoded)]  # of each word, and past the end
    ends = starts[SHINGLE:] or starts[-1:]  # a text shorter than a shingle is one shingle
    digests = b"".join([sha1(joined[start:end - 1]).digest() for start, end in zip(starts, ends)])
    return numpy.frombuffer(digests, dtype="<u4")[::_SHA1_WORDS].tolist()


@functools.cache
def _permutations():
    from datasketch import MinHash
    return MinHash(num_perm=PERMUTATIONS, seed=SEED, scheme=SCHEME).permutations


def bands(signature: tuple[int, ...] | list[int]) -> str:
    """One word per band: its number and a hash of its rows (`b07x1f3a9c2e`)."""
    out = []
    for band in range(BANDS):
        rows = signature[band * ROWS:(band + 1) * ROWS]
        digest = hashlib.blake2b(",".join(map(str, rows)).encode(), digest_size=5).hexdigest()
        out.append(f"b{band:02d}x{digest}")
    return " ".join(out)


def similarity(a: tuple[int, ...] | list[int], b: tuple[int, ...] | list[int]) -> float:
    """The share of equal signature values: an estimate of the two texts' shingle Jaccard."""
    if not a or len(a) != len(b):
        return 0.0
    return sum(x == y for x, y in zip(a, b)) / len(a)
