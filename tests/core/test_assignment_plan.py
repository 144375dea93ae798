"""Planning assignments: balanced loads, the overlap sample, reproducible with a seed."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.assignment import AssignmentError, overlap_count, plan_assignments

names = st.lists(st.text("abcdefgh", min_size=1, max_size=4), min_size=1, max_size=6, unique=True)


@settings(max_examples=200)
@given(documents=st.integers(0, 60), coders=names, per_document=st.integers(1, 6),
       share=st.floats(0, 1), seed=st.integers(0, 2**32))
def test_plans_are_balanced_and_complete(documents, coders, per_document, share, seed):
    per_document = min(per_document, len(coders))
    docs = [f"doc{i}" for i in range(documents)]
    plan = plan_assignments(docs, coders, per_document, share, seed)
    assert list(plan.assignments) == docs
    expected_overlap = overlap_count(documents, share) if per_document > 1 else 0
    assert len(plan.overlap) == expected_overlap
    for doc, chosen in plan.assignments.items():
        assert len(set(chosen)) == len(chosen) == (per_document if doc in plan.overlap else 1)
        assert set(chosen) <= set(coders)
    load = [plan.load().get(name, 0) for name in coders]
    assert max(load) - min(load) <= 1
    assert sum(load) == documents + expected_overlap * (per_document - 1)


@given(coders=names, seed=st.integers(0, 1000))
def test_the_same_seed_gives_the_same_plan_whatever_the_order_of_names(coders, seed):
    docs = [f"doc{i}" for i in range(25)]
    per = min(2, len(coders))
    first = plan_assignments(docs, coders, per, 0.4, seed)
    again = plan_assignments(docs, list(reversed(coders)), per, 0.4, seed)
    assert first == again


def test_another_seed_gives_another_plan():
    docs = [f"doc{i}" for i in range(40)]
    plans = {repr(plan_assignments(docs, ["ana", "ben", "cleo"], 2, 0.3, seed).assignments)
             for seed in range(5)}
    assert len(plans) > 1


def test_pairs_of_coders_share_the_overlap_evenly():
    docs = [f"doc{i}" for i in range(60)]
    plan = plan_assignments(docs, ["ana", "ben", "cleo", "dora"], 2, 0.5, 11)
    pairs = plan.pairs()
    assert len(pairs) == 6 and sum(pairs.values()) == 30
    assert max(pairs.values()) - min(pairs.values()) <= 1


def test_existing_load_is_evened_out():
    plan = plan_assignments([f"d{i}" for i in range(6)], ["ana", "ben"], 1, 0.0, 1, {"ana": 4})
    assert plan.load() == {"ana": 1, "ben": 5}


def test_overlap_rounds_half_up():
    assert overlap_count(10, 0.25) == 3
    assert overlap_count(10, 0.2) == 2
    assert overlap_count(3, 1.0) == 3


@pytest.mark.parametrize("coders, per, share, words", [
    ([], 1, 0.2, "at least one annotator"),
    (["ana"], 2, 0.2, "only 1"),
    (["ana", "ben"], 0, 0.2, "1 or more"),
    (["ana", "ben"], 2, 1.5, "between 0 and 1"),
])
def test_impossible_requests_are_refused(coders, per, share, words):
    with pytest.raises(AssignmentError, match=words):
        plan_assignments(["d1"], coders, per, share, 0)
