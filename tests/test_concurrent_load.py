"""Two `kg load`s at once into one database give the graph of one load after the other.

The two corpora share half of their documents, and the generated news repeats a few popular
generals, ministries and meetings, so the two processes update the same entities and
relationships, and write the same new documents, at the same moment. Both name the shared
documents by the same files, so every property of the graph must agree: the graph stores no load
time or other run-dependent value, and nothing is excluded from the comparison.
"""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from kg.pipeline import load
from tests.conftest import ROOT
from tests.graphs import dump

sys.path.insert(0, str(ROOT / "bench"))

import corpus  # noqa: E402

pytestmark = pytest.mark.neo4j

SHARED, OWN = 200, 200  # documents both loads read, and documents only one of them reads
BATCH = 25  # small windows: many transactions, so the two loads interleave often
# What the Neo4j driver logs when it retries a transaction itself; a user must never see it.
DRIVER_RETRY_TEXT = ("will be retried", "ForsetiClient", "Deadlock")


@pytest.fixture(scope="module")
def corpora(tmp_path_factory) -> tuple[list[str], list[str]]:
    """Two lists of files sharing SHARED documents; each starts with the shared ones, so that
    both loads write the same new documents at the same time."""
    folder = tmp_path_factory.mktemp("concurrent")
    corpus.generate(SHARED + 2 * OWN, folder, seed=11)
    files = sorted(str(p) for p in folder.rglob("*.txt"))
    shared, own_a, own_b = files[:SHARED], files[SHARED:SHARED + OWN], files[SHARED + OWN:]
    return shared + own_a, shared + own_b


def start_load(files: list[str], env: dict[str, str]) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "kg", "load", *files, "--batch-size", str(BATCH),
                             "--json"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=env, cwd=ROOT)


def differences(left: list[tuple], right: list[tuple], limit: int = 5) -> list[str]:
    """The first rows that differ between two dumps, for the failure message."""
    a, b = {(k, i): p for k, i, p in left}, {(k, i): p for k, i, p in right}
    out = [f"only at once: {i}" for i in sorted(a.keys() - b.keys())]
    out += [f"only one after the other: {i}" for i in sorted(b.keys() - a.keys())]
    out += [f"{i}:\n  at once:            {a[i]}\n  one after the other: {b[i]}"
            for i in sorted(a.keys() & b.keys()) if a[i] != b[i]]
    return out[:limit] + ([f"… {len(out) - limit} more"] if len(out) > limit else [])


def test_two_loads_at_once_equal_one_after_the_other(store, corpora, env_for_cli):
    first, second = corpora
    runs = [start_load(files, env_for_cli) for files in (first, second)]
    outputs = [run.communicate(timeout=900) for run in runs]
    for run, (stdout, stderr) in zip(runs, outputs):
        assert run.returncode == 0, stderr[-2000:]
        summary = json.loads(stdout)
        assert (summary["failed"], summary["lock_conflicts"] >= 0) == (0, True)
    at_once = dump(store)

    store.wipe()
    for files in (first, second):
        report = load(files, store)
        assert report.failed == 0
    one_after_the_other = dump(store)

    assert any(kind == "R" for kind, _, _ in one_after_the_other)
    assert at_once == one_after_the_other, "\n".join(differences(at_once, one_after_the_other))
    for stdout, stderr in outputs:
        for text in DRIVER_RETRY_TEXT:
            assert text not in stdout and text not in stderr, stderr[-2000:]
