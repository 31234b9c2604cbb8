"""Interactive HTML network views of the graph (pyvis / vis-network), self-contained and offline.

`build` turns what a query returns — nodes, relationships, paths — or a preset (a person's or an
agency's neighbourhood, the whole graph) into a `Network`; `render` writes it as one HTML file with
vis-network's JavaScript inlined, so it opens without a network connection and makes no request.

Everything that comes from documents (names, sentences) reaches the page only as JSON data that the
page's script reads, and tooltips are HTML-escaped here: a `<script>` in an article stays text.
"""
from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, Iterable

import neo4j
from pyvis.network import Network as PyvisNetwork

from graph import query as queries
from graph.errors import QueryError
from graph.model import NODE_LABELS

DEFAULT_LIMIT = 300
TOOLTIP_SENTENCES = 3
MAX_SENTENCE = 400

# Colour and shape per label; graph/style/browser.grass uses the same colours in Neo4j Browser.
STYLE: dict[str, tuple[str, str]] = {
    "Person": ("#4C8EDA", "dot"),
    "Agency": ("#F79767", "diamond"),
    "Meeting": ("#57C7E3", "triangle"),
    "Resolution": ("#C990C0", "square"),
    "Program": ("#8DCC93", "star"),
    "Rank": ("#FFC454", "hexagon"),
    "Document": ("#A5ABB6", "box"),
    "Evidence": ("#E4E6EA", "box"),
}
OTHER_STYLE = ("#D9D9D9", "ellipse")
# A person with a rank: the rank under the name, and a border in the Rank colour.
RANKED_BORDER = "#C9971C"
LANGUAGES = ("vi", "en")
EDGE_COLOURS = {"HOLDS_POSITION": "#F79767", "HAS_RANK": "#E0B040", "CHAIRED": "#2F6FB8",
                "ATTENDED": "#7FA8D8", "SPOKE_AT": "#5B8FC9", "SIGNED": "#5FAF68",
                "ISSUED": "#A86FA0", "ORGANIZED": "#D9825A", "PART_OF": "#C27A52",
                "IMPLEMENTS": "#9C78B8", "MENTIONS": "#C8CCD2", "TOGETHER": "#9AA0A8"}

# Physics for a few hundred nodes: ForceAtlas2 spreads clusters apart, strong damping settles
# quickly, and the page turns physics off once stable so the drawing stays still while read.
OPTIONS: dict[str, Any] = {
    "physics": {
        "solver": "forceAtlas2Based",
        "forceAtlas2Based": {"gravitationalConstant": -60, "centralGravity": 0.012,
                             "springLength": 110, "springConstant": 0.06, "damping": 0.6,
                             "avoidOverlap": 0.6},
        "maxVelocity": 60, "minVelocity": 0.75,
        "stabilization": {"enabled": True, "iterations": 600, "updateInterval": 50, "fit": True},
    },
    "nodes": {"borderWidth": 1.5, "font": {"size": 15, "face": "Segoe UI, Roboto, Noto Sans, sans-serif",
                                           "strokeWidth": 4, "strokeColor": "#ffffff"},
              "scaling": {"min": 12, "max": 42, "label": {"enabled": True, "min": 14, "max": 24,
                                                          "drawThreshold": 5}}},
    "edges": {"width": 1.4, "arrows": {"to": {"enabled": True, "scaleFactor": 0.55}},
              "smooth": {"enabled": True, "type": "continuous", "roundness": 0.35},
              "font": {"size": 11, "align": "middle", "color": "#4a4f57", "strokeWidth": 3,
                       "strokeColor": "#ffffff"},
              "selectionWidth": 2.5},
    "interaction": {"hover": True, "tooltipDelay": 120, "navigationButtons": False,
                    "keyboard": {"enabled": True, "bindToWindow": False}, "hideEdgesOnDrag": True},
}


