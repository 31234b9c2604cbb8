"""The project's own Cypher, kept in `graph/cypher/*.cypher`.

Some statements are written once for every label or relationship type: they hold placeholders
(`__LABEL__`, `__SOURCE__`, `__TARGET__`, `__TYPE__`) that `render` fills from the schema in
`graph.model` only, so no text from a document can become part of a statement.

The statements a load runs for every batch begin with `CYPHER replan=skip`: Neo4j plans them once
and keeps that plan. Otherwise it plans them again whenever the graph's statistics have moved
enough, which happens all through a load that grows the graph; replanning took about a quarter of
the server's CPU in a 10,000-document load. Each of these statements finds what it writes by key
(a unique constraint or an index), so a plan made on a nearly empty graph stays right however big
the graph grows; a test checks that they seek and never scan, even on an empty store.
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources

from graph.model import ENTITY_LABELS, NODE_LABELS, RELATION_TYPES

PLACEHOLDERS = ("__LABEL__", "__SOURCE__", "__TARGET__", "__TYPE__")


@lru_cache(maxsize=None)
def statement(name: str) -> str:
    """The text of `graph/cypher/<name>.cypher`."""
    return resources.files("graph").joinpath("cypher", f"{name}.cypher").read_text("utf-8")


def names() -> list[str]:
    """Every statement file's name, without `.cypher`."""
    folder = resources.files("graph").joinpath("cypher")
    return sorted(p.name[: -len(".cypher")] for p in folder.iterdir() if p.name.endswith(".cypher"))


@lru_cache(maxsize=None)
def render(name: str, label: str = "", source: str = "", target: str = "", type: str = "") -> str:
    """A statement with its placeholders filled; every value must come from the schema."""
    text = statement(name)
    for placeholder, value, allowed in (
        ("__LABEL__", label, NODE_LABELS),
        ("__SOURCE__", source, ENTITY_LABELS),
        ("__TARGET__", target, ENTITY_LABELS),
        ("__TYPE__", type, tuple(RELATION_TYPES)),
    ):
        if placeholder in text:
            if value not in allowed:
                raise ValueError(f"{name}.cypher: {value!r} is not in the schema for {placeholder}")
            text = text.replace(placeholder, value)
    return text


def split_statements(text: str) -> list[str]:
    """Split a file of `;`-terminated statements, dropping `//` comment lines."""
    lines = [ln for ln in text.splitlines() if not ln.lstrip().startswith("//")]
    return [s.strip() for s in "\n".join(lines).split(";") if s.strip()]


def variants(name: str) -> list[str]:
    """Every rendering of a statement the schema allows (used to EXPLAIN them all in tests)."""
    text = statement(name)
    if "__TYPE__" in text:
        return [render(name, source=s, target=t, type=rel)
                for rel, (sources, targets) in RELATION_TYPES.items() for s in sources for t in targets]
    if "__LABEL__" in text:
        return [render(name, label=label) for label in ENTITY_LABELS]
    return split_statements(text) if text.count(";") > 1 else [text]
