"""`kg load --engine spark` and `kg export --engine spark` against the real Neo4j, with Spark in
local mode: the same graph as the local pipeline, nothing done twice on reload or on a retried
task, Parquet that holds the whole graph, and one clear line for a bad master."""
from __future__ import annotations

import os
import socket
import subprocess
import sys

import pytest

from bench.corpus import generate
from kg.pipeline import load
from tests.conftest import ROOT, SAMPLES
from tests.graphs import dump

pyspark = pytest.importorskip("pyspark", reason="pyspark is not installed (pip install 'kg[spark]')")
pytestmark = [pytest.mark.neo4j, pytest.mark.spark]

GENERATED = 30


def kg(*args, env, timeout=600):
    return subprocess.run([sys.executable, "-m", "kg", *args], capture_output=True, text=True,
                          env={**env, "SPARK_LOCAL_IP": "127.0.0.1"}, timeout=timeout, cwd=ROOT)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """The shipped samples and a small generated corpus in sub-folders: paths for `kg load`."""
    folder = tmp_path_factory.mktemp("generated")
    generate(GENERATED, folder, seed=11)
    return [str(SAMPLES), str(folder)]


@pytest.fixture(scope="module")
def local_graph(_session_store, corpus):
    """The graph the local pipeline makes of the corpus, and how many documents it loaded."""
    _session_store.wipe()
    report = load(corpus, _session_store)
    assert report.failed == 0 and report.loaded > GENERATED
    return dump(_session_store), report.loaded


@pytest.fixture(scope="module")
def spark_jvm():
    """Spark in this process (for library calls); the JVM is shared by the sessions below."""
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    from kg import spark
    return spark


def test_spark_load_gives_the_graph_of_the_local_pipeline_and_reload_skips_all(
        store, corpus, local_graph, env_for_cli, neo4j_settings, spark_jvm):
    expected, documents = local_graph
    store.wipe()
    result = kg("load", *corpus, "--engine", "spark", "--master", "local[2]", "--json", env=env_for_cli)
    assert result.returncode == 0, result.stderr
    assert f'"loaded": {documents}' in result.stdout and '"failed": 0' in result.stdout
    assert dump(store) == expected
    with spark_jvm.session("local[2]") as spark:
        again = spark_jvm.load(corpus, store, spark, neo4j_settings)
    assert (again.loaded, again.skipped, again.failed) == (0, documents, 0)
    assert again.stats.nodes_created == again.stats.relationships_created == 0
    assert dump(store) == expected


def test_a_task_that_fails_once_and_is_retried_writes_nothing_twice(
        store, corpus, local_graph, neo4j_settings, spark_jvm, tmp_path, monkeypatch):
    expected, documents = local_graph
    marker = tmp_path / "failed-once"
    monkeypatch.setenv(spark_jvm.FAIL_ONCE, str(marker))
    with spark_jvm.session("local[2,4]") as spark:  # two threads, up to four attempts per task
        report = spark_jvm.load(corpus, store, spark, neo4j_settings, batch_size=7)
    assert marker.read_text("utf-8").startswith("failed attempt 0")  # the failure did happen
    assert (report.loaded, report.skipped, report.failed) == (documents, 0, 0)
    assert dump(store) == expected


def test_parquet_export_holds_every_node_and_relationship(store, corpus, env_for_cli, tmp_path):
    import pyarrow.dataset as ds

    load(corpus, store)
    counts = store.counts()
    out = tmp_path / "parquet"
    result = kg("export", "--engine", "spark", "--master", "local[2]", "-o", str(out), env=env_for_cli)
    assert result.returncode == 0, result.stderr
    nodes = {p.name: ds.dataset(p, format="parquet").count_rows() for p in (out / "nodes").iterdir()}
    relationships = {p.name: ds.dataset(p, format="parquet").count_rows()
                     for p in (out / "relationships").iterdir()}
    assert nodes == counts["node"]
    assert relationships == counts["relationship"]
    people = ds.dataset(out / "nodes" / "Person", format="parquet").to_table().to_pylist()
    assert all(p["key"] and p["name"] and p["mention_count"] >= 1 for p in people)
    ranks = ds.dataset(out / "relationships" / "HAS_RANK", format="parquet").to_table().to_pylist()
    assert {(r["_source_label"], r["_target_label"]) for r in ranks} == {("Person", "Rank")}
    assert all(r["_source_key"] and r["_target_key"] and r["evidence_count"] >= 1 for r in ranks)
    assert f"exported {sum(nodes.values())} nodes and {sum(relationships.values())} relationships" \
        in result.stderr


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.parametrize("master, says", [
    ("local[two]", "is not a Spark master URL; use local[*]"),
    ("sparkk://127.0.0.1:7077", "is not a Spark master URL"),
    ("spark://127.0.0.1:{port}", "cannot reach the Spark master at spark://127.0.0.1:"),
])
def test_a_bad_master_is_one_clear_line(master, says, env_for_cli):
    master = master.format(port=_closed_port())
    result = kg("load", str(SAMPLES), "--engine", "spark", "--master", master, env=env_for_cli, timeout=120)
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error:") and says in lines[0], result.stderr


def test_without_pyspark_the_error_says_how_to_install_it(env_for_cli):
    blocked = ("import sys; sys.modules['pyspark'] = None; sys.argv = ['kg', 'load', %r, '--engine', "
               "'spark', '--master', 'local[2]']; from kg.cli import main; main()" % str(SAMPLES))
    result = subprocess.run([sys.executable, "-c", blocked], capture_output=True, text=True,
                            env=env_for_cli, timeout=120, cwd=ROOT)
    assert result.returncode == 1
    assert result.stderr.strip() == ("error: --engine spark needs pyspark, which is not installed — "
                                     "install it with pip install 'kg[spark]'")
