"""The store against the real Neo4j: idempotent, incremental, traceable."""
from __future__ import annotations

import pytest

from graph import cypher
from tests.graphs import dump, hand_extraction

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
