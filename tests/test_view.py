"""Network views: escaping as a table, self-contained pages, presets and queries on the samples,
the cap, and `kg view` end to end."""
from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

from graph import view
from graph.errors import QueryError
from tests.conftest import ROOT
from tests.graphs import load_samples

PAYLOADS = ['<script>window.__pwned=1</script>', '<img src=x onerror="window.__pwned=2">']
EXTERNAL = re.compile(r"""<(?:script|link|img|iframe|source|embed|object)\b[^>]*\b(?:src|href|data)\s*=\s*["']?(?:https?:)?//""",
                      re.IGNORECASE)


def hand_network(limit: int = 300) -> view.Network:
    network = view.Network(limit=limit, title="Payloads <script>")
    network.nodes["p"] = {"label": "Person", "props": {"key": "trần minh đức", "name": "Trần Minh Đức",
                                                       "mention_count": 3},
                          "details": {"ranks": ["Trung tướng"], "positions": ["Chủ nhiệm, Tổng cục Kỹ thuật"],
                                      "sentences": [f"Trần Minh Đức {PAYLOADS[0]} phát biểu."]}}
    network.nodes["a"] = {"label": "Agency", "props": {"key": "x", "name": f"Cục {PAYLOADS[1]}"}}
    network.edges["e"] = {"type": "HOLDS_POSITION", "source": "p", "target": "a",
                          "props": {"title": "Chủ nhiệm", "sentences": [PAYLOADS[1] + " câu."],
                                    "sentence_docs": ["doc.txt"], "sentence_dates": ["2024-01-01"],
                                    "evidence_count": 1}}
    return network


@pytest.mark.parametrize("value, safe", [
    ("</script><script>alert(1)</script>", "\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e"),
    ("a & b", "a \\u0026 b"),
    ("line\u2028sep", "line\\u2028sep"),
    ("Trần", "Trần"),
])
def test_json_for_script_cannot_close_the_script(value, safe):
    text = view._json_for_script(value)
    assert text == f'"{safe}"'
    assert json.loads(text) == value


def test_tooltips_escape_everything_from_the_graph():
    network = hand_network()
    node = view.node_tooltip(network.nodes["p"])
    assert "<b>Trần Minh Đức</b>" in node and "Trung tướng" in node and "Chủ nhiệm, Tổng cục Kỹ thuật" in node
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in node and "<script" not in node
    agency = view.node_tooltip(network.nodes["a"])
    assert "&lt;img src=x onerror=&quot;window.__pwned=2&quot;&gt;" in agency and "<img" not in agency
    edge = view.edge_tooltip(network.edges["e"], {"p": "Trần Minh Đức", "a": "Cục"})
    assert "HOLDS_POSITION (Chủ nhiệm)" in edge and "<img" not in edge and "[doc.txt · 2024-01-01]" in edge


def test_page_is_self_contained_and_payloads_stay_data():
    page = view.render(hand_network())
    assert "vis.Network" in page and "Legend" in page
    assert not EXTERNAL.search(page), EXTERNAL.search(page)
    assert "sourceMappingURL" not in page
    for payload in PAYLOADS:
        assert payload not in page
    assert "Payloads &lt;script&gt;" in page  # the <title>


def test_cap_message_says_how_many_were_left_out():
    network = hand_network(limit=2)
    assert not network.capped and network.message == ""
    network.total = 50
    assert network.capped
    assert network.message.startswith("Showing 2 of 50 nodes (capped at 2)")
    assert network.message in view.render(network).replace("\\u0026", "&")


def test_browser_style_uses_the_view_colours():
    grass = (ROOT / "graph" / "style" / "browser.grass").read_text("utf-8")
    for label, (colour, _shape) in view.STYLE.items():
        block = re.search(r"node\." + label + r" \{([^}]*)\}", grass)
        assert block and f"color: {colour};" in block.group(1), label
    assert "caption: '{name}'" in grass


# --- on the samples -------------------------------------------------------------------------

