"""The command line: help with examples, settings from the environment, one-line errors."""
from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app
from graph.server import free_port
from tests.conftest import ROOT

runner = CliRunner()


def kg(*args: str, env: dict | None = None, timeout: float = 60) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kg", *args], capture_output=True, text=True,
                          env=env or dict(os.environ), timeout=timeout, cwd=ROOT)


def commands() -> list[str]:
    from typer.main import get_command
    group = get_command(app)
    names = []
    for name, command in group.commands.items():
        sub = getattr(command, "commands", None)
        names += [f"{name} {s}" for s in sub] if sub else [name]
    return names


@pytest.mark.parametrize("command", commands())
def test_every_command_has_an_example_and_is_in_the_readme(command):
    result = runner.invoke(app, [*command.split(), "--help"], terminal_width=200)
    assert result.exit_code == 0, result.output
    assert "Example: kg " in result.output
    readme = (ROOT / "README.md").read_text("utf-8")
    assert f"kg {command}" in readme


def test_help_shows_the_connection_settings():
    result = runner.invoke(app, ["load", "--help"], terminal_width=200)
    for name in ("NEO4J_URI", "NEO4J_USER", "NEO4J_PASSWORD", "NEO4J_DATABASE", "bolt://127.0.0.1:7687"):
        assert name in result.output
    assert "kg-dev-password" not in result.output


@pytest.mark.parametrize("command", [["load", "samples"], ["stats"], ["export", "-o", "-"],
                                     ["forget", "x.txt"], ["schema"]])
def test_unreachable_server_is_one_line_and_exit_1_within_5_seconds(command):
    env = dict(os.environ, NEO4J_URI=f"bolt://127.0.0.1:{free_port()}")
    started = time.monotonic()
    result = kg(*command, env=env)
    assert time.monotonic() - started < 5  # the README's promise, start-up included
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "cannot reach Neo4j at bolt://127.0.0.1:" in lines[0] and "kg server start" in lines[0]
    assert "Traceback" not in result.stderr


@pytest.mark.neo4j
def test_wrong_password_and_unknown_database(neo4j_settings, env_for_cli):
    result = kg("stats", env=dict(env_for_cli, NEO4J_PASSWORD="not-the-password"))
    assert result.returncode == 1
    assert "wrong password" in result.stderr and "NEO4J_PASSWORD" in result.stderr
    assert "not-the-password" not in result.stderr + result.stdout
    result = kg("stats", env=dict(env_for_cli, NEO4J_DATABASE="nosuchdb"))
    assert result.returncode == 1
    assert "no database 'nosuchdb'" in result.stderr and "NEO4J_DATABASE" in result.stderr


def test_dev_password_sent_elsewhere_warns():
    env = dict(os.environ, NEO4J_URI=f"bolt://db.example.invalid:7687")
    env.pop("NEO4J_PASSWORD", None)
    result = kg("stats", env=env, timeout=30)
    assert "development default password" in result.stderr
    assert "kg-dev-password" not in result.stderr


def test_missing_path_is_reported_and_others_still_extract(tmp_path):
    good = tmp_path / "a.txt"
    good.write_text("Đại tướng Nguyễn Văn Thạch chủ trì hội nghị.", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = kg("extract", str(good), str(tmp_path / "missing.txt"), "-o", str(out))
    assert result.returncode == 3
    assert re.search(r"failed: .*missing\.txt: ", result.stderr)
    assert out.read_text("utf-8").count("\n") == 1
