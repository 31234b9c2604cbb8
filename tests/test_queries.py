"""The query library: headers and parameters as tables, EXPLAIN on every file, every query's
example answered sensibly on the samples, read-only by default, and `kg query` output formats."""
from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys

import pytest

from graph import query
from graph.errors import QueryError
from graph.model import MENTIONS, NODE_LABELS, RELATION_TYPES, STATES
from tests.conftest import ROOT
from tests.graphs import load_samples

LIBRARY = {q.name: q for q in query.library()}
REQUIRED = ("person-profile", "agency-profile", "who-chaired-what", "meetings-in-range",
            "resolution-profile", "people-network", "agencies-together", "evidence",
            "shortest-connection", "latest-positions", "duplicates")


# --- headers and parameters (no database) -----------------------------------------------------

def test_library_has_the_analyst_queries_each_with_a_header():
    assert len(LIBRARY) >= 12
    for name in REQUIRED:
        assert name in LIBRARY, name
    for q in LIBRARY.values():
        assert q.title and q.description, q.name
        assert set(q.parameters) <= set(q.defaults), f"{q.name}: every parameter needs an example"
        assert ":param" not in q.text and not q.text.rstrip().endswith(";")


@pytest.mark.parametrize("name", sorted(LIBRARY))
def test_query_files_use_only_schema_labels_and_types(name):
    import re
    text = query._code_only(LIBRARY[name].text)
    labels = set(re.findall(r"[(\s]\w*:([A-Z][A-Za-z]+)", text)) | set(re.findall(r"\bNOT \w+:(\w+)", text))
    types = {t for group in re.findall(r"\[\w*:([A-Z_|]+)", text) for t in group.split("|")}
    types |= {t for group in re.findall(r"-\[:([A-Z_|]+)", text) for t in group.split("|")}
    assert labels <= set(NODE_LABELS), labels - set(NODE_LABELS)
    assert types <= set(RELATION_TYPES) | {MENTIONS, STATES}, types - set(RELATION_TYPES)


HEADER = """// Meetings in a date range
// Meetings between two dates.
// :param from => '2023-01-01'
:param to => "2024-12-31";
// :param limit => 10

MATCH (m:Meeting) WHERE m.date >= $from AND m.date <= $to
RETURN m.name AS meeting, '$not_a_param' AS s // $nor_this
LIMIT $limit;
"""


def test_header_gives_title_description_and_defaults():
    q = query.parse(HEADER, "range")
    assert q.title == "Meetings in a date range"
    assert q.description == "Meetings between two dates."
    assert q.defaults == {"from": "2023-01-01", "to": "2024-12-31", "limit": 10}
    assert q.parameters == ["from", "to", "limit"]
    assert q.text.startswith("MATCH") and q.text.endswith("LIMIT $limit")


@pytest.mark.parametrize("literal, value", [
    ("'Trần Minh Đức'", "Trần Minh Đức"),
    ('"Nghị quyết số 08-NQ/TW"', "Nghị quyết số 08-NQ/TW"),
    ("'it\\'s'", "it's"),
    ("10", 10),
    ("-3", -3),
    ("1.5", 1.5),
    ("true", True),
    ("null", None),
    ("['a', 'b']", ["a", "b"]),
    ("{name: 'x', n: 2}", {"name": "x", "n": 2}),
    ("''", ""),
])
def test_cypher_literals(literal, value):
    assert query.parse_literal(literal) == value


@pytest.mark.parametrize("text, example, value", [
    ("Trần Minh Đức", "x", "Trần Minh Đức"),
    ("08", "x", "08"),                      # a text example keeps digits as text
    ("2024-01-01", "2023-01-01", "2024-01-01"),
    ("25", 100, 25),                         # a number example makes an int
    ("25", None, 25),                        # no example: digits are an int
    ("2.5", None, 2.5),
    ("true", False, True),
    ("a, b", ["x"], ["a", "b"]),             # lists: comma-separated
    ("['a', 'b']", ["x"], ["a", "b"]),       # or a Cypher list
    ("'quoted'", "x", "quoted"),
    ("Tr\u0061\u0300n", "x", "Tr\u00e0n"),   # NFD in, NFC out
])
def test_param_values_follow_the_example(text, example, value):
    assert query.parse_value(text, example) == value


@pytest.mark.parametrize("pairs, message", [
    (["name"], "is not key=value"),
    (["=x"], "is not key=value"),
    (["limit=ten"], "whole number"),
    (["nope=1"], "has no parameter nope"),
])
def test_bad_params_are_one_line_query_errors(pairs, message):
    q = query.parse(HEADER, "range")
    with pytest.raises(QueryError, match=message) as info:
        query.parse_params(pairs, q)
    assert "\n" not in str(info.value)


