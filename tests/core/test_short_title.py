"""Titles made from an article's first paragraph: short, the first sentence of a long one, never the whole text."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from annotator.core.text import TITLE_LIMIT, short_title


def test_a_short_first_line_is_the_title():
    assert short_title("  Un titre court \n\nLe corps de l’article.") == "Un titre court"


def test_a_long_first_line_gives_its_first_sentence():
    text = "Le ministre a dit « non\u00a0». " + "Puis il est parti sans un mot de plus. " * 100
    assert short_title(text) == "Le ministre a dit « non\u00a0»."


def test_a_long_first_line_without_a_sentence_end_is_cut_between_words():
    title = short_title("mot " * 1000)
    assert title.endswith("mot…") and len(title) <= TITLE_LIMIT + 1


@given(st.text(min_size=1, max_size=3000))
def test_a_title_is_short_and_starts_the_text(text):
    title = short_title(text)
    assert len(title) <= TITLE_LIMIT + 1
    assert text.strip().startswith(title.removesuffix("…"))
