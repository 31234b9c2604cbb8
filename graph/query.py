"""The analyst's queries in `queries/*.cypher`: list them, load one, fill its parameters, run it.

A query file starts with a header that Neo4j Browser can take as it is:

    // Person profile                               <- the title (first comment line)
    //
    // What it answers ...                           <- the description (the other comment lines)
    :param name => 'Trần Minh Đức';                  <- example parameters, also the defaults

    MATCH (p:Person) ...                             <- one Cypher statement using $name

Queries run in a READ transaction unless `write=True`, and come back as plain data: each record
a dict, nodes, relationships and paths turned into dicts and lists (see `plain`).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, Iterable, Mapping

import neo4j
from neo4j.exceptions import ClientError, Neo4jError, ServiceUnavailable, SessionExpired

from graph.errors import QueryError, ServerError

SUFFIX = ".cypher"
PARAM_LINE = re.compile(r"^\s*:param\s+([A-Za-z_][A-Za-z0-9_]*)\s*(?:=>|:)\s*(.*?)\s*;?\s*$")
PARAM_USE = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")


@dataclass(frozen=True)
class Query:
    """One query file: its title and description, the statement, and its example parameters."""

    name: str  # file name without `.cypher`
    path: str
    title: str
    description: str
    text: str  # the statement alone, without header `:param` lines or a final `;`
    defaults: dict[str, Any] = field(default_factory=dict)  # from the header's `:param` lines
    parameters: tuple[str, ...] = ()  # every $name the statement uses, in order of first use

    def params(self, given: Mapping[str, Any] | None = None) -> dict[str, Any]:
        """The defaults overridden by `given`; raises QueryError for unknown or missing names."""
        given = dict(given or {})
        unknown = [k for k in given if k not in self.parameters]
        if unknown:
            takes = ", ".join(self.parameters) or "no parameters"
            raise QueryError(f"query {self.name!r} has no parameter ${unknown[0]} (it takes: {takes})")
        params = {**{k: v for k, v in self.defaults.items() if k in self.parameters}, **given}
        missing = [k for k in self.parameters if k not in params]
        if missing:
            raise QueryError(f"query {self.name!r} needs parameter ${missing[0]} — pass "
                             f"--param {missing[0]}=VALUE (or add `:param {missing[0]} => …;` to its header)")
        return params


# --- finding and reading query files ---------------------------------------------------------

def query_dir() -> Path:
    """The folder of the project's query files."""
    return Path(str(resources.files("queries")))


def list_queries() -> list[Query]:
    """Every query in `queries/`, by name."""
    return [parse(p.read_text("utf-8"), name=p.stem, path=str(p))
            for p in sorted(query_dir().glob(f"*{SUFFIX}"))]


def load(name_or_path: str | Path) -> Query:
    """A query by name (`person_profile`) or by the path of any `.cypher` file."""
    text = str(name_or_path)
    path = Path(text)
    if path.suffix == SUFFIX or path.parent != Path("."):
        if not path.is_file():
            raise QueryError(f"no query file {text} — check the path, or run `kg query --list` for "
                             f"the built-in queries")
    else:
        path = query_dir() / f"{text}{SUFFIX}"
        if not path.is_file():
            known = [q.stem for q in sorted(query_dir().glob(f"*{SUFFIX}"))]
            close = [k for k in known if text.lower() in k or k in text.lower()]
            hint = f" — did you mean {close[0]}?" if close else ""
            raise QueryError(f"no query named {text!r}{hint} (see `kg query --list`, or give a "
                             f"path to a .cypher file)")
    try:
        source = path.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise QueryError(f"cannot read {path}: {error} — give a UTF-8 text file of Cypher") from None
    return parse(source, name=path.stem, path=str(path))


def parse(source: str, name: str = "query", path: str = "") -> Query:
    """A query from the text of a file (header comments, `:param` lines, one statement)."""
    source = unicodedata.normalize("NFC", source)
    comments: list[str] = []
    defaults: dict[str, Any] = {}
    body: list[str] = []
    in_header = True
    for number, line in enumerate(source.splitlines(), 1):
        stripped = line.strip()
        if in_header and stripped.startswith("//") and stripped[2:].lstrip().startswith(":param"):
            stripped = line = stripped[2:].lstrip()  # `// :param …` in the header: an example too
        if stripped.startswith(":param"):
            match = PARAM_LINE.match(line)
            if not match:
                raise QueryError(f"{path or name}:{number}: cannot read {stripped!r} — write "
                                 f"`:param name => 'value';`")
            try:
                defaults[match[1]] = parse_literal(match[2])
            except ValueError as error:
                raise QueryError(f"{path or name}:{number}: the value of :param {match[1]} is not "
                                 f"a Cypher literal ({error}) — use e.g. 'text', 10, true or [1, 2]") from None
            continue
        if stripped.startswith(":"):
            raise QueryError(f"{path or name}:{number}: only `:param` Browser commands are allowed "
                             f"in a query file, not {stripped.split()[0]}")
        if in_header and (stripped.startswith("//") or not stripped):
            comments.append(stripped[2:].strip() if stripped else "")
            continue
        in_header = False
        body.append(line)
    text = "\n".join(body).strip()
    if text.endswith(";"):
        text = text[:-1].rstrip()
    if not text:
        raise QueryError(f"{path or name} holds no Cypher statement — write one after the header")
    if ";" in _code_only(text):
        raise QueryError(f"{path or name} holds more than one statement — keep one per file")
    lines = [c for c in comments]
    while lines and not lines[0]:
        lines.pop(0)
    title = lines.pop(0) if lines else name.replace("_", " ")
    description = "\n".join(lines).strip()
    used: list[str] = []
    for param in PARAM_USE.findall(_code_only(text)):
        if param not in used:
            used.append(param)
    return Query(name=name, path=path, title=title, description=description, text=text,
                 defaults=defaults, parameters=tuple(used))


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