@pytest.fixture(scope="module")
def loaded(_session_store):
    return load_samples(_session_store)


def names(network: view.Network) -> set[str]:
    return {n["props"].get("name") for n in network.nodes.values()}


@pytest.mark.neo4j
@pytest.mark.parametrize("kwargs, expected", [
    ({"person": "Nguyễn Văn Thạch", "ranks": True},
     {"Nguyễn Văn Thạch", "Tổng cục Kỹ thuật", "Thượng tướng", "Quân ủy Trung ương"}),
    ({"person": "nguyễn văn thạch", "hops": 2}, {"Phan Hồng Quân", "Lê Quang Vinh", "Tô Minh Trí"}),
    ({"agency": "Tổng cục Kỹ thuật"}, {"Tổng cục Kỹ thuật", "Nguyễn Văn Thạch", "Bùi Xuân Trường"}),
    ({"query": "shortest-connection"}, {"Nguyễn Văn Thạch", "Phạm Đức Thắng", "Trần Thanh Hải"}),
    ({"query": "people-network"}, {"Nguyễn Văn Thạch", "Lương Văn Bình"}),
    ({}, {"Tổng cục Kỹ thuật", "Bộ Quốc phòng"}),
])
def test_presets_and_queries_draw_the_expected_entities(loaded, kwargs, expected):
    network = view.build(loaded, **kwargs)
    assert expected <= names(network)
    assert network.edges
    for edge in network.edges.values():
        assert edge["source"] in network.nodes and edge["target"] in network.nodes
    page = view.render(network)
    assert not EXTERNAL.search(page)


@pytest.mark.neo4j
def test_person_tooltips_show_rank_positions_and_sentences(loaded):
    network = view.build(loaded, person="Nguyễn Văn Thạch")
    person = next(n for n in network.nodes.values() if n["props"].get("name") == "Nguyễn Văn Thạch")
    tip = view.node_tooltip(person)
    assert "rank: Thượng tướng" in tip and "Chủ nhiệm, Tổng cục Kỹ thuật" in tip and "<li>" in tip


@pytest.mark.neo4j
@pytest.mark.parametrize("kwargs", [{"person": "Nguyễn Văn Thạch", "hops": 2}, {}])
def test_ranks_are_shown_on_the_people_unless_asked_for(loaded, kwargs):
    network = view.build(loaded, **kwargs)
    assert "Rank" not in network.counts() and "HAS_RANK" not in {e["type"] for e in network.edges.values()}
    net = view.to_pyvis(network)
    ranked = [n for n in net.nodes if n.get("rank")]
    assert ranked and all(n["label"].endswith("\n" + n["rank"]) and n["color"]["border"] == view.RANKED_BORDER
                          for n in ranked)
    page = view.render(network)
    assert "Person with a rank" in page and "kg view --ranks draws them" in page
    with_ranks = view.build(loaded, ranks=True, **kwargs)
    assert with_ranks.counts()["Rank"] > 0
    assert not any(n.get("rank") for n in view.to_pyvis(with_ranks).nodes)
    assert "Rank nodes: one per rank" in view.render(with_ranks)


@pytest.mark.neo4j
def test_english_labels(loaded):
    network = view.build(loaded, person="Nguyễn Văn Thạch", lang="en")
    net = view.to_pyvis(network)
    labels = {n["label"] for n in net.nodes}
    assert "General Department of Technology" in labels
    person = next(n for n in net.nodes if n["label"].startswith("Nguyễn Văn Thạch"))
    assert person["label"] == "Nguyễn Văn Thạch\nSenior Lieutenant General"
    agency = next(n for n in net.nodes if n["label"] == "General Department of Technology")
    assert "<b>Tổng cục Kỹ thuật</b>" in agency["title"] and "English: General Department" in agency["title"]
    edge_labels = {e["label"] for e in net.edges}
    assert "Chairman" in edge_labels and "Chủ nhiệm" not in edge_labels