def test_params_merge_over_defaults_and_missing_ones_are_named():
    q = query.parse(HEADER, "range")
    assert query.parse_params(["to=2023-06-30", "limit=5"], q) == {
        "from": "2023-01-01", "to": "2023-06-30", "limit": 5}
    bare = query.parse("// t\nRETURN $who AS who", "bare")
    with pytest.raises(QueryError, match="needs --param who="):
        query.parse_params([], bare)


@pytest.mark.parametrize("text, message", [
    ("// only a header\n", "no Cypher statement"),
    ("RETURN 1; RETURN 2", "more than one statement"),
    (":param x => nonsense\nRETURN $x", "not a Cypher literal"),
    (":play movies\nRETURN 1", "only `:param`"),
])
def test_malformed_files(text, message):
    with pytest.raises(QueryError, match=message):
        query.parse(text, "bad")


def test_load_by_name_or_path_and_unknown_names(tmp_path):
    assert query.load("person-profile").name == "person-profile"
    path = tmp_path / "mine.cypher"
    path.write_text("// Mine\nRETURN 1 AS one", "utf-8")
    assert query.load(str(path)).title == "Mine"
    with pytest.raises(QueryError, match="did you mean person-profile"):
        query.load("person_profile")
    with pytest.raises(QueryError, match="no query file"):
        query.load(str(tmp_path / "missing.cypher"))


NODE = {"_id": "4:x:1", "_labels": ["Person"], "key": "trần minh đức", "name": "Trần Minh Đức"}
REL = {"_id": "5:x:1", "_type": "HOLDS_POSITION", "_start": "4:x:1", "_end": "4:x:2", "title": "Chủ nhiệm"}
AGENCY = {"_id": "4:x:2", "_labels": ["Agency"], "key": "tổng cục kỹ thuật", "name": "Tổng cục Kỹ thuật"}


@pytest.mark.parametrize("value, text", [
    (None, ""),
    ("x", "x"),
    (3, "3"),
    (True, "true"),
    (["a", "b"], "a; b"),
    (NODE, "(Person Trần Minh Đức)"),
    (REL, "[HOLDS_POSITION Chủ nhiệm]"),
    ({"nodes": [NODE, AGENCY], "relationships": [REL]},
     "(Person Trần Minh Đức)-[HOLDS_POSITION Chủ nhiệm]-(Agency Tổng cục Kỹ thuật)"),
    ({"a": 1}, '{"a": 1}'),
])
def test_cells(value, text):
    assert query.cell(value) == text


def test_json_and_csv_output():
    result = query.QueryResult(["person", "ranks", "n"], [
        {"person": "Trần Minh Đức", "ranks": ["Trung tướng"], "n": 2},
        {"person": 'He said "hi", then left', "ranks": [], "n": None}])
    assert json.loads(query.to_json(result)) == result.rows
    rows = list(csv.reader(io.StringIO(query.to_csv(result))))
    assert rows == [["person", "ranks", "n"], ["Trần Minh Đức", "Trung tướng", "2"],
                    ['He said "hi", then left', "", ""]]


LONG = ("Phó Đô đốc Trần Thanh Hải, Tư lệnh Quân chủng Hải quân và Trung tướng Phạm Đức Thắng, Chủ nhiệm "
        "Tổng cục Công nghiệp quốc phòng đồng chủ trì buổi lễ.")


@pytest.mark.parametrize("width", [60, 80, 120])
def test_tables_fit_the_terminal_one_line_per_row(width):
    from rich.console import Console

    from kg.explore import _table

    result = query.QueryResult(["date", "chair", "meeting", "evidence"], [
        {"date": "2024-03-15", "chair": "Trần Thanh Hải", "meeting": "Lễ bàn giao hai tàu tuần tra cao tốc",
         "evidence": LONG},
        {"date": None, "chair": "Phạm Đức Thắng", "meeting": "[CHAIRED] not markup", "evidence": "hai\ndòng"}])
    console = Console(width=width, record=True, color_system=None)
    console.print(_table(result, "Who chaired what", width))
    lines = console.export_text().splitlines()
    assert max(len(line) for line in lines) <= width
    body = lines[next(i for i, line in enumerate(lines) if line.startswith("┡")) + 1:
                 next(i for i, line in enumerate(lines) if line.startswith("└"))]
    assert len(body) == 2 and body[0].startswith("│ 2024-03-15")  # one line per row
    assert "…" in body[0] and LONG not in "\n".join(lines)  # the long sentence cut with an ellipsis
    assert "hai dòng" in body[1] and "[CH" in body[1]  # shown as text, not read as markup


# --- against the samples in a real Neo4j --------------------------------------------------------

