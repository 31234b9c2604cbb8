"""The records of `graph.model` that write their own `__init__` (for speed) stay the frozen dataclasses
their declarations say: the same parameters as their fields, and no field can be assigned."""
from __future__ import annotations

import dataclasses
import inspect
import pickle

import pytest

from graph.model import Entity, Evidence, Mention, Relation

EXAMPLES = [
    Evidence("bai-1", 0, 42, "Đại tướng Phan Văn Giang chủ trì hội nghị.", caption=True),
    Mention("Person", "Phan Văn Giang", 10, 24, 0, 42),
    Entity("Person", "phan văn giang", "Phan Văn Giang", aliases=("Phan Văn Giang",),
           mentions=(Mention("Person", "Phan Văn Giang", 10, 24, 0, 42),)),
    Relation("CHAIRED", "Person", "phan văn giang", "Meeting", "hội nghị|2024-05-13",
             (Evidence("bai-1", 0, 42, "Đại tướng Phan Văn Giang chủ trì hội nghị."),)),
]


@pytest.mark.parametrize("cls", [Evidence, Mention, Entity, Relation])
def test_init_takes_exactly_the_fields_in_order_with_their_defaults(cls):
    parameters = list(inspect.signature(cls.__init__).parameters.values())[1:]
    fields = dataclasses.fields(cls)
    assert [p.name for p in parameters] == [f.name for f in fields]
    assert [p.default for p in parameters] == [
        f.default if f.default is not dataclasses.MISSING else inspect.Parameter.empty for f in fields]


@pytest.mark.parametrize("record", EXAMPLES, ids=lambda r: type(r).__name__)
def test_records_stay_frozen_hashable_and_equal_by_value(record):
    with pytest.raises(dataclasses.FrozenInstanceError):
        record.start = 1  # every record has some field; none may be assigned
    copy = dataclasses.replace(record)
    assert copy == record and hash(copy) == hash(record)
    assert pickle.loads(pickle.dumps(record)) == record
    assert list(vars(record)) == [f.name for f in dataclasses.fields(record)]  # the fields, and nothing else


def test_keywords_and_positions_make_the_same_record():
    assert Mention(label="Agency", text="Bộ Quốc phòng", start=0, end=13, sentence_start=0, sentence_end=40) \
        == Mention("Agency", "Bộ Quốc phòng", 0, 13, 0, 40, False)
