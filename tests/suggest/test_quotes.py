"""Quotation pairing in French and English typography, nesting, paragraphs, apostrophes."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.suggest import find_quotations

NBSP, NNBSP = "\u00a0", "\u202f"


def quoted(text: str) -> list[str]:
    return [text[q.start:q.end] for q in find_quotations(text)]


@pytest.mark.parametrize("inside", ["", " ", NBSP, NNBSP, "\u2009"], ids=["none", "space", "nbsp", "narrow", "thin"])
def test_guillemets_with_every_kind_of_inner_space(inside):
    text = f"sur la plateforme de «{inside}liberté d’expression{inside}»."
    (quote,) = find_quotations(text)
    assert text[quote.start:quote.end] == "liberté d’expression"
    assert quote.mark == "guillemets"
    assert text[quote.open] == "«" and text[quote.close] == "»"


def test_shared_article_sentence_with_nbsp(shared_articles):
    """A real sentence of the shared article, as its XML has it (NBSP inside the guillemets)."""
    xml = (shared_articles / "parler-amazon-fr.xml").read_text(encoding="utf-8")
    start = xml.index("sous prétexte que")
    sentence = xml[start:xml.index("».", start) + 2]
    assert f"«{NBSP}présente" in sentence
    assert quoted(sentence) == ["présente un risque très réel pour la sécurité publique"]


def test_english_curly_quotes_drop_the_trailing_comma():
    text = "“This is not a decision any of us wanted to take,” said council leader Janet Okafor."
    assert quoted(text) == ["This is not a decision any of us wanted to take"]


def test_final_full_stop_inside_the_marks_is_kept():
    assert quoted("She said: “Nothing has been decided.”") == ["Nothing has been decided."]


def test_single_curly_quotes_and_apostrophes():
    text = "Campaigners cry ‘betrayal’ as the council’s plan, which doesn’t add up, goes ahead."
    assert quoted(text) == ["betrayal"]


def test_straight_quotes_double_and_single_nested_with_apostrophes():
    text = '"Being your own boss doesn\'t mean that. That\'s not \'flexibility\'. That\'s exploitation."'
    quotes = find_quotations(text)
    assert [text[q.start:q.end] for q in quotes] == [
        "Being your own boss doesn't mean that. That's not 'flexibility'. That's exploitation.",
        "flexibility",
    ]
    assert [q.depth for q in quotes] == [0, 1]
    assert [q.mark for q in quotes] == ["straight_double", "straight_single"]


def test_straight_quote_inside_guillemets_from_the_shared_article():
    text = f"«{NBSP}Le même jour, \"{NBSP}Hang Mike Pence \", une suggestion violente.{NBSP}»"
    quotes = find_quotations(text)
    assert [text[q.start:q.end] for q in quotes] == [
        "Le même jour, \"\u00a0Hang Mike Pence \", une suggestion violente.", "Hang Mike Pence"]
    assert quotes[1].depth == 1


def test_curly_inside_guillemets():
    text = f"«{NBSP}On nous vend une mine “propre”, mais non{NBSP}», s’inquiète-t-elle."
    assert quoted(text) == ["On nous vend une mine “propre”, mais non", "propre"]


def test_possessive_apostrophe_is_no_closing_mark():
    assert quoted("The United Drivers' Union, said 'no' twice.") == ["no"]


def test_inches_are_not_quotes():
    assert quoted('A 12" screen and a "real" bargain.') == ["real"]


def test_german_low_quotes():
    assert quoted("„Das ist gut“, sagte er.") == ["Das ist gut"]


def test_french_quote_over_paragraphs_with_repeated_guillemet():
    text = f"Il écrit{NBSP}:\n\n«{NNBSP}Premier paragraphe.\n\n«{NNBSP}Second paragraphe.{NNBSP}»\n\nFin."
    (quote,) = find_quotations(text)
    assert text[quote.start:quote.end] == f"Premier paragraphe.\n\n«{NNBSP}Second paragraphe."
    assert quote.paragraphs == 2


def test_french_continuation_with_closing_guillemet_at_paragraph_start():
    text = f"«{NBSP}Un.\n\n»{NBSP}Deux{NBSP}», dit-elle."
    assert quoted(text) == [f"Un.\n\n»{NBSP}Deux"]


def test_english_quote_over_paragraphs():
    text = "She wrote:\n\n“First paragraph.\n\n“Second paragraph.”\n\nAfter."
    assert quoted(text) == ["First paragraph.\n\n“Second paragraph."]


def test_unclosed_quote_is_dropped_at_paragraph_end():
    text = "« Jamais fermée.\n\nUn autre paragraphe avec « un terme »."
    assert quoted(text) == ["un terme"]


def test_text_without_blank_lines_treats_each_line_as_a_paragraph():
    assert quoted("« ouvert\nfermé »") == []
    assert quoted("Para one.\n\n« ouvert\nfermé »") == ["ouvert\nfermé"], "soft line break inside a paragraph"


def test_empty_and_punctuation_only_quotes_are_ignored():
    assert quoted("« » and “…” and \"\"") == []


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab ,.\n«»“”‘’\"'\u00a0\u202f")), max_size=80))
def test_quote_spans_always_fit_the_text(text):
    for q in find_quotations(text):
        assert 0 <= q.open < q.start < q.end <= q.close < len(text)
        content = text[q.start:q.end]
        assert content == content.strip() and not content.endswith(",")
        assert any(ch.isalnum() for ch in content)
