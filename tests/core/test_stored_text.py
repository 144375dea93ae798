"""stored_text_problem: the one rule for what a document's stored text may hold."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.text import normalise_text, stored_text_problem


@pytest.mark.parametrize("text, words", [
    ("\ufeffTitle\n\nBody.", "byte order mark"),
    ("Title\r\n\r\nBody.", "carriage return"),
    ("Title\rBody.", "carriage return"),
    ("Title\x00Body.", "NUL character (U+0000) at character 5"),
    ("Title\x01Body.", "control character (U+0001)"),
    ("Title\x0cBody.", "control character (U+000C)"),
    ("Title\x1fBody.", "control character (U+001F)"),
    ("Title \ud83d Body.", "lone surrogate (U+D83D) at character 6"),
    ("Title \ude00 Body.", "lone surrogate (U+DE00)"),
])
def test_each_problem_is_named(text, words):
    assert words in stored_text_problem(text)


@pytest.mark.parametrize("text", ["Title\n\nBody\twith a tab.", "Emoji 😀 and e\u0301 and \u2028 and a \ufeff inside.", ""])
def test_ordinary_text_passes(text):
    assert stored_text_problem(text) is None


@settings(max_examples=300, deadline=None)
@given(st.text(st.characters(codec="utf-8", exclude_categories=("Cs",))))
def test_normalised_text_without_other_controls_always_passes(raw):
    text = normalise_text(raw).text
    problem = stored_text_problem(text)
    others = {c for c in text if ord(c) < 0x20 and c not in "\t\n"} or text.startswith("\ufeff")
    assert (problem is None) == (not others)
