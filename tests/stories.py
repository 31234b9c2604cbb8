"""Texts that tell one story and checks of the stories in a graph, shared by the copies and
bulk tests: exact copies (the same words), near-copies with a controlled overlap (a chain
a ~ b ~ c where a and c are no near-copies), and the invariants every stored story keeps."""
from __future__ import annotations


def exact_copy(text: str) -> str:
    """The same words in other case and spacing: an exact copy once normalised."""
    return "  " + text.upper().replace("\n\n", "\n \n") + "\n"


UNITS = ["Lữ đoàn 171", "Lữ đoàn 172", "Trung đoàn 88", "Sư đoàn 5", "Bộ Chỉ huy Quân sự tỉnh Long An",
         "Học viện Hải quân", "Trường Sĩ quan Thông tin", "Cục Quân khí", "Cục Xe - Máy", "Cục Kỹ thuật Binh chủng",
         "Nhà máy Z111", "Nhà máy Z125", "Viện Kỹ thuật Hải quân", "Bộ Tư lệnh Vùng 2 Hải quân",
         "Cục Quân y", "Cục Doanh trại"]
NAMES = ["Trần Quốc An", "Lê Minh Bảo", "Phạm Đức Chung", "Vũ Hữu Dũng", "Đỗ Thành Được", "Bùi Văn Giáp",
         "Ngô Quang Hải", "Hồ Sĩ Khánh", "Đặng Công Lâm", "Dương Văn Mạnh", "Lý Trọng Nghĩa", "Tạ Quốc Phong",
         "Mai Xuân Quyết", "Đinh Văn Sáng", "Trịnh Minh Tâm", "Lương Hữu Vinh"]


def paragraph(i: int) -> str:
    """A paragraph of its own (no five words in a row shared with another), naming one officer."""
    return (f"Phát biểu tại hội nghị, Đại tá {NAMES[i]}, Chỉ huy trưởng {UNITS[i]}, báo cáo kết quả "
            f"đợt {i + 1} huấn luyện bắn đạn thật với {37 + 11 * i} lượt xe và {120 + 7 * i} cán bộ "
            f"tham gia, bảo đảm an toàn tuyệt đối trong mọi khâu số {i}.")


def story_text(first: int, last: int) -> str:
    return "Sáng 15/1/2025, tại Hà Nội, diễn ra hội nghị rút kinh nghiệm huấn luyện.\n\n" + \
        "\n\n".join(paragraph(i) for i in range(first, last)) + "\n"


# --- in the graph ---------------------------------------------------------------------------------

def rows(store, text: str, **params) -> list[dict]:
    with store.driver.session(database=store.database) as session:
        return session.run(text, **params).data()


def documents(store) -> dict[str, dict]:
    return {r["key"]: r for r in rows(store, "MATCH (d:Document) RETURN d.key AS key, d.sources AS "
                                             "sources, d.copies AS copies")}


def links(store) -> set[tuple[str, str]]:
    return {(r["a"], r["b"]) for r in rows(
        store, "MATCH (a:Document)-[:SAME_STORY]->(b:Document) RETURN a.key AS a, b.key AS b")}


def check_stories(store) -> dict[str, str]:
    """Every document's `story` is the smallest key of its group of near-copies, and every
    entity's and relationship's `document_count` counts the stories behind it; returns the
    stories."""
    docs = rows(store, "MATCH (d:Document) RETURN d.key AS key, d.story AS story, "
                       "[(d)-[:SAME_STORY]-(o:Document) | o.key] AS linked")
    group = {d["key"]: {d["key"]} for d in docs}
    for d in docs:
        for other in d["linked"]:
            merged = group[d["key"]] | group[other]
            for key in merged:
                group[key] = merged
    stories = {d["key"]: d["story"] for d in docs}
    assert stories == {key: min(members) for key, members in group.items()}
    for e in rows(store, "MATCH (e)<-[:MENTIONS]-(d:Document) RETURN e.key AS key, e.document_count AS n, "
                         "collect(d.key) AS docs"):
        assert e["n"] == len({stories[d] for d in e["docs"]}), e
    for r in rows(store, "MATCH ()-[r]->() WHERE r.key IS NOT NULL MATCH (d:Document)-[:STATES]->"
                         "(:Evidence {fact: r.key}) RETURN r.key AS key, r.document_count AS n, "
                         "collect(d.key) AS docs"):
        assert r["n"] == len({stories[d] for d in r["docs"]}), r
    return stories