@dataclass
class Network:
    """Nodes and edges to draw, by element id, and why the drawing may be incomplete."""

    nodes: dict[str, dict[str, Any]] = field(default_factory=dict)
    edges: dict[str, dict[str, Any]] = field(default_factory=dict)
    title: str = "Knowledge graph"
    limit: int = DEFAULT_LIMIT
    total: int | None = None  # nodes that would have been drawn without the cap
    dropped: int = 0  # nodes left out because of the cap
    ranks: bool = False  # draw Rank nodes (else a person's rank is shown on the person)
    lang: str = "vi"  # "en": ranks, positions and agencies labelled in English where known

    @property
    def capped(self) -> bool:
        return self.dropped > 0 or (self.total is not None and self.total > len(self.nodes))

    @property
    def message(self) -> str:
        """'' or a sentence saying that the drawing was capped."""
        if not self.capped:
            return ""
        total = self.total if self.total is not None else len(self.nodes) + self.dropped
        return (f"Showing {len(self.nodes)} of {total} nodes (capped at {self.limit}); "
                f"raise --limit or narrow the view with --person, --agency or --query.")

    # --- filling ------------------------------------------------------------------------------

    def add_node(self, node: neo4j.graph.Node) -> bool:
        """Add a node unless the cap is reached; True when it is (now) in the network."""
        if node.element_id in self.nodes:
            return True
        if "Rank" in node.labels and not self.ranks:
            return False
        if len(self.nodes) >= self.limit:
            self.dropped += 1
            return False
        labels = sorted(node.labels)
        label = next((l for l in NODE_LABELS if l in labels), labels[0] if labels else "")
        self.nodes[node.element_id] = {"label": label, "props": dict(node.items())}
        return True

    def add_relationship(self, rel: neo4j.graph.Relationship) -> None:
        start, end = rel.start_node, rel.end_node
        if start is None or end is None:
            return
        for node in (start, end):
            if node.element_id not in self.nodes and node.labels:
                self.add_node(node)
        if start.element_id in self.nodes and end.element_id in self.nodes:
            self.edges[rel.element_id] = {"type": rel.type, "source": start.element_id,
                                          "target": end.element_id, "props": dict(rel.items())}

    def add_value(self, value: Any) -> None:
        """Add every node, relationship and path found in a query value (lists and maps too)."""
        for node, rel in _graph_objects(value):
            if node is not None:
                self.add_node(node)
            else:
                self.add_relationship(rel)

    def add_record(self, record: neo4j.Record) -> None:
        """Add a row's graph objects; a row of exactly two nodes and nothing linking them (e.g.
        `people-network`) is drawn as an undirected 'together' edge carrying the row's values."""
        found = list(_graph_objects(list(record.values())))
        for node, rel in found:
            if node is not None:
                self.add_node(node)
            else:
                self.add_relationship(rel)
        nodes = list(dict.fromkeys(n.element_id for n, _ in found if n is not None))
        if len(nodes) == 2 and not any(r is not None for _, r in found) and all(n in self.nodes for n in nodes):
            facts = {k: v for k, v in record.items() if not _has_graph_object(v)}
            edge_id = "together:" + ":".join(sorted(nodes))
            self.edges[edge_id] = {"type": "TOGETHER", "source": nodes[0], "target": nodes[1],
                                   "props": {k: queries.plain(v) for k, v in facts.items()},
                                   "undirected": True}

    # --- output -------------------------------------------------------------------------------

    def degree(self) -> dict[str, int]:
        counts = dict.fromkeys(self.nodes, 0)
        for edge in self.edges.values():
            counts[edge["source"]] += 1
            counts[edge["target"]] += 1
        return counts

    def counts(self) -> dict[str, int]:
        """Nodes per label, in schema order."""
        out: dict[str, int] = {}
        for node in self.nodes.values():
            out[node["label"]] = out.get(node["label"], 0) + 1
        order = {label: i for i, label in enumerate(STYLE)}
        return dict(sorted(out.items(), key=lambda kv: order.get(kv[0], 99)))


