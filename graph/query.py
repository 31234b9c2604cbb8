"""The query library: the Cypher files in `queries/`, their headers, their parameters, and running
them into plain data.

A query file starts with a header of `//` comment lines, so that it can be pasted into Neo4j
Browser as it is:

    // Person profile                               <- the title (first comment line)
    // What it answers, in a sentence or two.       <- the description (other comment lines)
    // :param name => 'Trần Minh Đức'               <- example parameters, also the defaults

    MATCH (p:Person) ...                            <- one statement using $name

`:param` lines may also be written without `//` (as Browser's own command, ending in `;`); they
are taken out of the statement either way.
"""
from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, Iterable, Mapping

import neo4j
from neo4j.exceptions import Neo4jError, ServiceUnavailable, SessionExpired

from graph.errors import QueryError
from graph.model import fold

SUFFIX = ".cypher"
PARAM_LINE = re.compile(r"^\s*(?://\s*)?:param\s+([A-Za-z_][A-Za-z0-9_]*)\s*(?:=>|:)\s*(.*?)\s*;?\s*$")
PARAM_USE = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")
FORMATS = ("table", "json", "csv")


@dataclass(frozen=True)
class Query:
    """One query file: title and description from its header, the statement, example parameters."""

    name: str  # file name without `.cypher`
    path: str
    text: str  # the statement alone: no `:param` lines, no final `;`
    title: str = ""
    description: str = ""
    defaults: dict[str, Any] = field(default_factory=dict)  # the header's example parameters

    @property
    def parameters(self) -> list[str]:
        """Every `$parameter` the statement uses, in order of first use."""
        return list(dict.fromkeys(PARAM_USE.findall(_code_only(self.text))))

    def params(self, given: Mapping[str, Any] | None = None) -> dict[str, Any]:
        """The defaults overridden by `given`; QueryError for unknown or missing names."""
        given = {k: unicodedata.normalize("NFC", v) if isinstance(v, str) else v
                 for k, v in (given or {}).items()}
        used = self.parameters
        unknown = [k for k in given if k not in used]
        if unknown:
            takes = ", ".join(used) or "no parameters"
            raise QueryError(f"query {self.name} has no parameter {', '.join(unknown)} — it takes: {takes}")
        params = {**{k: v for k, v in self.defaults.items() if k in used}, **given}
        missing = [k for k in used if k not in params]
        if missing:
            raise QueryError(f"query {self.name} needs " + " ".join(f"--param {k}=…" for k in missing)
                             + f" (or a `// :param {missing[0]} => …` line in its header)")
        return params


@dataclass(frozen=True)
class QueryResult:
    """What a query returned: column names and rows of plain data (dicts, lists, str, numbers)."""

    columns: list[str]
    rows: list[dict[str, Any]]


# --- finding and reading query files ---------------------------------------------------------

def parse(source: str, name: str = "query", path: str = "") -> Query:
    """A `Query` from a file's text; QueryError when a `:param` line cannot be read."""
    source = unicodedata.normalize("NFC", source)
    title, description, defaults, body = "", [], {}, []
    in_header = True
    for number, line in enumerate(source.splitlines(), 1):
        stripped = line.strip()
        match = PARAM_LINE.match(line)
        if match:
            try:
                defaults[match.group(1)] = parse_literal(match.group(2))
            except ValueError as error:
                raise QueryError(f"{path or name}:{number}: the value of :param {match.group(1)} is "
                                 f"not a Cypher literal ({error}) — write e.g. "
                                 f"// :param name => 'Trần Minh Đức'") from None
            continue
        if in_header and (stripped.startswith("//") or not stripped):
            prose = stripped.lstrip("/").strip()
            if prose and not title:
                title = prose
            elif prose:
                description.append(prose)
            continue
        if stripped.startswith(":"):
            raise QueryError(f"{path or name}:{number}: only `:param` Browser commands may appear in "
                             f"a query file, not {stripped.split()[0]}")
        in_header = False
        body.append(line)
    text = "\n".join(body).strip()
    if text.endswith(";"):
        text = text[:-1].rstrip()
    if not text:
        raise QueryError(f"{path or name} holds no Cypher statement — write one after the header")
    if ";" in _code_only(text):
        raise QueryError(f"{path or name} holds more than one statement — keep one per file")
    return Query(name=name, path=path, text=text, title=title or name,
                 description=" ".join(description), defaults=defaults)


def _library_files() -> dict[str, Any]:
    folder = resources.files("queries")
    return {p.name[: -len(SUFFIX)]: p for p in folder.iterdir() if p.name.endswith(SUFFIX)}