# --- parameter values ------------------------------------------------------------------------

def parse_literal(text: str) -> Any:
    """A Cypher literal as Browser's `:param` takes it: 'text', "text", 12, 1.5, true, null, [..], {..}."""
    value, rest = _literal(text.strip())
    if rest.strip():
        raise ValueError(f"unexpected {rest.strip()[:20]!r}")
    return value


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


def parse_value(text: str, example: Any = None) -> Any:
    """A `--param` value: shaped like the query's example value when there is one.

    Text examples keep the value as text; number examples need a number; otherwise whole numbers
    become ints, `true`/`false` booleans, and quoted text, lists and maps are read as Cypher literals.
    """
    raw = unicodedata.normalize("NFC", text)
    stripped = raw.strip()
    if stripped[:1] in ("'", '"', "[", "{"):
        try:
            return parse_literal(stripped)
        except ValueError:
            if stripped[:1] in "[{":
                raise
    if isinstance(example, str):
        return raw
    if isinstance(example, bool):
        if stripped.lower() in ("true", "false"):
            return stripped.lower() == "true"
        raise ValueError("expects true or false")
    if re.fullmatch(r"-?\d+", stripped):
        return int(stripped)
    if isinstance(example, int):
        raise ValueError("expects a whole number")
    if re.fullmatch(r"-?\d+\.\d*([eE][-+]?\d+)?", stripped):
        return float(stripped)
    if isinstance(example, float):
        raise ValueError("expects a number")
    if stripped.lower() in ("true", "false"):
        return stripped.lower() == "true"
    if stripped.lower() == "null":
        return None
    return raw


def parse_params(pairs: Iterable[str], query: Query | None = None) -> dict[str, Any]:
    """`["name=Trần Minh Đức", "limit=10"]` → `{"name": "Trần Minh Đức", "limit": 10}`."""
    out: dict[str, Any] = {}
    defaults = query.defaults if query else {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        key = key.strip().lstrip("$")
        if not sep or not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", key):
            raise QueryError(f"--param {pair!r} is not key=value — write e.g. --param name='Trần Minh Đức'")
        try:
            out[key] = parse_value(value, defaults.get(key))
        except ValueError as error:
            raise QueryError(f"--param {key}={value!r}: {error}; the example is "
                             f"{defaults.get(key)!r}") from None
    return out


# --- running -----------------------------------------------------------------------------------

@dataclass
class Result:
    """What a query returned: the column names and the driver's records (graph objects intact)."""

    query: Query
    keys: list[str]
    records: list[neo4j.Record]

    @property
    def rows(self) -> list[dict[str, Any]]:
        return [{k: plain(record[k]) for k in self.keys} for record in self.records]


def execute(store, query: Query | str, params: Mapping[str, Any] | None = None,
            write: bool = False) -> Result:
    """Run a query (a `Query`, a name or a path) on `store`; READ transaction unless `write`."""
    if not isinstance(query, Query):
        query = load(query)
    values = query.params(params)

    def work(tx):
        result = tx.run(query.text, values)
        records = list(result)
        return list(result.keys()), records

    try:
        with store.driver.session(database=store.database) as session:
            keys, records = (session.execute_write(work) if write else session.execute_read(work))
    except (ServiceUnavailable, SessionExpired):
        raise ServerError(f"lost the connection to Neo4j at {store.uri or 'the server'} — check it "
                          f"with `kg server status` and run the query again") from None
    except Neo4jError as error:
        raise query_error(query, error) from None
    return Result(query, keys, records)


def run(store, query: Query | str, params: Mapping[str, Any] | None = None,
        write: bool = False) -> list[dict[str, Any]]:
    """Run a query and return its rows as plain dicts (see `execute` and `plain`)."""
    return execute(store, query, params, write).rows


def explain(store, query: Query | str) -> list[str]:
    """Have the server plan the query without running it; returns its column names."""
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
        return QueryError(f"query {query.name!r} writes to the graph — run it again with --write "
                          f"(write=True) if that is what you want")
    if code.endswith("SyntaxError"):
        first = (error.message or "").strip().splitlines()[0] if error.message else message
        return QueryError(f"Cypher syntax error in {where}: {first} — fix the statement (try it in "
                          f"Neo4j Browser)")
    if code.endswith("ParameterMissing"):
        return QueryError(f"query {query.name!r}: {message} — pass it with --param NAME=VALUE")
    if isinstance(error, ClientError):
        return QueryError(f"query {query.name!r} failed: {message} ({code.rsplit('.', 1)[-1]}) — "
                          f"check its parameters and statement")
    return QueryError(f"query {query.name!r} failed on the server: {message} — run it again; if it "
                      f"keeps failing, check the server log")


# --- plain data ----------------------------------------------------------------------------

def plain(value: Any) -> Any:
    """Driver values as plain data: a node is `{"_id", "_labels", **properties}`, a relationship
    `{"_id", "_type", "_start", "_end", **properties}`, a path `{"nodes": [...], "relationships": [...]}`,
    temporal values ISO strings; lists and maps recursively."""
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
