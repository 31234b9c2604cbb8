"""The store against the real Neo4j: idempotent, incremental, traceable."""
from __future__ import annotations

import concurrent.futures
import threading

import pytest

from graph import cypher
from tests.graphs import dump, hand_extraction, key

pytestmark = pytest.mark.neo4j

TEXT_A = ("Sáng 12/5/2024, Thượng tướng Nguyễn Văn Thạch, Thứ trưởng Bộ Quốc phòng chủ trì hội nghị "
          "tổng kết công tác kỹ thuật. Dự hội nghị có Trung tướng Lê Đình Khang.")
TEXT_B = ("Chiều 20/6/2024, Trung tướng Lê Đình Khang, Chủ nhiệm Tổng cục Kỹ thuật chủ trì "
          "buổi làm việc với Nhà máy Z121.")


def doc_a(text: str = TEXT_A, content_hash: str = ""):
    return hand_extraction(
        "a.txt", text,
        [("Person", "Nguyễn Văn Thạch"), ("Rank", "Thượng tướng"), ("Agency", "Bộ Quốc phòng"),
         ("Meeting", "hội nghị tổng kết công tác kỹ thuật"), ("Person", "Lê Đình Khang"),
         ("Rank", "Trung tướng")],
        [("HAS_RANK", "Person", "Nguyễn Văn Thạch", "Rank", "Thượng tướng"),
         ("HOLDS_POSITION", "Person", "Nguyễn Văn Thạch", "Agency", "Bộ Quốc phòng", "Thứ trưởng"),
         ("CHAIRED", "Person", "Nguyễn Văn Thạch", "Meeting", "hội nghị tổng kết công tác kỹ thuật"),
         ("HAS_RANK", "Person", "Lê Đình Khang", "Rank", "Trung tướng"),
         ("ATTENDED", "Person", "Lê Đình Khang", "Meeting", "hội nghị tổng kết công tác kỹ thuật")],
        date="2024-05-12", content_hash=content_hash)


def doc_b():
    return hand_extraction(
        "b.txt", TEXT_B,
        [("Person", "Lê Đình Khang"), ("Rank", "Trung tướng"), ("Agency", "Tổng cục Kỹ thuật"),
         ("Agency", "Nhà máy Z121"), ("Meeting", "buổi làm việc với Nhà máy Z121")],
        [("HAS_RANK", "Person", "Lê Đình Khang", "Rank", "Trung tướng"),
         ("HOLDS_POSITION", "Person", "Lê Đình Khang", "Agency", "Tổng cục Kỹ thuật", "Chủ nhiệm"),
         ("CHAIRED", "Person", "Lê Đình Khang", "Meeting", "buổi làm việc với Nhà máy Z121")],
        date="2024-06-20")


def test_every_statement_explains(store):
    with store.driver.session(database=store.database) as session:
        for name in cypher.names():
            for text in cypher.variants(name):
                session.run("EXPLAIN " + text).consume()


def _operators(plan) -> list[str]:
    return [plan["operatorType"].split("@")[0]] + [op for child in plan.get("children", [])
                                                   for op in _operators(child)]


def test_a_statement_planned_once_seeks_by_key_even_in_an_empty_store(store):
    """A statement marked `CYPHER replan=skip` keeps the plan made the first time it runs, often on a
    nearly empty graph at the start of a load: that plan must find its nodes and relationships by
    key (index seeks), never by scanning a label or type, or it would slow down as the graph grows."""
    planned_once = [name for name in cypher.names() if "CYPHER replan=skip" in cypher.statement(name)]
    assert {"merge_entities", "merge_relations", "merge_mentions", "finish_entities"} <= set(planned_once)
    with store.driver.session(database=store.database) as session:
        session.run("CALL db.clearQueryCaches()").consume()
        for name in planned_once:
            for text in cypher.variants(name):
                operators = _operators(session.run("EXPLAIN " + text).consume().plan)
                assert not [op for op in operators if "Scan" in op], (name, operators)
                assert any("Seek" in op for op in operators) or "fulltext" in text, (name, operators)


def test_writing_twice_leaves_the_same_graph(store):
    store.write([doc_a(), doc_b()])
    first = dump(store)
    store.write([doc_a(), doc_b()])
    assert dump(store) == first
    store.write([doc_b()])
    store.write([doc_a()])
    assert dump(store) == first


