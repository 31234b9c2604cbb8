"""Write the graph for other tools: GraphML (Gephi, yEd) and CSV (one nodes file, one relationships
file). Nodes keep every stored property (English names and dates among them) as attributes."""
from __future__ import annotations

import csv
from pathlib import Path
from typing import Any, Iterable

import networkx as nx


def _value(value: Any) -> Any:
    """GraphML attributes are scalars: lists become `; `-joined text, dates their ISO text."""
    if isinstance(value, (list, tuple)):
        return "; ".join(str(v) for v in value)
    if isinstance(value, (str, int, float, bool)):
        return value
    return str(value)


def build(rows: Iterable[tuple[Any, Any, Any]]) -> nx.MultiDiGraph:
    """`rows` of (node, relationship or None, node or None), as queries/export-graph.cypher returns."""
    graph = nx.MultiDiGraph()

    def add(node) -> str:
        key = f"{list(node.labels)[0]}:{node['key']}"
        graph.add_node(key, label=list(node.labels)[0],
                       **{k: _value(v) for k, v in dict(node).items()})
        return key

    for source, rel, target in rows:
        a = add(source)
        if rel is not None and target is not None:
            b = add(target)
            graph.add_edge(a, b, key=rel.get("key", ""), type=rel.type,
                           **{k: _value(v) for k, v in dict(rel).items() if k != "key"})
    return graph


def write_graphml(graph: nx.MultiDiGraph, path: Path) -> None:
    nx.write_graphml(graph, str(path))


def write_csv(graph: nx.MultiDiGraph, nodes_path: Path, relationships_path: Path) -> None:
    node_fields = sorted({k for _, data in graph.nodes(data=True) for k in data})
    with nodes_path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, ["id"] + node_fields)
        writer.writeheader()
        for node, data in graph.nodes(data=True):
            writer.writerow({"id": node, **data})
    edge_fields = sorted({k for *_, data in graph.edges(data=True) for k in data})
    with relationships_path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, ["source", "target", "key"] + edge_fields)
        writer.writeheader()
        for a, b, key, data in graph.edges(keys=True, data=True):
            writer.writerow({"source": a, "target": b, "key": key, **data})
