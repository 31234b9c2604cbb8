"""`kg load --bulk` against the real Neo4j: a bulk first load into a managed server gives the
graph a transactional load gives (every property, aggregate, Evidence node, hash, exact copy,
SAME_STORY link, story and the schema), later loads skip unchanged documents and replace a changed
one's facts, a non-empty database is refused, and for another server the import files and the
command are written. The near-copies of a whole corpus are also found without Neo4j."""
from __future__ import annotations

import os
import random
import subprocess
import sys
from pathlib import Path

import pytest

from graph import bulk as bulk_module
from graph import server
from graph.bulk import NearCopies, entity_properties
from graph.errors import NotEmptyError
from graph.settings import Settings
from graph.store import Store, graph_rows, story_link
from kg.pipeline import bulk_load, load
from loaders.copies import BANDS, PERMUTATIONS, ROWS, SAME_STORY, Fingerprint, bands, fingerprint, similarity
from tests.conftest import ROOT
from tests.graphs import dump, hand_extraction
from tests.stories import check_stories, documents, exact_copy, links, story_text

sys.path.insert(0, str(ROOT / "bench"))
from corpus import generate  # noqa: E402

DOCUMENTS = 80  # generated articles, in 0000/
BATCH = 30  # documents per window: copies and near-copies of documents of earlier windows too
# Added to them: a story bridged by a document read last (a ~ b ~ c, a !~ c), two near-copies
# (another outlet's header and footer) and three exact copies, one of them read before the
# generated article it repeats, which is therefore the copy.
COPIES = 3
LOADED = DOCUMENTS + 6 - 1  # a, b, c, z-ban-sao.txt and two near-copies; 0000/0000040.txt is a copy
OUTLET = "Báo Quân đội nhân dân điện tử | Quốc phòng - An ninh\n"


def near_copy(text: str) -> str:
    """Another outlet's header, and its footer instead of the byline."""
    return OUTLET + text.rstrip("\n").rsplit("\n", 1)[0] + "\nTheo Báo Quân đội nhân dân\n"