def test_one_node_per_entity_across_documents(store):
    store.write([doc_a(), doc_b()])
    counts = store.counts()
    assert counts["node"]["Person"] == 2
    assert counts["node"]["Rank"] == 2
    assert counts["node"]["Document"] == 2
    # HAS_RANK Khang -> Trung tướng is stated by both documents: one relationship, two evidences.
    with store.driver.session(database=store.database) as session:
        r = session.run("MATCH (:Person {key: 'lê đình khang'})-[r:HAS_RANK]->(:Rank) "
                        "RETURN r.sentence_docs AS docs, r.sentences AS sentences, r.first_seen AS first, "
                        "r.last_seen AS last").single()
        assert r["docs"] == ["b.txt", "a.txt"]  # the most recent first
        assert all("Lê Đình Khang" in s for s in r["sentences"])
        assert (r["first"], r["last"]) == ("2024-05-12", "2024-06-20")
        p = session.run("MATCH (p:Person {key: 'lê đình khang'}) RETURN p").single()["p"]
        assert p["document_count"] == 2 and p["mention_count"] == 2
        assert (p["first_seen"], p["last_seen"]) == ("2024-05-12", "2024-06-20")


def test_changed_document_replaces_its_facts(store):
    store.write([doc_a(), doc_b()])
    changed = TEXT_A.replace("Dự hội nghị có Trung tướng Lê Đình Khang.", "Hội nghị diễn ra tốt đẹp.")
    new_a = hand_extraction(
        "a.txt", changed,
        [("Person", "Nguyễn Văn Thạch"), ("Rank", "Thượng tướng"), ("Agency", "Bộ Quốc phòng"),
         ("Meeting", "hội nghị tổng kết công tác kỹ thuật")],
        [("HAS_RANK", "Person", "Nguyễn Văn Thạch", "Rank", "Thượng tướng"),
         ("CHAIRED", "Person", "Nguyễn Văn Thạch", "Meeting", "hội nghị tổng kết công tác kỹ thuật")],
        date="2024-05-12", content_hash="changed")
    store.write([new_a])
    with store.driver.session(database=store.database) as session:
        assert session.run("MATCH (:Person)-[r:ATTENDED]->() RETURN count(r) AS n").single()["n"] == 0
        assert session.run("MATCH ()-[r:HOLDS_POSITION {title: 'Thứ trưởng'}]->() RETURN count(r) AS n"
                           ).single()["n"] == 0
        r = session.run("MATCH (:Person {key: 'lê đình khang'})-[r:HAS_RANK]->() "
                        "RETURN r.sentence_docs AS d, r.evidence_count AS n, r.document_count AS docs, "
                        "r.first_seen AS first").single()
        assert (r["d"], r["n"], r["docs"], r["first"]) == (["b.txt"], 1, 1, "2024-06-20")
    # The result equals loading the new version into an empty graph.
    after = dump(store)
    store.wipe()
    store.write([doc_b()])
    store.write([new_a])
    assert dump(store) == after


def test_forget_leaves_no_orphan(store):
    store.write([doc_b()])
    alone = dump(store)
    store.write([doc_a()])
    found, stats = store.forget(["a.txt", "missing.txt"])
    assert found == ["a.txt"]
    assert stats.nodes_deleted > 0
    assert dump(store) == alone
    store.forget(["b.txt"])
    assert store.counts() == {"node": {}, "relationship": {}}


def test_hostile_text_is_stored_verbatim(store):
    text = "Đại tá O'Brien \\ \"}) DETACH DELETE n // <script>alert(1)</script> phát biểu."
    ex = hand_extraction("x.txt", text, [("Person", "O'Brien \\ \"}) DETACH DELETE n //")])
    store.write([doc_b(), ex])
    with store.driver.session(database=store.database) as session:
        row = session.run("MATCH (d:Document {key: 'x.txt'})-[:MENTIONS]->(p:Person) "
                          "RETURN d.text AS text, p.name AS name").single()
    assert row["text"] == text
    assert row["name"] == "O'Brien \\ \"}) DETACH DELETE n //"
    assert store.counts()["node"]["Document"] == 2


def test_export_gives_back_what_was_written(store):
    store.write([doc_a()])
    [record] = list(store.export())
    assert record["doc"] == "a.txt"
    names = {(e["label"], e["name"]) for e in record["entities"]}
    assert ("Person", "Nguyễn Văn Thạch") in names and ("Rank", "Thượng tướng") in names
    chaired = [r for r in record["relations"] if r["type"] == "CHAIRED"]
    assert chaired[0]["source"]["name"] == "Nguyễn Văn Thạch"
    assert "chủ trì" in chaired[0]["evidence"][0]["sentence"]
    holds = [r for r in record["relations"] if r["type"] == "HOLDS_POSITION"]
    assert holds[0]["title"] == "Thứ trưởng"


