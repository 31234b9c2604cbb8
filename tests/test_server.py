"""The managed Neo4j server: start, status, idempotent start, stop, restart with data kept."""
from __future__ import annotations

import urllib.request

import neo4j
import pytest

from graph import server
from graph.errors import ServerError
from tests.conftest import free_port

pytestmark = pytest.mark.neo4j


def test_start_status_stop_restart(tmp_path):
    home = tmp_path / "home"
    assert server.status(home).state == "stopped"
    bolt, http = free_port(), free_port()
    messages = []
    status = server.start(home=home, bolt_port=bolt, http_port=http, heap="512m", pagecache="128m",
                          on_progress=messages.append)
    try:
        assert status.state == "running" and status.bolt_uri == f"bolt://127.0.0.1:{bolt}"
        assert messages, "start reports progress"
        with urllib.request.urlopen(status.browser_url, timeout=10) as page:
            assert page.status == 200 and b"Neo4j Browser" in page.read()
        again = server.start(home=home, bolt_port=bolt, http_port=http)
        assert again.pid == status.pid
        with neo4j.GraphDatabase.driver(status.bolt_uri, auth=("neo4j", server.DEFAULT_PASSWORD)) as d:
            d.execute_query("CREATE (:Probe {value: 42})")
        with pytest.raises(ServerError, match=f"port {bolt}"):
            server.start(home=tmp_path / "other", bolt_port=bolt, http_port=free_port())
    finally:
        assert server.stop(home) is True
    assert server.status(home).state == "stopped"
    assert server.stop(home) is False
    status = server.start(home=home, bolt_port=bolt, http_port=http, heap="512m", pagecache="128m")
    try:
        with neo4j.GraphDatabase.driver(status.bolt_uri, auth=("neo4j", server.DEFAULT_PASSWORD)) as d:
            records, _, _ = d.execute_query("MATCH (p:Probe) RETURN p.value AS v")
        assert [r["v"] for r in records] == [42]
    finally:
        server.stop(home)


def test_stop_leaves_foreign_processes_alone(tmp_path):
    home = tmp_path / "home"
    (home / "run").mkdir(parents=True)
    (home / "run" / "kg-neo4j.pid").write_text("1")  # pid 1 is not our server
    assert server.stop(home) is False
    assert server.status(home).state == "stopped"
