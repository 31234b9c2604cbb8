"""docker-compose.yml describes the same server as `kg server start` (checked with
`docker compose config`; no Docker engine needed)."""
from __future__ import annotations

import inspect
import json
import shutil
import subprocess
from importlib import resources

import pytest

from graph import server
from tests.conftest import ROOT

PATH = "/usr/bin:/bin:/usr/local/bin"
# Where `make compose` builds the compose plugin when the Docker client has none.
PLUGINS = ROOT / ".venv" / "docker"


def compose_config(env: dict | None = None) -> dict:
    docker = shutil.which("docker")
    if not docker:
        pytest.skip("the docker client is not installed here")
    env = dict(env or {"PATH": PATH})
    if (PLUGINS / "cli-plugins" / "docker-compose").exists():
        env["DOCKER_CONFIG"] = str(PLUGINS)
    if subprocess.run([docker, "compose", "version"], capture_output=True, env=env).returncode != 0:
        pytest.skip("the docker client has no compose plugin here (make compose builds one with Go)")
    result = subprocess.run([docker, "compose", "-f", str(ROOT / "docker-compose.yml"), "config",
                             "--format", "json"], capture_output=True, text=True, env=env, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def neo4j_service() -> dict:
    config = compose_config(env={"PATH": PATH})
    assert set(config["volumes"]) == {"neo4j-data", "neo4j-logs"}
    return config["services"]["neo4j"]


def test_same_version_on_local_ports_only(neo4j_service):
    assert neo4j_service["image"] == "neo4j:5.26-community"
    assert server.NEO4J_VERSION.startswith("5.26.")
    ports = {(p["host_ip"], str(p["published"]), p["target"]) for p in neo4j_service["ports"]}
    assert ports == {("127.0.0.1", "7474", 7474), ("127.0.0.1", "7687", 7687)}


def test_data_and_logs_in_named_volumes(neo4j_service):
    mounts = {(v["type"], v["source"], v["target"]) for v in neo4j_service["volumes"]}
    assert mounts == {("volume", "neo4j-data", "/data"), ("volume", "neo4j-logs", "/logs")}


def test_password_is_the_development_default(neo4j_service):
    assert neo4j_service["environment"]["NEO4J_AUTH"] == f"neo4j/{server.DEFAULT_PASSWORD}"


def test_password_comes_from_the_environment():
    config = compose_config(env={"PATH": PATH, "NEO4J_PASSWORD": "another-one"})
    assert config["services"]["neo4j"]["environment"]["NEO4J_AUTH"] == "neo4j/another-one"


def test_memory_and_logs_match_the_managed_server(neo4j_service):
    defaults = inspect.signature(server.start).parameters
    env = neo4j_service["environment"]
    assert env["NEO4J_server_memory_heap_max__size"] == defaults["heap"].default
    assert env["NEO4J_server_memory_pagecache_size"] == defaults["pagecache"].default
    conf = resources.files("graph").joinpath("neo4j", "neo4j.conf").read_text("utf-8")
    for key in ("db.tx_log.rotation.retention_policy", "db.tx_log.rotation.size"):
        value = next(line.split("=", 1)[1] for line in conf.splitlines() if line.startswith(key + "="))
        name = "NEO4J_" + key.replace("_", "__").replace(".", "_")
        assert env[name] == value, key


def test_health_check_logs_in_over_bolt_with_the_servers_password(neo4j_service, tmp_path):
    check = neo4j_service["healthcheck"]
    assert check["test"][0] == "CMD-SHELL" and check["retries"] * 5 >= 60
    # run the check's shell command as the container would, with a cypher-shell that records its
    # arguments: it must log in over Bolt with the password from NEO4J_AUTH
    command = check["test"][1].replace("$$", "$")  # compose config escapes $ for re-reading
    fake = tmp_path / "cypher-shell"
    fake.write_text(f'#!/bin/sh\nprintf "%s\\n" "$@" > {tmp_path}/args\n')
    fake.chmod(0o755)
    run = subprocess.run(["sh", "-c", command], capture_output=True, text=True,
                         env={"PATH": f"{tmp_path}:{PATH}", "NEO4J_AUTH": "neo4j/pass/with/slashes"})
    assert run.returncode == 0, run.stderr
    args = (tmp_path / "args").read_text().splitlines()
    assert args == ["-a", "bolt://localhost:7687", "-u", "neo4j", "-p", "pass/with/slashes", "RETURN 1"]
