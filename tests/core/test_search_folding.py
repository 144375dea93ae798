"""Find ignores what readers do not see as different: typographic apostrophes, no-break spaces, and
(unless asked) case and accents; offsets stay those of the stored text."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from annotator.core.search import find_occurrences, fold

TEXT = "Selon l’ONG, la « liberté\u202fd'expression » du café (cafe\u0301 noir) — L'État répond."


def found(query, **options):
    return [TEXT[s:e] for s, e in find_occurrences(TEXT, query, **options)]


def test_apostrophes_match_both_ways_and_spaces_match_no_break_spaces():
    assert found("l'ONG") == ["l’ONG"]
    assert found("L’État") == ["L'État"]
    assert found("liberté d’expression") == ["liberté\u202fd'expression"]


def test_accents_and_case_are_optional():
    assert found("cafe") == ["café", "cafe\u0301"]  # the combining accent stays with its letter
    assert found("CAFÉ") == ["café", "cafe\u0301"]
    assert found("cafe", accent_sensitive=True) == []
    assert found("café", accent_sensitive=True) == ["café"]
    assert found("l'état", case_sensitive=True) == []
    assert found("L'Etat", case_sensitive=True) == ["L'État"]


words = st.sampled_from(["café", "cafe\u0301", "Été", "l’eau", "l'eau", "liberté", "İstanbul", "ﬁn", "😀", " ", "\u00a0"])


@given(st.lists(words, max_size=12), st.sampled_from(["cafe", "l'eau", "ete", "istanbul", "liberte"]),
       st.booleans(), st.booleans())
def test_every_match_is_a_stretch_of_text_that_folds_to_the_query(pieces, query, case, accents):
    text = "".join(pieces)
    for start, end in find_occurrences(text, query, case_sensitive=case, accent_sensitive=accents,
                                       whole_word=False):
        assert fold(text[start:end], case, accents)[0] == fold(query, case, accents)[0]
