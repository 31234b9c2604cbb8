"""Syndicated copies: exact copies are one Document with several sources, near-copies are linked
SAME_STORY (within a load and across loads), and every document_count counts a story once.
Articles written for these tests (tests/data/copies); the real Neo4j of the test session."""
from __future__ import annotations

from pathlib import Path

import pytest

from kg.pipeline import load
from loaders.copies import (PERMUTATIONS, SAME_STORY, SCHEME, SEED, SHINGLE, fingerprint, shingle_hashes, similarity,
                            words)
from tests.stories import NAMES, check_stories, documents, exact_copy, links, rows, story_text

DATA = Path(__file__).parent / "data" / "copies"
ARTICLES = Path(__file__).parent / "data" / "articles"
ORIGINAL = (DATA / "tong-ket.txt").read_text("utf-8")
OTHER = (DATA / "le-ky-ket.txt").read_text("utf-8")
HEADER = ("Báo Quân khu điện tử | Trang chủ | Thời sự | Quốc phòng - An ninh | Kinh tế | Văn hóa\n"
          "Thứ Năm, 16/01/2025 08:15 (GMT+7)\n")
FOOTER = ("\nTheo Báo Quân khu điện tử\nTổng biên tập: Đại tá Lê Văn Tâm. Địa chỉ: 25 phố Lý Nam Đế, "
          "Hoàn Kiếm, Hà Nội. Điện thoại: 024 3747 1234. Ghi rõ nguồn khi phát hành lại thông tin.\n")
CHANGED = ORIGINAL.replace(
    "Nhiều sản phẩm mới được nghiên cứu, chế tạo thành công và đưa vào trang bị cho bộ đội.",
    "Hàng chục sản phẩm mới đã được nghiên cứu, chế tạo và bàn giao cho các đơn vị trong năm.")
NEAR_COPY = HEADER + CHANGED + FOOTER
EXACT_COPY = exact_copy(ORIGINAL)


# --- fingerprints (no database) -----------------------------------------------------------------

@pytest.mark.parametrize("a, b, same_text, same_story", [
    (ORIGINAL, EXACT_COPY, True, True),
    (ORIGINAL, NEAR_COPY, False, True),
    (ORIGINAL, CHANGED, False, True),
    (ORIGINAL, OTHER, False, False),
    (ORIGINAL, HEADER + FOOTER, False, False),
    ("", "", True, False),
])
def test_fingerprints_tell_copies_near_copies_and_other_stories(a, b, same_text, same_story):
    fa, fb = fingerprint(a), fingerprint(b)
    assert (fa.text_hash == fb.text_hash) is same_text
    assert (similarity(fa.signature, fb.signature) >= SAME_STORY) is same_story


@pytest.mark.parametrize("text", [ORIGINAL, OTHER, NEAR_COPY, "Hà Nội " * 3, "Bộ Quốc phòng"])
def test_shingles_are_hashed_as_datasketch_hashes_them(text):
    from datasketch.hashfunc import sha1_hash32

    tokens = words(text)
    shingles = [" ".join(tokens[i:i + SHINGLE]) for i in range(max(1, len(tokens) - SHINGLE + 1))]
    assert shingle_hashes(tokens) == [sha1_hash32(s.encode("utf-8")) for s in shingles]


def test_signatures_are_datasketchs_own():
    from datasketch import MinHash

    for text in [ORIGINAL, OTHER, NEAR_COPY, *(p.read_text("utf-8") for p in sorted(ARTICLES.glob("*.txt")))]:
        tokens = words(text)
        reference = MinHash(num_perm=PERMUTATIONS, seed=SEED, scheme=SCHEME)  # hashes bytes with sha1_hash32
        reference.update_batch([" ".join(tokens[i:i + SHINGLE]).encode("utf-8")
                                for i in range(len(tokens) - SHINGLE + 1)])
        assert fingerprint(text).signature == tuple(int(v) for v in reference.hashvalues), text[:40]