def kg(*args, settings: Settings, home: Path | None = None, timeout=600):
    env = dict(os.environ, NEO4J_URI=settings.uri, NEO4J_USER=settings.user,
               NEO4J_PASSWORD=settings.password, NEO4J_DATABASE=settings.database)
    env.pop("KG_HOME", None)
    if home is not None:
        env["KG_HOME"] = str(home)
    return subprocess.run([sys.executable, "-m", "kg", *map(str, args)], capture_output=True,
                          text=True, env=env, timeout=timeout, cwd=ROOT)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """The generated articles with copies and near-copies (see COPIES), read in this order:
    a.txt, c.txt, z-ban-sao.txt (the files of the folder itself), 0000/, 0001/, zz/."""
    folder = tmp_path_factory.mktemp("bulk-corpus")
    generate(DOCUMENTS, folder, seed=5)
    generated = {n: (folder / "0000" / f"{n:07d}.txt").read_text("utf-8") for n in (10, 40, 50)}
    files = {"a.txt": story_text(0, 10), "c.txt": story_text(4, 14), "zz/b.txt": story_text(2, 12),
             "z-ban-sao.txt": exact_copy(generated[40]),  # read first: 0000/0000040.txt is its copy
             "0001/0000040.txt": exact_copy(generated[40]), "zz/a.txt": exact_copy(story_text(0, 10)),
             "0001/0000010-ban-lai.txt": near_copy(generated[10]),
             "zz/0000050-ban-lai.txt": near_copy(generated[50])}
    for name, text in files.items():
        (folder / name).parent.mkdir(exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def managed(tmp_path_factory):
    """A managed server of its own (the bulk load stops and starts it): its home and settings."""
    home = tmp_path_factory.mktemp("bulk-home")
    status = server.start(home=home, bolt_port=server.free_port(), http_port=server.free_port(),
                          heap="512m", pagecache="128m")
    try:
        yield home, Settings(uri=status.bolt_uri, password=server.DEFAULT_PASSWORD)
    finally:
        server.stop(home)


def schema_of(store: Store) -> list[tuple]:
    with store.driver.session(database=store.database) as session:
        rows = session.run("SHOW INDEXES YIELD name, type, entityType, labelsOrTypes, properties, "
                           "owningConstraint RETURN * ORDER BY name").data()
    return [tuple(str(v) for _, v in sorted(r.items())) for r in rows]


def test_import_files_keep_one_type_per_column_and_refuse_the_list_delimiter(tmp_path):
    from graph.bulk import ARRAY_DELIMITER, ImportFile
    from graph.errors import InputError
    file = ImportFile(tmp_path / "n.csv", [":ID(Person)"])
    file.write(["a"], {"name": "Nguyễn Văn An", "count": 2, "names": ["An", "Nguyễn Văn An"], "spans": []})
    file.write(["b"], {"name": None, "count": 3, "names": ["B"], "spans": [""]})
    with pytest.raises(InputError, match="different types"):
        file.write(["c"], {"name": "C", "count": "3", "names": ["C"], "spans": []})
    with pytest.raises(InputError, match="different types"):
        file.write(["d"], {"name": "D", "count": 1, "names": ["D", 4], "spans": []})
    with pytest.raises(InputError, match="U\\+001F"):
        file.write(["e"], {"name": "E", "count": 1, "names": ["E" + ARRAY_DELIMITER + "x"], "spans": []})
    file.close()
    assert file.header_path.read_text("utf-8") == (":ID(Person),name:string,count:long,names:string[],"
                                                   "spans:string[],_empty:string[],_blank:string[]\n")
    assert file.path.read_text("utf-8").splitlines() == [
        f'"a","Nguyễn Văn An",2,"An{ARRAY_DELIMITER}Nguyễn Văn An",,"spans",',
        '"b",,3,"B",,,"spans"']


ENTITY_TOTALS = [
    # forms and how often each was used -> the name (most used; ties: alphabetical), the aliases
    ({"forms": ["Nguyễn Văn An", "An"], "uses": [3, 1], "names": ["Nguyễn Văn An", "An"]},
     "Nguyễn Văn An", ["An"]),
    ({"forms": ["Tổng cục Kỹ thuật", "TCKT"], "uses": [2, 2], "names": ["Tổng cục Kỹ thuật", "TCKT"]},
     "TCKT", ["Tổng cục Kỹ thuật"]),
    ({"forms": ["Đại tá"], "uses": [5], "names": ["Đại tá"]}, "Đại tá", []),
]


@pytest.mark.parametrize("total,name,aliases", ENTITY_TOTALS)
def test_entity_name_is_the_form_used_most(total, name, aliases):
    props = entity_properties({"key": "k", "count": sum(total["uses"]), "documents": 1, "first": None,
                               "last": None, "date": None, **total})
    assert (props["name"], props["aliases"]) == (name, aliases)
    assert props["search_names"] == "".join(" " + n for n in sorted(total["names"]))


# --- near-copies of a whole corpus, without Neo4j ------------------------------------------------

A, B, C = story_text(0, 10), story_text(2, 12), story_text(4, 14)  # a ~ b ~ c, a !~ c
BRIEF = "Sáng 15/1/2025, tại Hà Nội, diễn ra hội nghị rút kinh nghiệm huấn luyện năm 2024."
MANY = {f"{n:02d}": (f"Bản tin số {n}.\n" + story_text(0, 12), "2025-01-15") for n in range(12)}

NEAR_COPIES = [
    # documents (key: text, date) -> the SAME_STORY links (later, earlier)
    ({"a": (A, "2025-01-15"), "b": (B, "2025-01-15"), "c": (C, "2025-01-15")},
     {("b", "a"), ("c", "b")}),  # one date: the later is the larger key
    ({"a": (A, "2025-01-20"), "b": (B, "2025-01-10")}, {("a", "b")}),  # the later by date
    ({"a": (A, "2025-01-15"), "b": (B, "2025-02-14")}, {("b", "a")}),  # 30 days apart
    ({"a": (A, "2025-01-15"), "b": (B, "2025-02-15")}, set()),  # 31 days apart: two stories
    ({"a": (A, ""), "b": (B, "2025-03-15")}, {("b", "a")}),  # an unknown date is near any
    ({"a": (A, "2025-01-15"), "x": (exact_copy(BRIEF), "2025-01-15"), "y": (BRIEF, "2025-01-15")},
     set()),  # under 60 words: no signature, no story
    (MANY, {(later, earlier) for later in MANY for earlier in MANY if earlier < later}),
]


def document_rows(texts: dict[str, tuple[str, str]]) -> list[dict]:
    """The Document rows `graph_rows` makes of these texts."""
    extractions = [hand_extraction(key, text, [], date=date) for key, (text, date) in texts.items()]
    prints = {key: fingerprint(text) for key, (text, _) in texts.items()}
    return graph_rows(extractions, fingerprints=prints).documents


def every_link(rows: list[dict]) -> dict[tuple[str, str], float]:
    """Each pair of documents sharing a band, compared by the store's rule: the slow way."""
    links = {}
    for i, one in enumerate(rows):
        for other in rows[i + 1:]:
            if set((one["story_bands"] or "").split()) & set((other["story_bands"] or "").split()):
                link = story_link(one["key"], one["date"], other["key"], other["date"],
                                  similarity(one["minhash"], other["minhash"]), SAME_STORY)
                if link is not None:
                    links[link[0], link[1]] = link[2]
    return links


@pytest.mark.parametrize("texts, expected", NEAR_COPIES)
@pytest.mark.parametrize("at_once", [bulk_module.PAIRS_AT_ONCE, 2])
def test_near_copies_are_the_pairs_the_store_links(texts, expected, at_once, monkeypatch):
    monkeypatch.setattr(bulk_module, "PAIRS_AT_ONCE", at_once)
    rows = document_rows(texts)
    found = NearCopies()
    for start in range(0, len(rows), 2):  # window by window
        found.add(rows[start:start + 2])
    links = found.links(SAME_STORY)
    assert set(links) == expected
    assert links == every_link(rows)
    assert all(isinstance(v, float) and v == round(v, 3) for v in links.values())


# --- against Neo4j ----------------------------------------------------------------------------------

def test_bulk_load_gives_the_transactional_graph_and_later_loads_add_to_it(corpus, managed, store):
    home, settings = managed
    done = kg("load", corpus, "--bulk", "--workers", "2", "--batch-size", BATCH, settings=settings,
              home=home)
    assert done.returncode == 0, done.stderr
    assert f"{LOADED} loaded in bulk" in done.stderr
    assert f"{COPIES} exact copies merged" in done.stderr
    report = load([str(corpus)], store, batch_size=BATCH)
    assert (report.loaded, report.copies) == (LOADED, COPIES)
    with Store.open(settings) as bulk:
        graph = dump(bulk)
        assert graph == dump(store)
        assert schema_of(bulk) == schema_of(store)
        # what the comparison covers: copies, near-copy links and stories, in both graphs
        copied = documents(bulk)["z-ban-sao.txt"]
        assert copied["sources"] == [str(corpus / name) for name in
                                     ("z-ban-sao.txt", "0000/0000040.txt", "0001/0000040.txt")]
        assert copied["copies"] == ["0000/0000040.txt", "0001/0000040.txt"]
        assert documents(bulk)["a.txt"]["copies"] == ["zz/a.txt"]
        assert links(bulk) >= {("zz/b.txt", "a.txt"), ("zz/b.txt", "c.txt"),
                               ("0001/0000010-ban-lai.txt", "0000/0000010.txt"),
                               ("zz/0000050-ban-lai.txt", "0000/0000050.txt")}
        stories = check_stories(bulk)
        assert {stories[k] for k in ("a.txt", "zz/b.txt", "c.txt")} == {"a.txt"}
        bulk.finish_import()  # again, as after an interruption: nothing is left to do
        assert dump(bulk) == graph

        again = load([str(corpus)], bulk, batch_size=BATCH)
        assert (again.loaded, again.skipped, again.copies) == (0, LOADED, COPIES)
        changed = corpus / "0000" / "0000007.txt"
        changed.write_text(changed.read_text("utf-8") + "Dự hội nghị có Đại tá Trịnh Quốc Kiên, "
                           "Chính ủy Sư đoàn 312.\n", encoding="utf-8")
        after = load([str(corpus)], bulk, batch_size=BATCH)
        assert (after.loaded, after.skipped) == (1, LOADED - 1)
        load([str(corpus)], store, batch_size=BATCH)
        assert dump(bulk) == dump(store)

        refused = kg("load", corpus, "--bulk", settings=settings, home=home)
        assert refused.returncode == 1
        assert refused.stderr.count("\n") == 1, refused.stderr
        assert "is not empty" in refused.stderr and "kg reset --yes" in refused.stderr


def test_a_non_empty_database_is_refused_before_anything_is_written(corpus, store, neo4j_settings, tmp_path):
    load([str(corpus / "0000" / "0000001.txt")], store)
    with pytest.raises(NotEmptyError, match="not empty"):
        bulk_load([str(corpus)], neo4j_settings, folder=tmp_path / "files")
    assert not (tmp_path / "files").exists()


def test_another_server_gets_the_files_and_the_command(corpus, store, neo4j_settings, tmp_path):
    folder = tmp_path / "import"
    names = ["0000/0000002.txt", "0000/0000040.txt", "z-ban-sao.txt", "0000/0000010.txt",
             "0001/0000010-ban-lai.txt"]
    report = bulk_load([str(corpus / name) for name in names], neo4j_settings, folder=folder)
    assert (report.loaded, report.copies, report.imported) == (4, 1, False)
    assert report.command.startswith("neo4j-admin database import full neo4j --overwrite-destination=true")
    for part in report.command.split():
        if part.startswith(("--nodes=", "--relationships=")):
            for path in part.split("=", 2)[2].split(","):
                assert Path(path).is_file(), path
    assert f"--nodes=Document={folder}/documents.header.csv,{folder}/documents.csv" in report.command
    # what `kg schema --imported` finishes travels in the files: the copy, the near-copies' link
    assert f"--nodes=ImportedCopy={folder}/copies.header.csv,{folder}/copies.csv" in report.command
    assert f"--relationships=SAME_STORY={folder}/same-story.header.csv," in report.command
    assert (folder / "same-story.csv").read_text("utf-8").startswith(  # one date: the larger key
        '"0000010.txt","0000010-ban-lai.txt",0.8')                       # is the later
    assert store.any_node() is None


def test_a_near_copy_behind_hundreds_sharing_its_band_is_linked_by_both_writers(store):
    """A template repeated 250 times shares one band with a new document, and so does its real
    near-copy (84% of the signature, one band in common), keyed after all of them: both writers
    compare every document sharing a band, so the near-copy is linked however many come first."""
    rng = random.Random(7)
    signature = [rng.randrange(1 << 32) for _ in range(PERMUTATIONS)]

    def printed(key: str, values: list[int]) -> tuple:
        text = f"Bản tin {key}."
        return (hand_extraction(key, text, [], date="2025-01-15"),
                Fingerprint(f"hash-{key}", tuple(values), bands(values)))

    # the template: the first band of the new document's signature, the rest its own
    stored = [printed(f"t{n:03d}", signature[:ROWS] + [rng.randrange(1 << 32) for _ in range(PERMUTATIONS - ROWS)])
              for n in range(250)]
    # the near-copy: one value changed in every band but the first
    near = [(v + 1) % (1 << 32) if i >= ROWS and i % ROWS == 0 and i < BANDS * ROWS else v for i, v in enumerate(signature)]
    stored.append(printed("zz-near", near))
    new = [printed("new", signature)]
    found = NearCopies()
    for batch in (stored, new):
        rows = graph_rows([e for e, _ in batch], fingerprints={e.document.id: p for e, p in batch},
                          same_story=SAME_STORY)
        store.write_rows(rows)
        found.add(rows.documents)
    assert similarity(signature, near) == 108 / 128
    assert links(store) == {("zz-near", "new")} == set(found.links(SAME_STORY))