@pytest.fixture(scope="module")
def loaded(_session_store):
    """The session's store holding exactly the project's sample articles (loaded once here)."""
    return load_samples(_session_store)


@pytest.mark.neo4j
@pytest.mark.parametrize("name", sorted(LIBRARY))
def test_every_query_file_explains(loaded, name):
    assert query.explain(loaded, LIBRARY[name])


# (query, extra params, column, a value that must appear in that column of some row)
EXAMPLES = [
    ("export-graph", {}, "n", "Nguyễn Văn Thạch"),
    ("person-profile", {}, "positions", "Thứ trưởng, Bộ Quốc phòng (as of 2024-10-03)"),
    ("person-profile", {"name": "nguyễn văn thạch"}, "ranks", "Thượng tướng"),
    ("person-profile", {"name": "Văn Thạch"}, "person", "Nguyễn Văn Thạch"),
    ("agency-profile", {}, "people", "Chủ nhiệm: Nguyễn Văn Thạch"),
    ("agency-profile", {}, "programs_signed", "Chương trình phối hợp trong nghiên cứu khoa học và đào tạo "
                                              "nguồn nhân lực kỹ thuật giai đoạn 2021-2026"),
    ("who-chaired-what", {}, "chair", "Lương Văn Bình"),
    ("who-chaired-what", {}, "meeting", "Lễ bàn giao hai tàu tuần tra cao tốc"),
    ("meetings-in-range", {}, "date", "2024-11-20"),
    ("meetings-in-range", {}, "chairs", "Tô Minh Trí"),
    ("person-profile", {"name": "nguyen van thach"}, "ranks_en", "Senior Lieutenant General"),
    ("agency-profile", {"name": "tong cuc ky thuat"}, "name_en", "General Department of Technology"),
    ("resolution-profile", {}, "name", "Bộ Chính trị"),
    ("resolution-profile", {"name": "08-nq/tw"}, "kind", "Agency"),
    ("people-network", {}, "person_b", "Nguyễn Văn Thạch"),
    ("agencies-together", {}, "agency_b", "Tổng cục Kỹ thuật"),
    ("evidence", {}, "title", "Chủ nhiệm"),
    ("evidence", {"type": "holds_position"}, "sentence",
     "Trung tướng Nguyễn Văn Thạch, Chủ nhiệm Tổng cục Kỹ thuật và Trung tướng Phan Hồng Quân, "
     "Giám đốc HVKTQS đồng chủ trì hội nghị."),
    ("shortest-connection", {}, "to_person", "Trần Thanh Hải"),
    ("latest-positions", {}, "person", "Bùi Xuân Trường"),
    ("duplicates", {}, "name_b", "Quân khu 9"),
    ("find-entity", {"name": "TỔNG CỤC KỸ THUẬT", "label": "agency"}, "name", "Tổng cục Kỹ thuật"),
    ("find-entity", {"name": "nguyen van thach", "label": "person"}, "name", "Nguyễn Văn Thạch"),
    ("find-entity", {"name": "tong cuc ky thuat"}, "name", "Tổng cục Kỹ thuật"),
    ("neighbours", {}, "m", "Thượng tướng"),
    ("whole-graph", {}, "n", "Nguyễn Văn Thạch"),
    ("entity-details", {}, "positions", "Chủ nhiệm, Tổng cục Kỹ thuật"),
    ("document-facts", {}, "source", "Lê Quang Vinh"),
    ("person-timeline", {}, "label", "Thượng tướng"),
    ("person-timeline", {}, "label_en", "Chairman, General Department of Technology"),
    ("agency-timeline", {}, "lane", "Nguyễn Văn Thạch"),
    ("events-per-month", {}, "kind", "Meeting"),
]


def _contains(value, wanted) -> bool:
    if isinstance(value, list):
        return any(_contains(v, wanted) for v in value)
    if isinstance(value, dict):
        return value.get("name") == wanted or any(_contains(v, wanted) for v in value.values())
    return value == wanted


def test_every_library_query_has_an_example_here():
    assert {name for name, *_ in EXAMPLES} == set(LIBRARY)


@pytest.mark.neo4j
@pytest.mark.parametrize("name, params, column, wanted", EXAMPLES)
def test_examples_answer_on_the_samples(loaded, name, params, column, wanted):
    result = query.run(loaded, name, params)
    assert result.rows, f"{name} returned nothing"
    assert column in result.columns
    assert any(_contains(row[column], wanted) for row in result.rows), \
        [row[column] for row in result.rows]
    json.dumps(result.rows)  # plain data all the way down


