"""RangeIndex: the reader's marks kept in start order, in lanes that overlapping marks never share."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.lanes import LONG_RANGE, RangeIndex

ranges = st.tuples(st.integers(0, 5000), st.integers(1, 60)).map(lambda t: (t[0], t[0] + t[1]))
long_ranges = st.tuples(st.integers(0, 1000), st.integers(LONG_RANGE + 1, LONG_RANGE * 3)).map(
    lambda t: (t[0], t[0] + t[1]))
operations = st.lists(st.tuples(st.sampled_from(["add", "add", "remove"]), st.one_of(ranges, long_ranges),
                                st.integers(0, 30)), max_size=80)


def check(index: RangeIndex, model: dict) -> None:
    entries = list(index)
    assert {e.key: (e.start, e.end) for e in entries} == model
    for a in entries:
        for b in entries:
            if a is not b and a.start < b.end and b.start < a.end:
                assert a.lane != b.lane, (a, b)
    for low, high in ((0, 100), (2000, 2100), (4990, 9000), (3000, 3000)):
        expected = {k for k, (s, e) in model.items() if s < high and low < e}
        assert {e.key for e in index.overlapping(low, high)} == expected
        assert {k for k, (s, e) in model.items() if s <= low < e} == {e.key for e in index.covering(low)}


@settings(max_examples=150, deadline=None)
@given(initial=st.lists(st.one_of(ranges, long_ranges), max_size=40), steps=operations)
def test_random_adds_and_removes_keep_lanes_apart_and_queries_exact(initial, steps):
    index = RangeIndex()
    index.load((f"i{n}", s, e, None) for n, (s, e) in enumerate(initial))
    model = {f"i{n}": r for n, r in enumerate(initial)}
    check(index, model)
    for n, (op, (start, end), pick) in enumerate(steps):
        if op == "add":
            index.add(f"a{n}", start, end, payload=n)
            model[f"a{n}"] = (start, end)
        elif model:
            key = sorted(model)[pick % len(model)]
            assert index.remove(key).key == key
            del model[key]
        check(index, model)


def test_adding_a_range_moves_no_other():
    index = RangeIndex()
    index.load([("word", 10, 14, None), ("sentence", 0, 40, None)])
    lanes = {e.key: e.lane for e in index}
    assert lanes == {"sentence": 0, "word": 1}  # the enclosing range nearest the text
    index.add("inner", 11, 13)
    assert {e.key: e.lane for e in index} == dict(lanes, inner=2)
    index.remove("word")
    assert index.add("again", 10, 14).lane == 1  # the freed lane is reused
    assert [e.key for e in index.covering(12)] == ["inner", "again", "sentence"]