def test_near_copies_share_a_band_and_other_stories_do_not():
    bands = set(fingerprint(ORIGINAL).bands.split())
    assert bands & set(fingerprint(NEAR_COPY).bands.split())
    assert not bands & set(fingerprint(OTHER).bands.split())


# --- in the graph -------------------------------------------------------------------------------

def entity_count(store, name: str) -> int:
    found = rows(store, "MATCH (e:Person|Agency {name: $name}) RETURN e.document_count AS n", name=name)
    assert len(found) == 1, (name, found)
    return found[0]["n"]


def relation_count(store, rel_type: str, source: str) -> int:
    found = rows(store, "MATCH (s {name: $source})-[r]->() WHERE type(r) = $type RETURN r.document_count AS n",
                 source=source, type=rel_type)
    assert len(found) == 1, (rel_type, source, found)
    return found[0]["n"]


def write(folder: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, "utf-8")
    return folder


def test_one_load_merges_exact_copies_links_near_copies_and_counts_a_story_once(store, tmp_path):
    corpus = write(tmp_path / "corpus", {"a/2025/01/tong-ket.txt": ORIGINAL,
                                         "b/2025/01/tong-ket.txt": EXACT_COPY,
                                         "c/tong-ket-ban-lai.txt": NEAR_COPY,
                                         "d/le-ky-ket.txt": OTHER})
    report = load([str(corpus)], store)
    assert (report.loaded, report.copies, report.failed) == (3, 1, 0)
    docs = documents(store)
    assert sorted(docs) == ["a/2025/01/tong-ket.txt", "c/tong-ket-ban-lai.txt", "d/le-ky-ket.txt"]
    assert docs["a/2025/01/tong-ket.txt"]["sources"] == [
        str(corpus / "a/2025/01/tong-ket.txt"), str(corpus / "b/2025/01/tong-ket.txt")]
    assert docs["a/2025/01/tong-ket.txt"]["copies"] == ["b/2025/01/tong-ket.txt"]
    assert links(store) == {("c/tong-ket-ban-lai.txt", "a/2025/01/tong-ket.txt")}
    # Phan Văn Giang is in the story (twice) only; Hoàng Xuân Chiến in the story and the other article.
    assert entity_count(store, "Phan Văn Giang") == 1
    assert entity_count(store, "Hoàng Xuân Chiến") == 2
    assert relation_count(store, "CHAIRED", "Phan Văn Giang") == 1
    assert relation_count(store, "HOLDS_POSITION", "Hoàng Xuân Chiến") == 2

    again = load([str(corpus)], store)  # nothing changes: the copy is found again, sources stay
    assert (again.loaded, again.skipped, again.copies) == (0, 3, 1)
    assert documents(store) == docs
    assert entity_count(store, "Phan Văn Giang") == 1


def test_a_later_load_finds_earlier_copies_and_forgetting_keeps_the_story(store, tmp_path):
    first = write(tmp_path / "first", {"tong-ket.txt": ORIGINAL, "le-ky-ket.txt": OTHER})
    later = write(tmp_path / "later", {"ban-sao.txt": EXACT_COPY, "ban-lai.txt": NEAR_COPY})
    load([str(first)], store)
    report = load([str(later)], store)
    assert (report.loaded, report.copies) == (1, 1)
    assert documents(store)["tong-ket.txt"]["copies"] == ["ban-sao.txt"]
    assert links(store) == {("ban-lai.txt", "tong-ket.txt")}  # from the later (its header: 16/01)
    assert entity_count(store, "Phan Văn Giang") == 1
    assert relation_count(store, "CHAIRED", "Phan Văn Giang") == 1
    assert relation_count(store, "HOLDS_POSITION", "Hoàng Xuân Chiến") == 2

    found, _ = store.forget(["tong-ket.txt"])  # the near-copy still tells the story
    assert found == ["tong-ket.txt"]
    assert links(store) == set()
    assert entity_count(store, "Phan Văn Giang") == 1
    assert relation_count(store, "CHAIRED", "Phan Văn Giang") == 1
    assert relation_count(store, "HOLDS_POSITION", "Hoàng Xuân Chiến") == 2
    store.forget(["ban-lai.txt"])
    assert not rows(store, "MATCH (e:Person {name: 'Phan Văn Giang'}) RETURN e")
    assert relation_count(store, "HOLDS_POSITION", "Hoàng Xuân Chiến") == 1


