"""Pure editing rules: selections to spans, resizing, cycling, lanes, search, UTF-16 offsets."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from annotator.core.editing import cycle, resize_range, span_range_from_selection
from annotator.core.lanes import assign_lanes, spans_at
from annotator.core.offsets import Utf16Index
from annotator.core.search import context, find_occurrences

TEXT = "Le PDG « affirme » que café\u0301 et 👩‍👩‍👧 vont bien."


def test_selection_snaps_to_whole_words_and_trims_space():
    start = TEXT.index("ffirme")
    assert span_range_from_selection(TEXT, start, start + 3) == (start - 1, start + 6)
    assert span_range_from_selection(TEXT, 2, 8) == (3, 8)  # " PDG «": space trimmed, punctuation kept
    assert span_range_from_selection(TEXT, 4, 5) == (3, 6)  # a click-drag inside "PDG" takes the word


def test_selection_of_only_space_or_nothing_gives_none():
    assert span_range_from_selection(TEXT, 2, 3) is None
    assert span_range_from_selection(TEXT, 5, 5) is None


def test_no_snap_still_keeps_clusters_whole():
    e = TEXT.index("\u0301")
    assert span_range_from_selection(TEXT, e - 2, e, snap=False) == (e - 2, e + 1)
    family = TEXT.index("👩")
    s, t = span_range_from_selection(TEXT, family, family + 1, snap=False)
    assert TEXT[s:t] == "👩‍👩‍👧"


def test_resize_by_words_never_empties():
    start = TEXT.index("vont")
    assert resize_range(TEXT, start, start + 4, "end", 1) == (start, start + len("vont bien"))
    assert resize_range(TEXT, start, start + 4, "end", -1) == (start, start + 4)
    assert resize_range(TEXT, start, start + 4, "start", -1)[0] < start
    assert resize_range(TEXT, start, start + 4, "start", 1) == (start, start + 4)


def test_cycle_wraps():
    assert cycle(["a", "b", "c"], None) == "a"
    assert cycle(["a", "b", "c"], "c") == "a"
    assert cycle(["a", "b", "c"], "a", -1) == "c"
    assert cycle([], None) is None


def test_lanes_separate_overlaps_and_reuse_free_lanes():
    ranges = [(0, 10), (2, 5), (3, 4), (6, 8), (10, 12)]
    assert assign_lanes(ranges) == [0, 1, 2, 1, 0]
    assert spans_at(ranges, 3) == [2, 1, 0]


@given(st.lists(st.tuples(st.integers(0, 50), st.integers(1, 20)).map(lambda t: (t[0], t[0] + t[1])), max_size=40))
def test_overlapping_ranges_never_share_a_lane(ranges):
    lanes = assign_lanes(ranges)
    for i, (s1, e1) in enumerate(ranges):
        for j, (s2, e2) in enumerate(ranges):
            if i < j and s1 < e2 and s2 < e1:
                assert lanes[i] != lanes[j]


def test_find_matches_nbsp_and_case():
    text = "La « liberté\u00a0d’expression » et la Liberté d’expression."
    hits = find_occurrences(text, "liberté d’expression")
    assert [text[s:e] for s, e in hits] == ["liberté\u00a0d’expression", "Liberté d’expression"]
    assert find_occurrences(text, "libert") == []  # whole words by default
    assert len(find_occurrences(text, "libert", whole_word=False)) == 2
    assert find_occurrences(text, "Liberté", case_sensitive=True) == [(text.index("Liberté"), text.index("Liberté") + 7)]
    assert context(text, *hits[1], words=2) == ("et la", ".")


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=60), st.data())
def test_utf16_round_trip(text, data):
    index = Utf16Index(text)
    offset = data.draw(st.integers(0, len(text)))
    utf16 = index.to_utf16(offset)
    assert utf16 == len(text[:offset].encode("utf-16-le")) // 2
    assert index.from_utf16(utf16) == offset


def test_flags_are_never_split():
    from annotator.core.offsets import grapheme_end, grapheme_start

    text = "A 🇫🇷🇬🇧 b"
    france = text.index("🇫")
    assert grapheme_start(text, france + 1) == france
    assert grapheme_end(text, france + 1) == france + 2
    assert grapheme_start(text, france + 2) == france + 2  # between two flags is a boundary
    s, e = span_range_from_selection(text, france + 1, france + 3, snap=False)
    assert text[s:e] == "🇫🇷🇬🇧"
