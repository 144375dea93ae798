"""Fuzzing offset arithmetic with random Unicode: UTF-16 conversion, word snapping, editing rules."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.editing import resize_range, span_range_from_selection
from annotator.core.offsets import (
    Utf16Index,
    clamp_to_graphemes,
    from_utf16,
    grapheme_end,
    grapheme_start,
    snap_to_words,
    to_utf16,
)
from tests.core.unicode_strategies import clustered_texts

FUZZ = settings(max_examples=400, deadline=None)
any_text = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=60)


def utf16_length(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


@FUZZ
@given(any_text)
def test_utf16_offsets_match_the_encoding_and_round_trip(text):
    index = Utf16Index(text)
    for offset in range(len(text) + 1):
        units = utf16_length(text[:offset])
        assert index.to_utf16(offset) == units == to_utf16(text, offset)
        assert index.from_utf16(units) == offset == from_utf16(text, units)


@FUZZ
@given(any_text)
def test_a_utf16_offset_inside_a_surrogate_pair_maps_to_the_start_of_its_character(text):
    index = Utf16Index(text)
    for offset, ch in enumerate(text):
        if ord(ch) > 0xFFFF:
            assert index.from_utf16(index.to_utf16(offset) + 1) == offset
    assert index.from_utf16(utf16_length(text) + 5) == len(text)


@FUZZ
@given(clustered_texts(), st.integers(-3, 80), st.integers(-3, 80))
def test_grapheme_helpers_land_on_cluster_boundaries(sample, a, b):
    text, boundaries = sample
    assert grapheme_start(text, a) in boundaries and grapheme_start(text, a) <= max(0, min(a, len(text)))
    assert grapheme_end(text, a) in boundaries and grapheme_end(text, a) >= max(0, min(a, len(text)))
    start, end = clamp_to_graphemes(text, min(a, b), max(a, b))
    assert {start, end} <= boundaries


@FUZZ
@given(clustered_texts(), st.integers(0, 80), st.integers(0, 80))
def test_snapping_widens_to_whole_clusters_and_keeps_the_selection(sample, a, b):
    text, boundaries = sample
    a, b = sorted((min(a, len(text)), min(b, len(text))))
    start, end = snap_to_words(text, a, b)
    assert 0 <= start <= end <= len(text)
    assert {start, end} <= boundaries
    chosen = [i for i in range(a, b) if not text[i].isspace()]
    if chosen:
        assert start <= chosen[0] and end > chosen[-1]


@FUZZ
@given(clustered_texts(), st.integers(-5, 90), st.integers(-5, 90), st.booleans())
def test_a_span_from_any_selection_is_non_empty_in_bounds_and_whole(sample, a, b, snap):
    text, boundaries = sample
    result = span_range_from_selection(text, a, b, snap=snap)
    lo = max(0, min(a, b))
    hi = max(lo, min(len(text), max(a, b)))
    assert (result is None) == (not text[lo:hi].strip())
    if result is None:
        return
    start, end = result
    assert 0 <= start < end <= len(text)
    assert {start, end} <= boundaries
    assert text[start:end].strip()
    chosen = [i for i in range(lo, hi) if not text[i].isspace()]
    assert start <= chosen[0] and end > chosen[-1]


@st.composite
def ranges(draw):
    text, boundaries = draw(clustered_texts(min_size=2))
    cuts = sorted(boundaries)
    start = draw(st.sampled_from(cuts[:-1]))
    end = draw(st.sampled_from([c for c in cuts if c > start]))
    return text, boundaries, start, end


@FUZZ
@given(ranges(), st.sampled_from(["start", "end"]), st.integers(-6, 6), st.booleans())
def test_resizing_never_empties_leaves_or_splits_a_cluster(sample, edge, delta, by_word):
    text, boundaries, start, end = sample
    new_start, new_end = resize_range(text, start, end, edge, delta, by_word=by_word)
    assert 0 <= new_start < new_end <= len(text)
    assert {new_start, new_end} <= boundaries, (text, start, end, new_start, new_end)
    if edge == "end":
        assert new_start == start
    else:
        assert new_end == end
