"""Exact-match alignment and the agreement threshold used to build the gold standard."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from annotator.core.consensus import agreed_answer, agreed_spans, align_spans, required_count
from annotator.core.model import Span

TEXT = "The minister said the reform was necessary."


def span(who: str, start: int, end: int, label: str = "loaded_term") -> Span:
    return Span(document_id="d", annotator=who, label_id=label, start=start, end=end, text=TEXT[start:end])


@pytest.mark.parametrize("threshold, coders, needed", [
    (1.0, 3, 3), (2 / 3, 3, 2), (0.5, 4, 2), (0.5, 3, 2), (0.75, 4, 3), (0.01, 5, 2), (1.0, 2, 2), (0.6, 5, 3),
])
def test_required_count(threshold, coders, needed):
    assert required_count(threshold, coders) == needed


@pytest.mark.parametrize("threshold", [0, -0.1, 1.01])
def test_a_threshold_outside_0_1_is_refused(threshold):
    with pytest.raises(ValueError, match="threshold"):
        required_count(threshold, 3)


def test_alignment_groups_exact_matches_in_text_order_and_counts_duplicates_once():
    spans = [span("bob", 13, 17), span("alice", 0, 3), span("alice", 13, 17), span("alice", 13, 17),
             span("carol", 13, 17, "reporting_verb"), span("carol", 13, 18)]
    groups = align_spans(spans)
    assert [g.key for g in groups] == [(0, 3, "loaded_term"), (13, 17, "loaded_term"),
                                       (13, 17, "reporting_verb"), (13, 18, "loaded_term")]
    assert groups[1].annotators == ["bob", "alice"]
    assert groups[1].text == "said"


def test_agreed_spans_follow_the_threshold():
    spans = [span(w, 13, 17) for w in ("alice", "bob", "carol")] + [span(w, 0, 3) for w in ("alice", "bob")]
    spans.append(span("carol", 22, 28))
    coders = ["alice", "bob", "carol"]
    assert [g.key[:2] for g in agreed_spans(spans, coders, 1.0)] == [(13, 17)]
    assert [g.key[:2] for g in agreed_spans(spans, coders, 2 / 3)] == [(0, 3), (13, 17)]
    # A lone span is never agreed, however low the threshold.
    assert [g.key[:2] for g in agreed_spans(spans, coders, 0.1)] == [(0, 3), (13, 17)]


def test_spans_of_non_coders_do_not_count_and_one_coder_agrees_on_nothing():
    spans = [span("alice", 13, 17), span("dave", 13, 17)]
    assert agreed_spans(spans, ["alice", "bob"], 1.0) == []
    assert agreed_spans(spans, ["alice"], 1.0) == []


def test_agreed_answer():
    coders = ["alice", "bob", "carol"]
    assert agreed_answer({"alice": "official", "bob": "official", "carol": "media"}, coders, 1.0) is None
    assert agreed_answer({"alice": "official", "bob": "official", "carol": "media"}, coders, 2 / 3) == "official"
    # Several answers compare as a set.
    assert agreed_answer({"alice": "a|b", "bob": "b|a"}, ["alice", "bob"], 1.0) == "a|b"
    # Two answers each reaching a low threshold: no agreement.
    assert agreed_answer({"a": "x", "b": "x", "c": "y", "d": "y"}, ["a", "b", "c", "d"], 0.5) is None
    assert agreed_answer({"alice": "x", "gold": "x"}, ["alice", "bob"], 1.0) is None


@given(st.lists(st.tuples(st.sampled_from("abcd"), st.integers(0, 5), st.integers(1, 4),
                          st.sampled_from(["x", "y"])), max_size=30),
       st.sampled_from([0.3, 0.5, 2 / 3, 0.75, 1.0]))
def test_agreed_spans_are_exactly_those_marked_by_enough_coders(raw, threshold):
    spans = [Span(document_id="d", annotator=w, label_id=lab, start=s, end=s + n, text="")
             for w, s, n, lab in raw]
    coders = ["a", "b", "c"]  # "d" is not a coder
    needed = required_count(threshold, 3)
    expected = sorted({(s.start, s.end, s.label_id) for s in spans
                       if len({t.annotator for t in spans if t.annotator in coders
                               and (t.start, t.end, t.label_id) == (s.start, s.end, s.label_id)}) >= needed})
    assert [g.key for g in agreed_spans(spans, coders, threshold)] == expected
