"""Shared fixtures: one real Neo4j for the whole session, wiped before each test that uses it.

With NEO4J_URI set, that server is used (its database is wiped!); otherwise the project's managed
server is started in a temporary home on free ports and stopped at the end.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from graph.server import temporary

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "corpus" / "seeds"
GOLD = SHARED / "eval" / "gold-seeds.jsonl"
SCORER = SHARED / "eval" / "kgscore.py"
SAMPLES = ROOT / "samples"
ARTIFACTS = ROOT / "tests" / "artifacts"


@pytest.fixture(scope="session")
def scorer() -> Path:
    """The evaluation scorer (../shared/eval/kgscore.py); tests that score skip without it."""
    if not SCORER.is_file():
        pytest.skip(f"the evaluation scorer is not beside the repository ({SCORER})")
    return SCORER


@pytest.fixture(scope="session")
def seeds(scorer) -> Path:
    """The seed articles, scored against their hand-made gold; skipped without ../shared."""
    if not SEEDS.is_dir() or not GOLD.is_file():
        pytest.skip(f"the seed articles and their gold are not beside the repository ({SEEDS})")
    return SEEDS


@pytest.fixture(scope="session")
def neo4j_settings():
    """Settings of a running real Neo4j server for this test session."""
    with temporary(heap="768m", pagecache="256m") as settings:
        yield settings


@pytest.fixture(scope="session")
def _session_store(neo4j_settings):
    from graph.store import Store

    store = Store.open(neo4j_settings)
    store.apply_schema()
    yield store
    store.close()


@pytest.fixture
def store(_session_store):
    """The session's store, with an empty graph."""
    _session_store.wipe()
    return _session_store


@pytest.fixture
def env_for_cli(neo4j_settings) -> dict[str, str]:
    """Environment that points a `kg` subprocess at the test server."""
    env = dict(os.environ)
    env.update(NEO4J_URI=neo4j_settings.uri, NEO4J_USER=neo4j_settings.user,
               NEO4J_PASSWORD=neo4j_settings.password, NEO4J_DATABASE=neo4j_settings.database)
    return env


def pytest_terminal_summary(terminalreporter):
    """Name how many tests skipped and why, so a clone without ../shared knows what it did not run."""
    skipped = terminalreporter.stats.get("skipped", [])
    if not skipped:
        return
    reasons: dict[str, int] = {}
    for report in skipped:
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
        reason = reason.removeprefix("Skipped: ")
        if "shared" in reason:
            reason = "../shared is not beside the repository (scoring against the hand-made gold)"
        reasons[reason] = reasons.get(reason, 0) + 1
    for reason, count in sorted(reasons.items(), key=lambda item: -item[1]):
        terminalreporter.write_line(f"{count} skipped: {reason}")
