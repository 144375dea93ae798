"""Fuzzing import-time text normalisation: the offset map keeps every span on the same characters."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.text import normalise_text, normalised_string

FUZZ = settings(max_examples=500, deadline=None)
raw_texts = st.lists(
    st.one_of(st.sampled_from(["\r", "\n", "\r\n", "\ufeff", "\u2028", " ", "é", "e\u0301", "😀", "👩\u200d👩\u200d👧"]),
              st.characters(codec="utf-8", exclude_categories=("Cs",))),
    max_size=40,
).map("".join)


def kept_characters(raw: str) -> list[str]:
    """What each raw character becomes, independently of normalise_text: "" when it is dropped."""
    out = []
    for i, ch in enumerate(raw):
        if i == 0 and ch == "\ufeff":
            out.append("")
        elif ch == "\r":
            out.append("" if raw[i + 1 : i + 2] == "\n" else "\n")
        else:
            out.append(ch)
    return out


@FUZZ
@given(raw_texts)
def test_normalised_text_has_no_carriage_return_or_leading_bom_and_a_full_monotone_map(raw):
    result = normalise_text(raw)
    assert "\r" not in result.text
    assert result.text.startswith("\ufeff") == raw.startswith("\ufeff\ufeff")
    assert result.text == "".join(kept_characters(raw))
    assert len(result.offset_map) == len(raw) + 1
    assert result.offset_map[0] == 0 and result.offset_map[-1] == len(result.text)
    assert all(a <= b for a, b in zip(result.offset_map, result.offset_map[1:]))


@FUZZ
@given(raw_texts, st.data())
def test_a_remapped_span_covers_the_same_characters(raw, data):
    start = data.draw(st.integers(0, len(raw)))
    end = data.draw(st.integers(start, len(raw)))
    result = normalise_text(raw)
    new_start, new_end = result.remap(start, end)
    assert 0 <= new_start <= new_end <= len(result.text)
    assert result.text[new_start:new_end] == "".join(kept_characters(raw)[start:end])


@FUZZ
@given(raw_texts)
def test_normalising_twice_changes_nothing_more(raw):
    once = normalise_text(raw)
    twice = normalise_text(once.text)
    if not once.text.startswith("\ufeff"):
        assert twice.text == once.text
        assert twice.offset_map == list(range(len(once.text) + 1))


def first_normalise_text(raw: str) -> tuple[str, list[int]]:
    """The first normalise_text (commit 33fd860): one character at a time, the map built as it goes."""
    out: list[str] = []
    mapping: list[int] = []
    i = pos = 0
    if raw.startswith("\ufeff"):
        mapping.append(0)
        i = 1
    while i < len(raw):
        if raw[i] == "\r":
            mapping.append(pos)
            if raw[i + 1 : i + 2] == "\n":
                i += 1
                continue
            out.append("\n")
        else:
            mapping.append(pos)
            out.append(raw[i])
        pos += 1
        i += 1
    mapping.append(pos)
    return "".join(out), mapping


@FUZZ
@given(raw_texts)
def test_the_fast_text_and_the_map_built_on_demand_are_those_of_the_first_loop(raw):
    text, mapping = first_normalise_text(raw)
    result = normalise_text(raw)
    assert normalised_string(raw) == result.text == text
    assert result.offset_map == mapping
    assert [result.remap(i, i) for i in range(len(raw) + 1)] == [(m, m) for m in mapping]


def test_text_without_bom_or_cr_is_returned_as_it_is():
    raw = "Un texte « ordinaire »\n\nsur deux paragraphes 😀" * 1000
    assert normalised_string(raw) is raw
    result = normalise_text(raw)
    assert result.text is raw and result.removed == []
    assert result.remap(5, 70) == (5, 70)
