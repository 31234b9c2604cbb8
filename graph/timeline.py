"""Offline HTML timelines of a person or an agency, as dated by the articles.

`build` runs `queries/person-timeline.cypher` or `queries/agency-timeline.cypher` for the one
entity a name finds (`graph.query.find_one`) and turns the rows into a `Timeline`: one item per
fact and article (rank, position, meeting; for an agency, the people who held its positions and
the meetings it organized), each with its evidence sentence and document. `render` writes one
self-contained page — a hand-written SVG chart and a table, the script inlined — that makes no
request. Text from documents reaches the page only as JSON data that its script sets as text.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from graph import query as queries
from graph.errors import QueryError
from graph.view import _json_for_script

# Colour per kind of item; the same hues as the network views' relationships.
KINDS: dict[str, tuple[str, str]] = {
    "HAS_RANK": ("#E0B040", "rank"),
    "HOLDS_POSITION": ("#F79767", "position"),
    "CHAIRED": ("#2F6FB8", "chaired"),
    "ATTENDED": ("#7FA8D8", "attended"),
    "SPOKE_AT": ("#5B8FC9", "spoke at"),
    "ORGANIZED": ("#D9825A", "organized"),
}
MEETING_KINDS = ("CHAIRED", "ATTENDED", "SPOKE_AT", "ORGANIZED")
WORDS = {
    "vi": {"date": "Ngày", "lane": "Mục", "what": "Nội dung", "evidence": "Câu dẫn chứng · văn bản",
           "undated": "(không rõ ngày)", "hint": "Rê chuột hoặc bấm vào một mốc để xem câu dẫn chứng.",
           "items": ("mốc", "mốc"), "from": "từ", "documents": ("văn bản", "văn bản"),
           "none_dated": "Không mốc nào có ngày: các văn bản không ghi ngày.",
           "dated_by": {"article": "ngày bài báo", "meeting": "ngày hội nghị",
                        "meeting reported": "ngày hội nghị bài báo tường thuật"}},
    "en": {"date": "Date", "lane": "Lane", "what": "What", "evidence": "Evidence sentence · document",
           "undated": "(undated)", "hint": "Hover over or click an item to see its evidence sentence.",
           "items": ("item", "items"), "from": "from", "documents": ("document", "documents"),
           "none_dated": "No item is dated: the documents give no date.",
           "dated_by": {"article": "article date", "meeting": "meeting date",
                        "meeting reported": "date of the meeting the article reports"}},
}
LANES_EN = {"Rank": "Rank", "Position": "Position", "Meeting": "Meetings",
            "Meetings organized": "Meetings organized"}
LANES_VI = {"Rank": "Cấp bậc", "Position": "Chức vụ", "Meeting": "Hội nghị, cuộc họp",
            "Meetings organized": "Hội nghị do cơ quan tổ chức"}


@dataclass
class Timeline:
    """What a timeline shows: the subject, and its items in date order (undated ones last)."""

    subject: str
    label: str  # Person or Agency
    key: str
    items: list[dict[str, Any]] = field(default_factory=list)

    @property
    def documents(self) -> int:
        return len({item["document"] for item in self.items})


def build(store, *, person: str | None = None, agency: str | None = None) -> Timeline:
    """The timeline of the one person or agency that `person` or `agency` names (key, part of the
    name, with or without diacritics); QueryError when none or several match."""
    if (person is None) == (agency is None):
        raise QueryError("give one of --person NAME or --agency NAME")
    label, name = ("Person", person) if person is not None else ("Agency", agency)
    found = queries.find_one(store, label, name)
    rows = queries.run(store, f"{label.lower()}-timeline", {"key": found["key"]}).rows
    items = sorted(rows, key=lambda r: (r["date"] is None, r["date"] or "", r["lane"], r["label"] or "",
                                        r["document"]))
    return Timeline(subject=found["name"], label=label, key=found["key"], items=items)


def _source(item: dict[str, Any]) -> str:
    title = item.get("document_title") or ""
    date = item.get("document_date") or ""
    return " · ".join(x for x in (item["document"], title, date) if x)


def render(timeline: Timeline, lang: str = "vi") -> str:
    """The timeline as one self-contained HTML page (no external request); `lang` en labels ranks,
    positions and agencies in English where the lexicon has them."""
    if lang not in WORDS:
        raise QueryError(f"--lang {lang}: use vi or en")
    words = WORDS[lang]
    lane_names = LANES_EN if lang == "en" else LANES_VI
    items, lanes = [], []
    for row in timeline.items:
        lane = lane_names.get(row["lane"], row["lane"])  # an agency's lanes are people's names
        if lane not in lanes:
            lanes.append(lane)
        colour, kind = KINDS.get(row["kind"], ("#9AA0A8", row["kind"].lower()))
        label = (row["label_en"] if lang == "en" else row["label"]) or row["label"] or ""
        if row["kind"] in MEETING_KINDS:
            label = f"{kind}: {label}"
        items.append({"date": row["date"] or "", "lane": lane, "label": label, "kind": kind,
                      "colour": colour, "sentence": row["sentence"] or "", "source": _source(row),
                      "dated_by": words["dated_by"].get(row.get("dated_by") or "", "")})
    if timeline.label == "Person":
        order = [lane_names[k] for k in ("Rank", "Position", "Meeting")]
        lanes.sort(key=lambda l: order.index(l) if l in order else len(order))
    kinds = [{"label": kind, "colour": colour} for t, (colour, kind) in KINDS.items()
             if any(r["kind"] == t for r in timeline.items)]
    dates = sorted(i["date"] for i in items if i["date"])
    span = f" · {dates[0]} – {dates[-1]}" if dates else ""
    title = f"{timeline.subject} — {'timeline' if lang == 'en' else 'dòng thời gian'}"
    data = {"title": title, "items": items, "lanes": lanes, "kinds": kinds,
            "undated": words["undated"], "none_dated": words["none_dated"],
            "summary": f"{len(items)} {words['items'][len(items) != 1]} {words['from']} "
                       f"{timeline.documents} {words['documents'][timeline.documents != 1]}{span}"}
    template = resources.files("graph").joinpath("style", "timeline.html").read_text("utf-8")
    replacements = {
        "__LANG__": lang, "__TITLE__": html.escape(title),
        "__HINT__": html.escape(words["hint"]), "__DATE__": html.escape(words["date"]),
        "__LANE__": html.escape(words["lane"]), "__WHAT__": html.escape(words["what"]),
        "__EVIDENCE__": html.escape(words["evidence"]), "__DATA__": _json_for_script(data),
    }
    return re.sub("|".join(replacements), lambda m: replacements[m.group(0)], template)


def write(timeline: Timeline, path: str | Path, lang: str = "vi") -> Path:
    """Write the page to `path` (parent folders created); returns the path."""
    path = Path(path)
    page = render(timeline, lang)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(page, "utf-8")
    except OSError as error:
        raise QueryError(f"cannot write {path}: {error.strerror} — choose another -o FILE.html") from None
    return path
