"""docker-compose.yml describes the same server as `kg server start`."""
from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from graph import server
from graph.settings import DEV_PASSWORD
from tests.conftest import ROOT


def compose_config(env: dict | None = None) -> dict:
    docker = shutil.which("docker")
    if not docker or subprocess.run([docker, "compose", "version"], capture_output=True).returncode != 0:
        pytest.skip("the docker compose client is not installed here")
    result = subprocess.run([docker, "compose", "-f", str(ROOT / "docker-compose.yml"), "config",
                             "--format", "json"], capture_output=True, text=True, env=env, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_compose_describes_the_managed_server():
    config = compose_config(env={"PATH": "/usr/bin:/bin:/usr/local/bin"})
    neo4j = config["services"]["neo4j"]
    assert neo4j["image"] == "neo4j:5.26-community"
    assert server.NEO4J_VERSION.startswith("5.26.")
    ports = {(p["host_ip"], str(p["published"]), p["target"]) for p in neo4j["ports"]}
    assert ports == {("127.0.0.1", "7474", 7474), ("127.0.0.1", "7687", 7687)}
    assert neo4j["environment"]["NEO4J_AUTH"] == f"neo4j/{DEV_PASSWORD}"
    assert "cypher-shell" in " ".join(neo4j["healthcheck"]["test"])
    assert {v["source"] for v in neo4j["volumes"]} == {"neo4j-data", "neo4j-logs"}
    assert set(config["volumes"]) == {"neo4j-data", "neo4j-logs"}


def test_password_comes_from_the_environment():
    config = compose_config(env={"PATH": "/usr/bin:/bin:/usr/local/bin", "NEO4J_PASSWORD": "another-one"})
    assert config["services"]["neo4j"]["environment"]["NEO4J_AUTH"] == "neo4j/another-one"