def library() -> list[Query]:
    """Every query of the library (`queries/*.cypher`), by name."""
    return [parse(p.read_text("utf-8"), name, str(p)) for name, p in sorted(_library_files().items())]


def load(name_or_path: str | Path) -> Query:
    """A library query by name (`person-profile`), or any `.cypher` file by path."""
    text = str(name_or_path)
    files = _library_files()
    if text in files:
        return parse(files[text].read_text("utf-8"), text, str(files[text]))
    path = Path(text).expanduser()
    if path.is_file():
        try:
            source = path.read_text("utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise QueryError(f"cannot read {path}: {error} — give a UTF-8 text file of Cypher") from None
        return parse(source, path.stem, str(path))
    if path.suffix == SUFFIX or "/" in text:
        raise QueryError(f"no query file {text} — check the path, or see `kg query --list`")
    close = [k for k in sorted(files) if text.lower() in k or k in text.lower()
             or k.replace("-", "_") == text.lower()]
    hint = f" — did you mean {close[0]}?" if close else ""
    raise QueryError(f"no query named {text!r}{hint} (see `kg query --list`, or give the path of "
                     f"a .cypher file)")


def _code_only(text: str) -> str:
    """`text` without comments and string literals (so that `$` or `;` inside them do not count)."""
    out, i, n = [], 0, len(text)
    while i < n:
        c = text[i]
        if c in "'\"`":
            j = i + 1
            while j < n and text[j] != c:
                j += 2 if text[j] == "\\" else 1
            i = j + 1
            out.append(" ")
        elif text.startswith("//", i):
            j = text.find("\n", i)
            i = n if j < 0 else j
        elif text.startswith("/*", i):
            j = text.find("*/", i + 2)
            i = n if j < 0 else j + 2
        else:
            out.append(c)
            i += 1
    return "".join(out)



_NUMBER = re.compile(r"-?\d+(\.\d+)?([eE][-+]?\d+)?")
_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f", "\\": "\\", "'": "'", '"': '"'}


def _literal(text: str) -> tuple[Any, str]:
    text = text.lstrip()
    if not text:
        raise ValueError("a value is missing")
    c = text[0]
    if c in "'\"":
        out, i = [], 1
        while i < len(text) and text[i] != c:
            if text[i] == "\\" and i + 1 < len(text):
                out.append(_ESCAPES.get(text[i + 1], text[i + 1]))
                i += 2
            else:
                out.append(text[i])
                i += 1
        if i >= len(text):
            raise ValueError("a quote is not closed")
        return unicodedata.normalize("NFC", "".join(out)), text[i + 1:]
    if c in "[{":
        close = "]" if c == "[" else "}"
        items: list = []
        pairs: dict = {}
        rest = text[1:].lstrip()
        if rest.startswith(close):
            return ([] if c == "[" else {}), rest[1:]
        while True:
            if c == "{":
                word = _WORD.match(rest.lstrip())
                if not word:
                    raise ValueError("a map key is missing")
                rest = rest.lstrip()[word.end():].lstrip()
                if not rest.startswith(":"):
                    raise ValueError("':' is missing after a map key")
                value, rest = _literal(rest[1:])
                pairs[word.group()] = value
            else:
                value, rest = _literal(rest)
                items.append(value)
            rest = rest.lstrip()
            if rest.startswith(","):
                rest = rest[1:]
            elif rest.startswith(close):
                return (items if c == "[" else pairs), rest[1:]
            else:
                raise ValueError(f"'{close}' is missing")
    number = _NUMBER.match(text)
    if number:
        token = number.group()
        return (float(token) if number[1] or number[2] else int(token)), text[number.end():]
    word = _WORD.match(text)
    if word and word.group().lower() in ("true", "false", "null"):
        return {"true": True, "false": False, "null": None}[word.group().lower()], text[word.end():]
    raise ValueError(f"cannot read {text[:20]!r}")



# --- parameter values ------------------------------------------------------------------------

def parse_literal(text: str) -> Any:
    """A Cypher literal as Browser's `:param` takes it: 'text', "text", 12, 1.5, true, null, [..], {..}."""
    value, rest = _literal(text.strip())
    if rest.strip():
        raise ValueError(f"unexpected {rest.strip()[:20]!r}")
    return value


def parse_value(text: str, example: Any = None) -> Any:
    """A `--param` value, shaped like the query's example value when there is one.

    A text example keeps the value as text (`name=08` stays '08'); a number example needs a
    number; a list example takes a Cypher list or comma-separated items. Without an example,
    whole numbers become ints. Text is NFC-normalised.
    """
    raw = unicodedata.normalize("NFC", text)
    stripped = raw.strip()
    if stripped[:1] in "[{" or (stripped[:1] in "'\"" and stripped[-1:] == stripped[:1] and len(stripped) > 1):
        try:
            return parse_literal(stripped)
        except ValueError:
            if stripped[:1] in "[{":
                raise
    if isinstance(example, list):
        return [item.strip() for item in raw.split(",") if item.strip()]
    if isinstance(example, str):
        return raw
    if isinstance(example, bool):
        if stripped.lower() in ("true", "false"):
            return stripped.lower() == "true"
        raise ValueError("expects true or false")
    if re.fullmatch(r"[+-]?\d+", stripped):
        return int(stripped)
    if isinstance(example, int):
        raise ValueError("expects a whole number")
    if re.fullmatch(r"[+-]?\d+\.\d*([eE][-+]?\d+)?", stripped):
        return float(stripped)
    if isinstance(example, float):
        raise ValueError("expects a number")
    if stripped.lower() in ("true", "false"):
        return stripped.lower() == "true"
    return raw


def parse_params(pairs: Iterable[str], query: Query | None = None) -> dict[str, Any]:
    """`--param` pairs (`["name=Trần Minh Đức", "limit=10"]`) as parameters.

    With a query, the result is complete: the header's defaults overridden by the pairs, checked
    against the parameters the statement uses.
    """
    given: dict[str, Any] = {}
    defaults = query.defaults if query else {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        key = key.strip().lstrip("$")
        if not sep or not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", key):
            raise QueryError(f"--param {pair!r} is not key=value — write e.g. --param name='Trần Minh Đức'")
        try:
            given[key] = parse_value(value, defaults.get(key))
        except ValueError as error:
            example = f"; the example is {key}={defaults[key]!r}" if key in defaults else ""
            raise QueryError(f"--param {key}={value}: {error}{example}") from None
    return query.params(given) if query is not None else given


# --- running ----------------------------------------------------------------------------------

def records(store, query: Query | str, params: Mapping[str, Any] | None = None,
            write: bool = False) -> tuple[list[str], list[neo4j.Record]]:
    """Run a query and return its columns and the driver's records (graph objects intact).

    `params` are added to the header's defaults. The query runs in a read transaction; one that
    writes is refused with a one-line QueryError unless `write=True`.
    """
    if not isinstance(query, Query):
        query = load(query)
    values = query.params(params)

    def plan(tx):
        return tx.run("EXPLAIN " + query.text, values).consume().query_type

    def work(tx):
        result = tx.run(query.text, values)
        rows = list(result)
        return list(result.keys()), rows

    try:
        with store.driver.session(database=store.database) as session:
            if not write:
                kind = session.execute_read(plan)
                if kind in ("w", "rw", "s"):
                    raise QueryError(_writes(query, kind))
                return session.execute_read(work)
            return session.execute_write(work)
    except (ServiceUnavailable, SessionExpired):
        raise QueryError(f"lost the connection to Neo4j at {store.uri or 'the server'} — check "
                         f"`kg server status` and run the query again") from None
    except Neo4jError as error:
        raise query_error(query, error) from None


def find_one(store, label: str, name: str) -> dict[str, Any]:
    """The one entity of `label` that `name` names (find-entity: key, or any part of its name or an
    alias, with or without diacritics), as a find-entity row. An exact match wins; a name that
    matches several entities raises a QueryError listing them, one line each. The row's `e` is the
    node itself."""
    def search(text: str) -> list[dict[str, Any]]:
        _, recs = records(store, "find-entity", {"name": text, "label": label})
        return [{**{k: plain(v) for k, v in r.items() if k != "e"}, "e": r["e"]} for r in recs
                if r["label"] == label]
    rows = search(name)
    if not rows and fold(name) != name.strip().lower():
        rows = search(fold(name))
    if not rows:
        raise QueryError(f"no {label.lower()} matches {name!r} — list candidates with "
                         f"`kg query find-entity --param name=…`")
    exact = [r for r in rows if r["exact"]]
    if len(exact) == 1 or len(rows) == 1:
        return (exact or rows)[0]
    shown = exact or rows
    lines = [f"{len(shown)} {label.lower()} entities match {name!r} — give more of the name, or the "
             f"key in quotes:"]
    for r in shown[:20]:
        seen = " – ".join(x for x in (r["first_seen"], r["last_seen"]) if x)
        lines.append(f"  {r['name']}" + (f" ({r['name_en']})" if r.get("name_en") else "")
                     + f"  key: {r['key']!r} · {r['mentions']} mentions" + (f" · {seen}" if seen else ""))
    if len(shown) > 20:
        lines.append(f"  … and {len(shown) - 20} more")
    raise QueryError("\n".join(lines))


def _writes(query: Query, kind: str = "w") -> str:
    what = "changes the schema" if kind == "s" else "writes to the graph"
    return f"query {query.name} {what} — run it with --write (write=True) if that is what you want"


def run(store, query: Query | str, params: Mapping[str, Any] | None = None,
        write: bool = False) -> QueryResult:
    """Run a query (a `Query`, a library name or a file path) and return its rows as plain data."""
    columns, recs = records(store, query, params, write=write)
    return QueryResult(columns, [{c: plain(r[c]) for c in columns} for r in recs])


def explain(store, query: Query | str) -> list[str]:
    """Have the server plan the query with its example parameters; returns its column names."""
    if not isinstance(query, Query):
        query = load(query)
    try:
        with store.driver.session(database=store.database) as session:
            result = session.run("EXPLAIN " + query.text, {k: query.defaults.get(k) for k in query.parameters})
            keys = list(result.keys())
            result.consume()
            return keys
    except Neo4jError as error:
        raise query_error(query, error) from None


def query_error(query: Query, error: Neo4jError) -> QueryError:
    """A server error as a one-line QueryError saying what to do."""
    code = error.code or ""
    message = " ".join((error.message or str(error)).split())
    where = query.path or query.name
    if code.endswith("AccessMode") or "read access mode" in message.lower():
        return QueryError(_writes(query))
    if code.endswith("SyntaxError"):
        first = (error.message or message).strip().splitlines()[0]
        return QueryError(f"Cypher syntax error in {where}: {first} — fix the statement (try it in "
                          f"Neo4j Browser)")
    if code.endswith("ParameterMissing"):
        return QueryError(f"query {query.name}: {message} — pass it with --param NAME=VALUE")
    return QueryError(f"query {query.name} failed: {message[:300]} — check its parameters and "
                      f"statement ({where})")


# --- plain data and output ----------------------------------------------------------------------

def plain(value: Any) -> Any:
    """Driver values as plain data: a node is `{"_id", "_labels", **properties}`, a relationship
    `{"_id", "_type", "_start", "_end", **properties}`, a path `{"nodes": [...], "relationships":
    [...]}`, temporal values ISO strings; lists and maps recursively."""
    if isinstance(value, neo4j.graph.Node):
        return {"_id": value.element_id, "_labels": sorted(value.labels),
                **{k: plain(v) for k, v in value.items()}}
    if isinstance(value, neo4j.graph.Relationship):
        return {"_id": value.element_id, "_type": value.type,
                "_start": value.start_node.element_id if value.start_node is not None else None,
                "_end": value.end_node.element_id if value.end_node is not None else None,
                **{k: plain(v) for k, v in value.items()}}
    if isinstance(value, neo4j.graph.Path):
        return {"nodes": [plain(n) for n in value.nodes],
                "relationships": [plain(r) for r in value.relationships]}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if hasattr(value, "iso_format"):
        return value.iso_format()
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)


def cell(value: Any) -> str:
    """One value as short text for a table or CSV cell."""
    if value is None:
        return ""
    if isinstance(value, dict) and "_labels" in value:
        label = value["_labels"][0] if value["_labels"] else ""
        return f"({label} {value.get('name') or value.get('title') or value.get('key', '')})"
    if isinstance(value, dict) and "_type" in value:
        return f"[{value['_type']}{' ' + value['title'] if value.get('title') else ''}]"
    if isinstance(value, dict) and set(value) == {"nodes", "relationships"}:
        parts = [cell(value["nodes"][0])] if value["nodes"] else []
        for rel, node in zip(value["relationships"], value["nodes"][1:]):
            parts += ["-" + cell(rel) + "-", cell(node)]
        return "".join(parts)
    if isinstance(value, list):
        return "; ".join(cell(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def to_json(result: QueryResult) -> str:
    """The rows as a JSON list of row objects."""
    return json.dumps(result.rows, ensure_ascii=False, indent=2)


def to_csv(result: QueryResult) -> str:
    """The rows as CSV with a header line; lists joined with '; ', graph objects shortened."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(result.columns)
    for row in result.rows:
        writer.writerow([cell(row[c]) for c in result.columns])
    return buffer.getvalue()