@pytest.mark.neo4j
def test_a_person_is_found_without_diacritics(loaded):
    network = view.build(loaded, person="nguyen van thach", hops=0)
    assert [n["props"]["name"] for n in network.nodes.values()] == ["Nguyễn Văn Thạch"]


@pytest.mark.neo4j
def test_a_name_matching_several_people_lists_them(loaded):
    from graph import query
    matches = [r["name"] for r in query.run(loaded, "find-entity", {"name": "tran", "label": "Person"}).rows]
    assert len(matches) > 1
    with pytest.raises(QueryError) as raised:
        view.build(loaded, person="tran")
    lines = str(raised.value).splitlines()
    assert lines[0].startswith(f"{len(matches)} person entities match 'tran'")
    assert [line.split("  key:")[0].strip() for line in lines[1:]] == matches[:20]


@pytest.mark.neo4j
def test_people_network_rows_become_together_edges(loaded):
    network = view.build(loaded, query="people-network")
    together = [e for e in network.edges.values() if e["type"] == "TOGETHER"]
    assert together and all(e.get("undirected") for e in together)


@pytest.mark.neo4j
def test_whole_graph_is_capped_with_a_message(loaded):
    network = view.build(loaded, limit=5)
    assert len(network.nodes) == 5 and network.total > 5
    assert network.message.startswith(f"Showing 5 of {network.total} nodes")


@pytest.mark.neo4j
@pytest.mark.parametrize("kwargs, message", [
    ({"person": "Không Có Ai"}, "no person matches"),
    ({"agency": "Nguyễn Văn Thạch"}, "no agency matches"),
    ({"person": "x", "agency": "y"}, "one of"),
    ({"query": "no-such-query"}, "no query named"),
    ({"limit": 0}, "at least 1"),
])
def test_view_errors(loaded, kwargs, message):
    with pytest.raises(QueryError, match=message):
        view.build(loaded, **kwargs)


@pytest.mark.neo4j
def test_cli_writes_the_page_and_says_when_capped(loaded, env_for_cli, tmp_path):
    target = tmp_path / "out" / "network.html"
    result = subprocess.run([sys.executable, "-m", "kg", "view", "-o", str(target), "--limit", "4"],
                            capture_output=True, text=True, env={**env_for_cli, "COLUMNS": "300"},
                            timeout=120, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert "capped" in result.stderr and "Showing 4 of" in result.stderr
    assert target.is_file() and "Showing 4 of" in target.read_text("utf-8")
    person = subprocess.run([sys.executable, "-m", "kg", "view", "--person", "Nguyễn Văn Thạch", "--hops", "2",
                             "-o", str(tmp_path / "p.html")], capture_output=True, text=True,
                            env=env_for_cli, timeout=120, cwd=ROOT)
    assert person.returncode == 0 and "capped" not in person.stderr
    bad = subprocess.run([sys.executable, "-m", "kg", "view", "--person", "Không Có Ai", "-o",
                          str(tmp_path / "x.html")], capture_output=True, text=True, env=env_for_cli,
                         timeout=120, cwd=ROOT)
    assert bad.returncode == 1 and "no person matches" in bad.stderr and "Traceback" not in bad.stderr


@pytest.mark.neo4j
def test_cli_timeline(loaded, env_for_cli, tmp_path):
    def kg(*args):
        return subprocess.run([sys.executable, "-m", "kg", "timeline", *args], capture_output=True,
                              text=True, env={**env_for_cli, "COLUMNS": "300"}, timeout=120, cwd=ROOT)
    done = kg("--person", "nguyen van thach", "-o", str(tmp_path / "thach.html"), "--lang", "en")
    assert done.returncode == 0, done.stderr
    assert done.stderr.startswith("Nguyễn Văn Thạch: ") and (tmp_path / "thach.html").is_file()
    several = kg("--person", "tran", "-o", str(tmp_path / "x.html"))
    assert several.returncode == 1 and "Traceback" not in several.stderr
    assert "Trần Thanh Hải" in several.stderr and not (tmp_path / "x.html").exists()
    assert kg("-o", str(tmp_path / "y.html")).returncode == 2
