"""Plain-text paragraphs: the low-memory splitter gives what the first, line-by-line one gave."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.io.paragraphs import plain_text_paragraphs


def first_plain_text_paragraphs(text: str) -> list[str]:
    """The first implementation (commit 33fd860): lines stripped, joined, then split at blank lines."""
    lines = [line.rstrip() for line in text.split("\n")]
    text = "\n".join(line if line.strip() else "" for line in lines).strip()
    if not text:
        return []
    if re.search(r"\n[^\S\n]*\n", text) is None:
        return [line for line in text.split("\n") if line]
    return [block.strip("\n") for block in re.split(r"\n{2,}", text) if block.strip()]


texts = st.lists(
    st.one_of(st.sampled_from(["\n", "\n\n", " ", "  \n", "\t", "\u00a0", "\u2028", "\x1c", "\x85", "\u3000",
                               "\r", "\x0c", "a", "Mot", "« é »", "😀"]),
              st.characters(codec="utf-8", exclude_categories=("Cs",))),
    max_size=50,
).map("".join)


@settings(max_examples=1000, deadline=None)
@given(texts)
def test_paragraphs_are_those_of_the_first_implementation(text):
    assert plain_text_paragraphs(text) == first_plain_text_paragraphs(text)


def test_paragraphs_by_hand():
    assert plain_text_paragraphs("  Title  \n\n First para \nline two\t\n \n\u00a0\nSecond\n\n") == [
        "Title", " First para\nline two", "Second"]
    assert plain_text_paragraphs("one\n two  \nthree") == ["one", " two", "three"]
    assert plain_text_paragraphs(" \n\t\n") == []


def test_a_long_run_of_spaces_takes_linear_time():
    text = "a" + " " * 2_000_000 + "b\n\n" + "c " * 1_000_000
    assert plain_text_paragraphs(text) == ["a" + " " * 2_000_000 + "b", ("c " * 1_000_000).rstrip()]