def _graph_objects(value: Any) -> Iterable[tuple[Any, Any]]:
    if isinstance(value, neo4j.graph.Node):
        yield value, None
    elif isinstance(value, neo4j.graph.Relationship):
        yield None, value
    elif isinstance(value, neo4j.graph.Path):
        for node in value.nodes:
            yield node, None
        for rel in value.relationships:
            yield None, rel
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _graph_objects(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _graph_objects(item)


def _has_graph_object(value: Any) -> bool:
    return any(True for _ in _graph_objects(value))


# --- building from the database -----------------------------------------------------------------

def build(store, *, query: str | None = None, params: dict[str, Any] | None = None,
          person: str | None = None, agency: str | None = None, hops: int = 1,
          limit: int = DEFAULT_LIMIT, ranks: bool = False, lang: str = "vi") -> Network:
    """A network from a query (library name or file; whatever nodes, relationships and paths it
    returns), or the neighbourhood of a person or an agency up to `hops` steps along stated facts,
    or — with none of these — the most-mentioned `limit` entities of the whole graph.

    Rank nodes are left out unless `ranks`: a person's latest rank is shown on the person (label,
    tooltip, border colour). `lang="en"` labels ranks, positions and agencies in English."""
    if limit < 1:
        raise QueryError("--limit must be at least 1")
    if sum(x is not None for x in (query, person, agency)) > 1:
        raise QueryError("give one of --query, --person or --agency")
    if lang not in LANGUAGES:
        raise QueryError(f"--lang {lang}: use vi or en")
    network = Network(limit=limit, ranks=ranks, lang=lang)
    if query is not None:
        q = queries.load(query)
        _, recs = queries.records(store, q, params or {})
        for record in recs:
            network.add_record(record)
        network.title = q.title or q.name
    elif person is not None or agency is not None:
        label, name = ("Person", person) if person is not None else ("Agency", agency)
        _neighbourhood(store, network, label, name, hops)
    else:
        _, recs = queries.records(store, queries.load("whole-graph"), {"limit": limit, "ranks": ranks})
        for record in recs:
            network.add_value([record["n"], record["r"], record["m"]])
            network.total = record["total"]
        network.title = "Whole graph" if not network.capped else "Whole graph (most-mentioned entities)"
    _add_details(store, network)
    return network


def _neighbourhood(store, network: Network, label: str, name: str, hops: int) -> None:
    if hops < 0:
        raise QueryError("--hops must be 0 or more")
    seed = queries.find_one(store, label, name)
    network.add_node(seed["e"])
    seeds = [seed]
    network.title = f"{seed['name']} — {hops} hop{'s' if hops != 1 else ''}"
    frontier = [s["key"] for s in seeds]
    seen = set(frontier)
    neighbours = queries.load("neighbours")
    for _ in range(hops):
        if not frontier:
            break
        _, recs = queries.records(store, neighbours, {"keys": frontier, "limit": max(network.limit * 4, 50)})
        nxt = []
        for record in recs:
            network.add_value(record["m"])
            network.add_relationship(record["r"])
            key = record["m"].get("key")
            if key not in seen and record["m"].element_id in network.nodes:
                seen.add(key)
                nxt.append(key)
        frontier = nxt


def _add_details(store, network: Network) -> None:
    keys = sorted({n["props"].get("key") for n in network.nodes.values()
                   if n["label"] != "Document" and n["props"].get("key")})
    if not keys:
        return
    details = {(row["label"], row["key"]): row
               for row in queries.run(store, "entity-details", {"keys": keys}).rows}
    for node in network.nodes.values():
        row = details.get((node["label"], node["props"].get("key")))
        if row:
            node["details"] = row


# --- rendering --------------------------------------------------------------------------------

def _short(text: Any, limit: int = MAX_SENTENCE) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _e(text: Any) -> str:
    return html.escape(_short(text), quote=True)


def rank_of(node: dict[str, Any], lang: str = "vi") -> str:
    """A person's latest rank (in English with `lang="en"` where known), or ""."""
    details = node.get("details") or {}
    ranks = details.get("ranks_en" if lang == "en" else "ranks") or details.get("ranks") or []
    return str(ranks[0]) if node["label"] == "Person" and ranks else ""


def node_name(node: dict[str, Any], lang: str = "vi") -> str:
    props = node["props"]
    if lang == "en" and props.get("name_en"):
        return str(props["name_en"])
    return str(props.get("name") or props.get("title") or props.get("key") or "?")


def node_tooltip(node: dict[str, Any], lang: str = "vi") -> str:
    """The node's tooltip as HTML in which every value from the graph is escaped: the name in
    Vietnamese and, where known, in English; `lang` picks the language of ranks and positions."""
    props, details = node["props"], node.get("details") or {}
    name = props.get("name") or props.get("title") or props.get("key") or "?"
    parts = [f"<b>{_e(name)}</b> <i>{_e(node['label'])}</i>"]
    if props.get("name_en"):
        parts.append(f"English: {_e(props['name_en'])}")
    if node["label"] == "Document":
        for key in ("key", "date", "outlet", "url"):
            if props.get(key):
                parts.append(f"{_e(key)}: {_e(props[key])}")
    else:
        english = lang == "en"
        ranks = [f"{vi} ({en})" if en and en != vi else vi
                 for vi, en in zip(details.get("ranks") or [], details.get("ranks_en") or [])] \
            or details.get("ranks")
        positions = (details.get("positions_en") if english else None) or details.get("positions")
        for heading, values in (("rank", ranks), ("positions", positions)):
            if values:
                parts.append(f"{heading}: " + "; ".join(_e(v) for v in values))
        if props.get("date"):
            parts.append(f"date: {_e(props['date'])}")
        if props.get("mention_count"):
            docs = props.get("document_count") or 0
            parts.append(f"named {_e(props['mention_count'])}× in {_e(docs)} document{'s' if docs != 1 else ''}")
        seen = " – ".join(str(props[k]) for k in ("first_seen", "last_seen") if props.get(k))
        if seen:
            parts.append(f"seen: {_e(seen)}")
        aliases = [a for a in props.get("aliases") or [] if a != name]
        if aliases:
            parts.append("also: " + ", ".join(_e(a) for a in aliases))
    sentences = (details.get("sentences") or [])[:TOOLTIP_SENTENCES]
    listed = "".join(f"<li>{_e(s)}</li>" for s in sentences)
    return "<br>".join(parts) + (f"<ul>{listed}</ul>" if listed else "")


def edge_tooltip(edge: dict[str, Any], names: dict[str, str]) -> str:
    """The edge's tooltip as HTML: type, position, and the evidence sentences, all escaped."""
    props = edge["props"]
    head = f"<b>{_e(names.get(edge['source'], '?'))}</b> {_e(edge['type'])}"
    if props.get("title"):
        english = f" · {_e(props['title_en'])}" if props.get("title_en") else ""
        head += f" ({_e(props['title'])}{english})"
    head += f" <b>{_e(names.get(edge['target'], '?'))}</b>"
    parts = [head]
    if edge["type"] == "TOGETHER":
        parts += [f"{_e(k)}: {_e(queries.cell(v))}" for k, v in props.items()]
        return "<br>".join(parts)
    sentences = props.get("sentences") or []
    docs = props.get("sentence_docs") or []
    dates = props.get("sentence_dates") or []
    if props.get("evidence_count"):
        seen = " – ".join(str(props[k]) for k in ("first_seen", "last_seen") if props.get(k))
        parts.append(f"{props['evidence_count']} sentence(s)" + (f", {_e(seen)}" if seen else ""))
    items = []
    for i, sentence in enumerate(sentences[:TOOLTIP_SENTENCES]):
        source = " · ".join(x for x in (docs[i] if i < len(docs) else "", dates[i] if i < len(dates) else "") if x)
        items.append(f"<li>{_e(sentence)}" + (f" <small>[{_e(source)}]</small>" if source else "") + "</li>")
    if props.get("name") and edge["type"] == "MENTIONS":
        parts.append(f"as: {_e(props['name'])}")
    html_out = "<br>".join(parts)
    return html_out + ("<ul>" + "".join(items) + "</ul>" if items else "")


def to_pyvis(network: Network) -> PyvisNetwork:
    """The network as a pyvis `Network` (styled, with escaped tooltips), e.g. for notebooks."""
    net = PyvisNetwork(height="100%", width="100%", directed=True, cdn_resources="in_line")
    degree = network.degree()
    names = {}
    lang = network.lang
    for node_id, node in network.nodes.items():
        props = node["props"]
        colour, shape = STYLE.get(node["label"], OTHER_STYLE)
        name = node_name(node, lang)
        names[node_id] = name
        size = props.get("mention_count") or degree.get(node_id, 0) or 1
        shown = _short(name, 38)
        rank = "" if network.ranks else rank_of(node, lang)
        if rank:
            shown += "\n" + _short(rank, 38)
        net.add_node(node_id, label=shown, title=node_tooltip(node, lang), shape=shape, value=size)
        border = RANKED_BORDER if rank else _darker(colour)
        # pyvis keeps only a plain colour string; vis-network takes the full colour map.
        net.nodes[-1].update(
            color={"background": colour, "border": border,
                   "highlight": {"background": colour, "border": "#1f2328"},
                   "hover": {"background": colour, "border": "#1f2328"}},
            kind=node["label"])
        if rank:
            net.nodes[-1].update(borderWidth=3.5, rank=rank)
        if node["label"] == "Document":
            net.nodes[-1]["font"] = {"size": 12}
    for edge_id, edge in network.edges.items():
        props = edge["props"]
        label = edge["type"].replace("_", " ").lower()
        if props.get("title"):
            label = _short((props.get("title_en") if lang == "en" else None) or props["title"], 28)
        colour = EDGE_COLOURS.get(edge["type"], "#9AA0A8")
        extra = {"arrows": {"to": {"enabled": False}}, "dashes": True} if edge.get("undirected") else {}
        net.add_edge(edge["source"], edge["target"], id=edge_id, label=label,
                     title=edge_tooltip(edge, names), color={"color": colour, "highlight": "#222222",
                                                             "hover": "#222222"},
                     width=1 + min(int(props.get("evidence_count") or 1), 6) * 0.5, **extra)
    net.options = OPTIONS
    return net


def _darker(colour: str, factor: float = 0.72) -> str:
    r, g, b = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return "#%02x%02x%02x" % (int(r * factor), int(g * factor), int(b * factor))


def _json_for_script(value: Any) -> str:
    """JSON that can sit inside a <script> element: no `<`, `>` or `&` survives literally."""
    text = json.dumps(value, ensure_ascii=False)
    for char, escape in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                         ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(char, escape)
    return text


def _asset(name: str) -> str:
    text = resources.files("pyvis").joinpath("templates", "lib", "vis-9.1.2", name).read_text("utf-8")
    # No source-map lookups: the page must not ask for anything.
    return re.sub(r"[#@] sourceMappingURL=\S+?\.map", "", text)


def render(network: Network) -> str:
    """The network as one self-contained HTML page (vis-network inlined, no external request)."""
    net = to_pyvis(network)
    template = resources.files("graph").joinpath("style", "view.html").read_text("utf-8")
    legend = [{"label": label, "count": n, "colour": STYLE.get(label, OTHER_STYLE)[0],
               "shape": STYLE.get(label, OTHER_STYLE)[1]} for label, n in network.counts().items()]
    ranked = sum(1 for n in net.nodes if n.get("rank"))
    if ranked:
        legend.insert(1, {"label": "Person with a rank: rank under the name, gold border",
                          "count": ranked, "colour": STYLE["Person"][0], "shape": "dot",
                          "border": RANKED_BORDER})
    note = ("Rank nodes: one per rank, linked to people by HAS_RANK" if network.ranks else
            "Rank nodes are hidden (ranks are shown on the people); kg view --ranks draws them")
    data = {"nodes": net.nodes, "edges": net.edges, "options": net.options, "legend": legend,
            "legend_note": note,
            "message": network.message, "title": network.title,
            "summary": f"{len(network.nodes)} nodes · {len(network.edges)} relationships"}
    replacements = {
        "__TITLE__": html.escape(network.title),
        "__VIS_CSS__": _asset("vis-network.css").replace("</", "<\\/"),
        "__VIS_JS__": _asset("vis-network.min.js").replace("</script", "<\\/script"),
        "__DATA__": _json_for_script(data),
    }
    # One pass over the template, so nothing inserted is searched for placeholders again.
    return re.sub("|".join(replacements), lambda m: replacements[m.group(0)], template)


def write(network: Network, path: str | Path) -> Path:
    """Write the page to `path` (parent folders created); returns the path."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(render(network), "utf-8")
    except OSError as error:
        raise QueryError(f"cannot write {path}: {error.strerror} — choose another -o FILE.html") from None
    return path
