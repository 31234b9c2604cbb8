"""`kg load` end to end against the real Neo4j: the samples in, clean graph, same graph on reload,
interrupted loads, export equal to extract."""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time

import pytest

from kg.pipeline import load
from tests.conftest import GOLD, ROOT, SCORER
from tests.graphs import SAMPLES, dump

pytestmark = pytest.mark.neo4j


def kg(*args, env, timeout=300):
    return subprocess.run([sys.executable, "-m", "kg", *args], capture_output=True, text=True,
                          env=env, timeout=timeout, cwd=ROOT)


SAMPLE_DOCUMENTS = 10  # eight files, one of them a JSONL file of two
TEXT_SAMPLES = sorted(SAMPLES.glob("*.txt"))


def facts(jsonl) -> dict:
    """Each document's entities and relations in a JSONL file of the evaluation format, as sets."""
    documents = {}
    for line in jsonl.read_text("utf-8").splitlines():
        record = json.loads(line)
        entities = {(e["label"], e["name"]) for e in record["entities"]}
        relations = {(r["type"], r["source"]["label"], r["source"]["name"], r["target"]["label"],
                      r["target"]["name"], r.get("title", "")) for r in record["relations"]}
        documents[record["doc"]] = (entities, relations)
    return documents


def score(gold, pred) -> dict:
    result = subprocess.run([sys.executable, str(SCORER), str(gold), str(pred), "--json"],
                            capture_output=True, text=True, check=True)
    return json.loads(result.stdout)


def test_samples_load_every_label_and_reload_changes_nothing(store):
    report = load([str(SAMPLES)], store)
    assert (report.loaded, report.failed) == (SAMPLE_DOCUMENTS, 0)
    counts = store.counts()
    for label in ("Document", "Person", "Rank", "Agency", "Resolution", "Program", "Meeting"):
        assert counts["node"].get(label, 0) > 0, label
    for rel in ("MENTIONS", "HAS_RANK", "HOLDS_POSITION", "CHAIRED", "ATTENDED", "ISSUED", "SIGNED"):
        assert counts["relationship"].get(rel, 0) > 0, rel
    first = dump(store)
    again = load([str(SAMPLES)], store)
    assert (again.loaded, again.skipped) == (0, SAMPLE_DOCUMENTS)
    assert dump(store) == first
    forced = load([str(SAMPLES)], store, force=True, batch_size=2)
    assert forced.loaded == SAMPLE_DOCUMENTS
    assert dump(store) == first


def test_every_relationship_has_evidence(store):
    load([str(SAMPLES)], store)
    with store.driver.session(database=store.database) as session:
        rows = session.run("MATCH (s)-[r]->(t) WHERE NOT type(r) IN ['MENTIONS', 'STATES'] "
                           "RETURN r.key AS key, r.evidence_count AS n, r.document_count AS docs, "
                           "r.sentences AS sentences, r.sentence_docs AS sentence_docs, "
                           "r.sentence_spans AS spans, "
                           "COLLECT { MATCH (d:Document)-[:STATES]->(ev:Evidence {fact: r.key}) "
                           "          WHERE (d)-[:MENTIONS]->(s) AND (d)-[:MENTIONS]->(t) "
                           "          RETURN {doc: d.key, sentences: ev.sentences, spans: ev.spans} } "
                           "AS evidence").data()
        texts = {r["key"]: r["text"] for r in session.run("MATCH (d:Document) RETURN d.key AS key, d.text AS text")}
        stray = session.run("MATCH (ev:Evidence) WHERE NOT ()-[:STATES]->(ev) "
                            "OR NOT EXISTS { MATCH ()-[r {key: ev.fact}]->() } RETURN count(ev) AS n").single()["n"]
    assert rows and stray == 0
    for row in rows:
        assert row["evidence"] and row["docs"] == len(row["evidence"])
        assert row["n"] == sum(len(e["sentences"]) for e in row["evidence"]) > 0
        entries = set()
        for e in row["evidence"]:
            assert len(e["sentences"]) == len(e["spans"])
            for sentence, span in zip(e["sentences"], e["spans"]):
                start, end = map(int, span.split(":"))
                assert texts[e["doc"]][start:end].strip() == sentence.strip()
                entries.add((e["doc"], sentence, span))
        # the relationship's own sample is a part of that evidence
        assert 0 < len(row["sentences"]) <= 3
        assert set(zip(row["sentence_docs"], row["sentences"], row["spans"])) <= entries


def test_export_equals_extract(store, tmp_path, env_for_cli):
    extracted, exported = tmp_path / "extract.jsonl", tmp_path / "export.jsonl"
    assert kg("extract", str(SAMPLES), "-o", str(extracted), env=env_for_cli).returncode == 0
    assert kg("load", str(SAMPLES), env=env_for_cli).returncode == 0
    assert kg("export", "-o", str(exported), env=env_for_cli).returncode == 0
    assert len(facts(exported)) == SAMPLE_DOCUMENTS
    assert facts(exported) == facts(extracted)


