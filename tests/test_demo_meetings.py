"""The demo graph's events are named as events (GUIDE, "Naming an event"): no Meeting of the
samples is a bare kind (`hội nghị`, `buổi lễ`) or ends in a word that merely follows a name
(`Hội nghị được`, `Triển lãm tổ chức`)."""
from __future__ import annotations

import pytest

from graph.model import Extraction
from loaders import lexicon
from loaders.normalize import fold
from loaders.pipeline import extract_paths
from tests.conftest import ROOT


def not_an_event_name(name: str) -> str:
    """Why `name` is not an event's name, or "" when it may be one."""
    kinds = {fold(w) for w in lexicon.words("meetings.txt") + lexicon.words("event_references.txt")}
    folded = fold(name)
    if folded in kinds:
        return "a bare kind"
    for stop in lexicon.words("stopwords.txt"):
        if folded.endswith(" " + fold(stop)):
            return f"ends in the stop word {stop!r}"
    return ""


@pytest.mark.parametrize("name, why", [
    ("Hội nghị", "a bare kind"),
    ("buổi lễ", "a bare kind"),
    ("Buổi làm việc", "a bare kind"),
    ("Hội nghị được", "ends in the stop word 'được'"),
    ("Triển lãm thành tựu công nghiệp quốc phòng diễn ra", "ends in the stop word 'diễn ra'"),
    ("Hội nghị tổng kết công tác kỹ thuật năm 2024", ""),
    ("Lễ ký kết chương trình phối hợp giữa hai tổng cục", ""),
    ("Kỳ họp thứ 6", ""),
])
def test_event_name_rule(name, why):
    assert not_an_event_name(name) == why


def test_sample_meetings_are_event_names():
    names = [e.name for x in extract_paths([str(ROOT / "samples")]) if isinstance(x, Extraction)
             for e in x.entities if e.label == "Meeting"]
    assert len(names) >= 8
    assert [(n, not_an_event_name(n)) for n in names if not_an_event_name(n)] == []