def test_a_graph_in_an_older_layout_is_refused_with_the_fix(store):
    from graph.errors import GraphLayoutError

    store.write([doc_a()])
    store.check_layout()  # its own layout passes
    with store.driver.session(database=store.database) as session:
        session.run("MATCH (d:Document) REMOVE d.layout").consume()  # as the previous layout wrote it
    with pytest.raises(GraphLayoutError, match=r"1 documents \(e\.g\. 'a\.txt'\).*kg reset --yes"):
        store.check_layout()
    with pytest.raises(GraphLayoutError):
        store.forget(["a.txt"])
    store.wipe()
    store.check_layout()


def rank_doc(n: int, date: str):
    """Document n, dated `date`, stating that Lê Đình Khang is a Trung tướng."""
    text = f"Ngày {date}, Trung tướng Lê Đình Khang dự hội nghị số {n}."
    return hand_extraction(f"r{n:02d}.txt", text, [("Person", "Lê Đình Khang"), ("Rank", "Trung tướng")],
                           [("HAS_RANK", "Person", "Lê Đình Khang", "Rank", "Trung tướng")], date=date)


@pytest.mark.parametrize("batches", [
    [[0, 1, 2, 3, 4, 5, 6]],                  # all at once
    [[0], [1], [2], [3], [4], [5], [6]],      # oldest first
    [[6], [5], [4], [3], [2], [1], [0]],      # newest first: later ones never enter the sample
    [[3, 0], [6], [1, 5], [2], [4]],          # mixed, with a tie on the date
])
def test_sample_sentences_are_the_most_recent_whatever_the_order(store, batches):
    dates = ["2023-01-05", "2024-03-01", "2022-07-19", "2024-03-01", "2021-02-02", "2025-06-30",
             "2020-12-12"]
    docs = [rank_doc(n, d) for n, d in enumerate(dates)]
    for batch in batches:
        store.write([docs[i] for i in batch])
    with store.driver.session(database=store.database) as session:
        r = session.run("MATCH (:Person)-[r:HAS_RANK]->(:Rank) RETURN r").single()["r"]
    # latest date first; the tie on 2024-03-01 is broken by document key
    assert r["sentence_docs"] == ["r05.txt", "r01.txt", "r03.txt"]
    assert r["sentence_dates"] == ["2025-06-30", "2024-03-01", "2024-03-01"]
    assert [s.split(",")[0] for s in r["sentences"]] == ["Ngày 2025-06-30", "Ngày 2024-03-01", "Ngày 2024-03-01"]
    assert (r["evidence_count"], r["document_count"]) == (7, 7)
    assert (r["first_seen"], r["last_seen"], r["as_of"]) == ("2020-12-12", "2025-06-30", "2025-06-30")
    # forgetting a document of the sample refills it from the Evidence nodes left
    store.forget(["r05.txt"])
    with store.driver.session(database=store.database) as session:
        r = session.run("MATCH (:Person)-[r:HAS_RANK]->(:Rank) RETURN r").single()["r"]
    assert r["sentence_docs"] == ["r01.txt", "r03.txt", "r00.txt"]
    assert (r["evidence_count"], r["last_seen"]) == (6, "2024-03-01")


def test_a_lock_conflict_is_retried_counted_and_both_writes_land(store):
    """Two writers lock the same two entities in opposite orders, each waiting until the other
    holds its first: a real deadlock. The server rolls one back; it is run again, counted, and
    both writes land."""
    store.write([doc_a()])
    holding = {"Nguyễn Văn Thạch": threading.Event(), "Lê Đình Khang": threading.Event()}

    def writer(first: str, then: str, mark: str):
        def work(tx):
            lock = "MATCH (p:Person {key: $key}) SET p.writers = coalesce(p.writers, []) + $mark"
            tx.run(lock, key=key(first), mark=mark).consume()
            holding[first].set()
            assert holding[then].wait(30), "the other writer never took its first lock"
            tx.run(lock, key=key(then), mark=mark).consume()
        return work

    with concurrent.futures.ThreadPoolExecutor(2) as pool:
        runs = [pool.submit(store._write, writer("Nguyễn Văn Thạch", "Lê Đình Khang", "one")),
                pool.submit(store._write, writer("Lê Đình Khang", "Nguyễn Văn Thạch", "two"))]
        conflicts = sum(run.result(timeout=120)[1] for run in runs)
    assert conflicts >= 1
    with store.driver.session(database=store.database) as session:
        marks = {r["key"]: sorted(r["writers"]) for r in session.run(
            "MATCH (p:Person) RETURN p.key AS key, p.writers AS writers")}
    assert marks == {key("Lê Đình Khang"): ["one", "two"], key("Nguyễn Văn Thạch"): ["one", "two"]}