@pytest.mark.neo4j
def test_shortest_connection_is_a_chain_of_stated_facts(loaded):
    row = query.run(loaded, "shortest-connection").rows[0]
    assert row["steps"] == 4
    assert row["path"]["nodes"][0]["name"] == "Nguyễn Văn Thạch"
    assert row["path"]["nodes"][-1]["name"] == "Trần Thanh Hải"
    assert {r["_type"] for r in row["path"]["relationships"]} <= set(RELATION_TYPES) - {"HAS_RANK"}


@pytest.mark.neo4j
def test_whole_graph_counts_every_entity_and_honours_its_limit(loaded):
    counts = loaded.counts()["node"]
    entities = sum(n for label, n in counts.items() if label not in ("Document", "Evidence"))
    rows = query.run(loaded, "whole-graph", {"limit": 10}).rows
    assert {row["total"] for row in rows} == {entities}
    assert len({row["n"]["_id"] for row in rows} | {row["m"]["_id"] for row in rows if row["m"]}) <= 10


@pytest.mark.neo4j
def test_meetings_in_range_respects_the_dates(loaded):
    rows = query.run(loaded, "meetings-in-range", {"from": "2024-11-01", "to": "2024-11-30"}).rows
    assert len(rows) == 1 and rows[0]["date"] == "2024-11-20"
    assert rows[0]["meeting"].startswith("Hội nghị tổng kết 5 năm thi hành")
    assert query.run(loaded, "meetings-in-range", {"from": "2030-01-01", "to": "2030-12-31"}).rows == []


@pytest.mark.neo4j
def test_queries_are_read_only_unless_write(loaded, tmp_path):
    path = tmp_path / "tag.cypher"
    path.write_text("// Tag a person\n// :param name => 'Nguyễn Văn Thạch'\n"
                    "MATCH (p:Person {name: $name}) SET p.reviewed = true RETURN p.name AS person", "utf-8")
    with pytest.raises(QueryError, match="writes to the graph — run it with --write") as info:
        query.run(loaded, str(path))
    assert "\n" not in str(info.value)
    assert query.run(loaded, str(path), write=True).rows == [{"person": "Nguyễn Văn Thạch"}]
    assert query.run(loaded, str(path), write=True).rows  # idempotent tag
    with loaded.driver.session(database=loaded.database) as session:
        session.run("MATCH (p:Person) REMOVE p.reviewed").consume()


@pytest.mark.neo4j
def test_server_errors_are_one_line(loaded, tmp_path):
    path = tmp_path / "broken.cypher"
    path.write_text("// Broken\nMATCH (p:Person RETURN p", "utf-8")
    with pytest.raises(QueryError, match="syntax error") as info:
        query.run(loaded, str(path))
    assert "\n" not in str(info.value)


def kg(*args: str, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kg", *args], capture_output=True, text=True,
                          env=env, timeout=120, cwd=ROOT)


@pytest.mark.neo4j
def test_cli_formats_list_and_errors(loaded, env_for_cli):
    listed = kg("query", "--list", env=env_for_cli)
    assert listed.returncode == 0 and "Who chaired what" in listed.stdout
    as_json = kg("query", "who-chaired-what", "--format", "json", env=env_for_cli)
    assert as_json.returncode == 0, as_json.stderr
    rows = json.loads(as_json.stdout)
    assert isinstance(rows, list) and {"date", "chair", "meeting"} <= set(rows[0])
    as_csv = kg("query", "meetings-in-range", "--param", "from=2024-01-01", "--param", "to=2024-12-31",
                "--format", "csv", env=env_for_cli)
    assert as_csv.returncode == 0, as_csv.stderr
    assert as_csv.stdout.splitlines()[0].startswith("date,meeting")
    table = kg("query", "person-profile", "--param", "name=Nguyễn Văn Thạch", env={**env_for_cli, "COLUMNS": "300"})
    assert table.returncode == 0 and "Thượng tướng" in table.stdout
    # the demo's last table at 80 columns: one line per row, cut cells end in an ellipsis
    chaired = kg("query", "who-chaired-what", env={**env_for_cli, "COLUMNS": "80"})
    assert chaired.returncode == 0, chaired.stderr
    lines = chaired.stdout.splitlines()
    assert max(len(line) for line in lines) <= 80
    assert len([line for line in lines if line.startswith("│ 20")]) == len(rows)  # a line per dated row
    assert "…" in chaired.stdout
    assert any(len(row["evidence"]) > 60 and row["evidence"] not in chaired.stdout for row in rows)
    for args, message in ((["query", "nope"], "no query named"),
                          (["query", "person-profile", "--param", "limit=3"], "has no parameter limit")):
        bad = kg(*args, env=env_for_cli)
        assert bad.returncode == 1 and message in bad.stderr
        assert len(bad.stderr.strip().splitlines()) == 1 and "Traceback" not in bad.stderr
