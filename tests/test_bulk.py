"""`kg load --bulk` against the real Neo4j: a bulk first load into a managed server gives the
graph a transactional load gives (every property, aggregate, Evidence node, hash and the schema),
later loads skip unchanged documents and replace a changed one's facts, a non-empty database is
refused, and for another server the import files and the command are written."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from graph import server
from graph.bulk import entity_properties
from graph.errors import NotEmptyError
from graph.settings import Settings
from graph.store import Store
from kg.pipeline import bulk_load, load
from tests.conftest import ROOT
from tests.graphs import dump

sys.path.insert(0, str(ROOT / "bench"))
from corpus import generate  # noqa: E402

DOCUMENTS = 80


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
    folder = tmp_path_factory.mktemp("bulk-corpus")
    generate(DOCUMENTS, folder, seed=5)
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


def test_bulk_load_gives_the_transactional_graph_and_later_loads_add_to_it(corpus, managed, store):
    home, settings = managed
    done = kg("load", corpus, "--bulk", "--workers", "2", settings=settings, home=home)
    assert done.returncode == 0, done.stderr
    assert f"{DOCUMENTS} loaded in bulk" in done.stderr
    load([str(corpus)], store)
    with Store.open(settings) as bulk:
        assert dump(bulk) == dump(store)
        assert schema_of(bulk) == schema_of(store)
        again = load([str(corpus)], bulk)
        assert (again.loaded, again.skipped) == (0, DOCUMENTS)
        changed = corpus / "0000" / "0000007.txt"
        changed.write_text(changed.read_text("utf-8") + "Dự hội nghị có Đại tá Trịnh Quốc Kiên, "
                           "Chính ủy Sư đoàn 312.\n", encoding="utf-8")
        after = load([str(corpus)], bulk)
        assert (after.loaded, after.skipped) == (1, DOCUMENTS - 1)
        load([str(corpus)], store)
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
    report = bulk_load([str(corpus / "0000" / "0000002.txt"), str(corpus / "0000" / "0000003.txt")],
                       neo4j_settings, folder=folder)
    assert (report.loaded, report.imported) == (2, False)
    assert report.command.startswith("neo4j-admin database import full neo4j --overwrite-destination=true")
    for part in report.command.split():
        if part.startswith(("--nodes=", "--relationships=")):
            for path in part.split("=", 2)[2].split(","):
                assert Path(path).is_file(), path
    assert f"--nodes=Document={folder}/documents.header.csv,{folder}/documents.csv" in report.command
    assert store.any_node() is None