def test_near_copies_a_year_apart_are_two_stories(store, tmp_path):
    later = (HEADER + ORIGINAL).replace("16/01/2025", "16/01/2026").replace("15/1/2025", "15/1/2026")
    corpus = write(tmp_path / "corpus", {"2025.txt": HEADER + ORIGINAL, "2026.txt": later})
    report = load([str(corpus)], store)
    assert (report.loaded, report.copies) == (2, 0)
    assert links(store) == set()
    assert entity_count(store, "Phan Văn Giang") == 2


def test_cli_summary_says_how_many_copies_were_merged(store, tmp_path, env_for_cli):
    import subprocess
    import sys
    corpus = write(tmp_path / "corpus", {"a.txt": ORIGINAL, "b.txt": EXACT_COPY})
    done = subprocess.run([sys.executable, "-m", "kg", "load", str(corpus)], env=env_for_cli,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert "1 exact copy merged into the document it repeats" in done.stderr


# --- stories: groups of near-copies, however they were loaded -------------------------------------

def test_a_bridging_near_copy_joins_two_stories_and_forgetting_it_splits_them(store, tmp_path):
    a, b, c = story_text(0, 10), story_text(2, 12), story_text(4, 14)  # a ~ b ~ c, a !~ c
    assert similarity(fingerprint(a).signature, fingerprint(b).signature) >= SAME_STORY
    assert similarity(fingerprint(b).signature, fingerprint(c).signature) >= SAME_STORY
    assert similarity(fingerprint(a).signature, fingerprint(c).signature) < SAME_STORY
    load([str(write(tmp_path / "ac", {"a.txt": a, "c.txt": c}))], store)
    assert check_stories(store) == {"a.txt": "a.txt", "c.txt": "c.txt"}
    assert entity_count(store, NAMES[5]) == 2  # in a and c: two stories

    load([str(write(tmp_path / "b", {"b.txt": b}))], store)
    assert check_stories(store) == {"a.txt": "a.txt", "b.txt": "a.txt", "c.txt": "a.txt"}
    assert entity_count(store, NAMES[5]) == 1
    assert relation_count(store, "HOLDS_POSITION", NAMES[5]) == 1

    store.forget(["b.txt"])
    assert check_stories(store) == {"a.txt": "a.txt", "c.txt": "c.txt"}
    assert entity_count(store, NAMES[5]) == 2

    load([str(write(tmp_path / "b", {"b.txt": b}))], store)
    write(tmp_path / "b", {"b.txt": story_text(0, 3) + "Tin khác hẳn.\n"})  # b changes: not a near-copy
    load([str(tmp_path / "b")], store)
    assert check_stories(store) == {"a.txt": "a.txt", "b.txt": "b.txt", "c.txt": "c.txt"}


def test_many_near_copies_of_one_story_in_small_batches(store, tmp_path):
    base = story_text(0, 12)
    corpus = write(tmp_path / "many", {f"{n:02d}.txt": f"Bản tin số {n}.\n" + base for n in range(40)})
    report = load([str(corpus)], store, batch_size=3)
    assert report.loaded == 40
    stories = check_stories(store)
    assert set(stories.values()) == {"00.txt"}
    assert entity_count(store, NAMES[0]) == 1
    store.forget(["00.txt", "17.txt"])
    assert set(check_stories(store).values()) == {"01.txt"}
