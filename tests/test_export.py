"""`kg export --format graphml|csv` on the samples, read back by networkx and csv."""
from __future__ import annotations

import csv
import subprocess
import sys

import networkx as nx
import pytest

from tests.conftest import ROOT, SAMPLES


@pytest.fixture(scope="module")
def sampled(_session_store):
    from kg.pipeline import load
    _session_store.wipe()
    assert load([str(SAMPLES)], _session_store).failed == 0
    return _session_store


def kg(env, *args):
    return subprocess.run([sys.executable, "-m", "kg", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)


@pytest.mark.neo4j
def test_graphml_reads_back_with_nodes_edges_and_attributes(sampled, env_for_cli, tmp_path):
    out = tmp_path / "g.graphml"
    done = kg(env_for_cli, "export", "--format", "graphml", "-o", str(out))
    assert done.returncode == 0, done.stderr
    graph = nx.read_graphml(out)
    counts = sampled.driver.execute_query(
        "MATCH (n:Person|Rank|Agency|Resolution|Program|Meeting) RETURN count(n) AS n").records[0]["n"]
    assert graph.number_of_nodes() == counts > 0
    labels = {data["label"] for _, data in graph.nodes(data=True)}
    assert {"Person", "Agency", "Meeting"} <= labels
    assert all("name" in data and "key" in data for _, data in graph.nodes(data=True))
    types = {data["type"] for *_, data in graph.edges(data=True)}
    assert "HOLDS_POSITION" in types and graph.number_of_edges() > 0
    held = [d for *_, d in graph.edges(data=True) if d["type"] == "HOLDS_POSITION"]
    assert all(d.get("title") for d in held)
    # English names and search forms travel as attributes
    assert any(d.get("name_en") for _, d in graph.nodes(data=True) if d["label"] == "Rank")
    assert all(d.get("name_folded") for _, d in graph.nodes(data=True))
    assert any(d.get("title_en") for d in held)


@pytest.mark.neo4j
def test_csv_writes_a_nodes_and_a_relationships_file(sampled, env_for_cli, tmp_path):
    done = kg(env_for_cli, "export", "--format", "csv", "-o", str(tmp_path / "g.csv"))
    assert done.returncode == 0, done.stderr
    nodes = list(csv.DictReader((tmp_path / "g-nodes.csv").open(encoding="utf-8")))
    rels = list(csv.DictReader((tmp_path / "g-relationships.csv").open(encoding="utf-8")))
    ids = {n["id"] for n in nodes}
    assert nodes and rels and all(r["source"] in ids and r["target"] in ids for r in rels)
    assert {"name_en", "name_folded", "first_seen"} <= set(nodes[0]) and "title_en" in rels[0]


def test_unknown_format_is_one_line(tmp_path):
    done = subprocess.run([sys.executable, "-m", "kg", "export", "--format", "gexf", "-o",
                           str(tmp_path / "x")], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode != 0 and "--format gexf" in done.stderr
