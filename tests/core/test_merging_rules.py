"""Which version wins a merge, and how a merge report reads."""

from __future__ import annotations

from functools import reduce

from hypothesis import given
from hypothesis import strategies as st

from annotator.core.merging import MergeConflict, MergeCounts, MergeReport, edited_since, version_key

versions = st.lists(
    st.tuples(st.sampled_from(["2026-01-01T10:00:00.000000+00:00", "2026-01-01T10:00:00.000001+00:00",
                               "2026-01-02T09:00:00.000000+00:00"]),
              st.text(max_size=5), st.booleans()),
    min_size=1, max_size=6,
)


def keep_later(a: tuple, b: tuple) -> tuple:
    return b if version_key(b[0], b) > version_key(a[0], a) else a


@given(versions, st.randoms())
def test_the_winner_does_not_depend_on_the_order_of_arrival(found, rnd):
    shuffled = found[:]
    rnd.shuffle(shuffled)
    assert reduce(keep_later, found) == reduce(keep_later, shuffled)
    assert reduce(keep_later, found + found) == reduce(keep_later, found)


def test_the_later_edit_wins_and_equal_times_go_by_content():
    early = ("2026-01-01T10:00:00.000000+00:00", "note", False)
    late = ("2026-01-01T10:00:00.000001+00:00", "note", True)
    assert keep_later(early, late) == late == keep_later(late, early)
    same_a = (early[0], "a", False)
    same_b = (early[0], "b", False)
    assert keep_later(same_a, same_b) == keep_later(same_b, same_a)


def test_edited_since_compares_times():
    assert edited_since("2026-02-01T00:00:00+00:00", "2026-01-01T00:00:00+00:00")
    assert not edited_since("2026-01-01T00:00:00+00:00", "2026-01-01T00:00:00+00:00")
    assert edited_since("2026-01-01T00:00:00+00:00", "")


def test_a_report_says_what_happened_in_plain_words():
    report = MergeReport(source="ana.framing", spans=MergeCounts(added=3, deleted=1),
                         documents_skipped=["d1", "d2"], unknown_labels=["irony"],
                         conflicts=[MergeConflict("span", "s1", "source", "t2", "t1")])
    text = "\n".join(report.summary_lines())
    assert "spans:           3 added, 0 updated, 1 deleted" in text
    assert "0 added, 2 already in the project" in text
    assert "irony (added to the codebook, marked imported)" in text
    assert "span s1: kept the source's edit of t2" in text
    assert report.changed and (report.added, report.deleted) == (3, 1)
    empty = MergeReport(source="ben.framing", documents_skipped=["d1"])
    assert not empty.changed
    assert "nothing new" in "\n".join(empty.summary_lines())