def test_the_gold_scores_the_loaded_graph_as_the_extraction(store, seeds, tmp_path, env_for_cli):
    """Scoring against the hand-made gold of the seeds (../shared): skipped without it."""
    extracted, exported = tmp_path / "extract.jsonl", tmp_path / "export.jsonl"
    assert kg("extract", str(seeds), "-o", str(extracted), env=env_for_cli).returncode == 0
    assert kg("load", str(seeds), env=env_for_cli).returncode == 0
    assert kg("export", "-o", str(exported), env=env_for_cli).returncode == 0
    assert score(extracted, exported)["relation"]["micro"]["f1"] == 1.0
    assert score(GOLD, exported)["entity"]["micro"] == score(GOLD, extracted)["entity"]["micro"]


def test_changed_document_and_forget_via_cli(store, tmp_path, env_for_cli):
    folder = tmp_path / "docs"
    shutil.copytree(SAMPLES, folder)
    assert kg("load", str(folder), env=env_for_cli).returncode == 0
    clean = dump(store)
    victim = sorted(folder.iterdir())[0]
    original = victim.read_text("utf-8")
    assert not any(r[1].startswith("Person:hoàng minh khải") for r in clean)
    victim.write_text(original + "\n\nĐại tá Hoàng Minh Khải, Phó Tư lệnh Quân khu 9 dự hội nghị.\n",
                      encoding="utf-8")
    result = kg("load", str(folder), "--json", env=env_for_cli)
    summary = json.loads(result.stdout)
    assert (summary["loaded"], summary["skipped"]) == (1, SAMPLE_DOCUMENTS - 1)
    assert any(r[1].startswith("Person:hoàng minh khải") for r in dump(store))
    victim.write_text(original, encoding="utf-8")
    assert kg("load", str(folder), env=env_for_cli).returncode == 0
    assert dump(store) == clean
    assert kg("forget", victim.name, env=env_for_cli).returncode == 0
    with store.driver.session(database=store.database) as session:
        orphans = session.run("MATCH (e) WHERE NOT e:Document AND NOT e:Evidence AND NOT (e)<-[:MENTIONS]-() "
                              "RETURN count(e) AS n").single()["n"]
        stale = session.run("MATCH ()-[r]->() WHERE $doc IN r.sentence_docs RETURN count(r) AS n",
                            doc=victim.name).single()["n"]
        evidence = session.run("MATCH (ev:Evidence) WHERE NOT ()-[:STATES]->(ev) RETURN count(ev) AS n"
                               ).single()["n"]
    assert orphans == 0 and stale == 0 and evidence == 0


def test_interrupted_load_then_rerun_equals_clean_load(store, tmp_path, env_for_cli):
    folder = tmp_path / "many"
    folder.mkdir()
    for copy in range(40):  # enough documents for the load to be caught mid-way
        for sample in TEXT_SAMPLES:
            (folder / f"{copy:02d}-{sample.name}").write_text(sample.read_text("utf-8"), encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "kg", "load", str(folder), "--batch-size", "5"],
                            env=env_for_cli, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    with store.driver.session(database=store.database) as session:
        while time.monotonic() < deadline:
            n = session.run("MATCH (d:Document) RETURN count(d) AS n").single()["n"]
            if n >= 20:
                break
            time.sleep(0.05)
    proc.send_signal(signal.SIGTERM)
    proc.wait(timeout=60)
    partial = store.counts()["node"].get("Document", 0)
    assert 0 < partial < 40 * len(TEXT_SAMPLES), "the load must be caught in the middle"
    assert kg("load", str(folder), env=env_for_cli).returncode == 0
    rerun = dump(store)
    store.wipe()
    assert kg("load", str(folder), env=env_for_cli).returncode == 0
    assert dump(store) == rerun


def test_older_layout_is_one_line_and_kg_reset_empties_the_graph(store, env_for_cli):
    assert kg("load", str(SAMPLES), env=env_for_cli).returncode == 0
    with store.driver.session(database=store.database) as session:
        session.run("MATCH (d:Document) REMOVE d.layout").consume()
    result = kg("load", str(SAMPLES), env=env_for_cli)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and "kg reset --yes" in result.stderr
    # without --yes and without a terminal to ask on, reset refuses (usage), and deletes nothing
    refused = subprocess.run([sys.executable, "-m", "kg", "reset"], capture_output=True, text=True,
                             env=env_for_cli, cwd=ROOT, stdin=subprocess.DEVNULL, timeout=60)
    assert refused.returncode == 2 and "--yes" in refused.stderr
    assert store.counts()["node"]["Document"] == SAMPLE_DOCUMENTS
    result = kg("reset", "--yes", env=env_for_cli)
    assert result.returncode == 0 and "deleted" in result.stderr
    assert sum(store.counts()["node"].values()) == 0
    assert kg("load", str(SAMPLES), env=env_for_cli).returncode == 0
