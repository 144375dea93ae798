"""Direct vs scare quotes, attributions and reporting verbs, on real sentences of the shared article and others."""

from __future__ import annotations

import pytest

from annotator.suggest import suggest
from tests.suggest.gold_data import article_text_from_xml

NBSP = "\u00a0"


@pytest.fixture
def parler(shared_articles) -> str:
    return article_text_from_xml(shared_articles / "parler-amazon-fr.xml")


def by_kind(suggestions, kind):
    return [s for s in suggestions if s.kind == kind]


def texts(suggestions, kind):
    return [s.text for s in by_kind(suggestions, kind)]


def sentence(text: str, start: str, end: str) -> str:
    i = text.index(start)
    return text[i:text.index(end, i) + len(end)]


def test_scare_quote_from_the_shared_article(parler):
    text = sentence(parler, "Selon le procès, Parler", "».")
    assert f"«{NBSP}liberté" in text
    found = suggest(text, language="fr")
    assert texts(found, "scare_quote") == ["liberté d’expression"]
    assert texts(found, "direct_quote") == []
    assert texts(found, "attribution") == ["Selon le procès"]
    assert by_kind(found, "attribution")[0].speaker == "le procès"


def test_long_quote_credited_after_it_in_the_shared_article(parler):
    text = sentence(parler, "«\u00a0Compte tenu", "affirme le procès.")
    found = suggest(text, language="fr")
    (quote,) = by_kind(found, "direct_quote")
    assert quote.text.startswith("Compte tenu du contexte") and quote.text.endswith("les prochains jours")
    assert quote.speaker == "le procès" and quote.verb == "affirme"
    (attribution,) = by_kind(found, "attribution")
    assert (attribution.text, attribution.speaker, attribution.verb_class) == ("affirme le procès", "le procès", "neutral")
    assert attribution.quote_start == quote.start and attribution.quote_end == quote.end
    assert texts(found, "reporting_verb.neutral") == ["affirme"]


def test_nested_slogan_and_loaded_verb_inside_a_statement(parler):
    text = sentence(parler, "«\u00a0Ils prétendent", "dans un communiqué.")
    found = suggest(text, language="fr")
    (statement,) = by_kind(found, "direct_quote")
    (chant,) = by_kind(found, "cited_name")  # a trending chant is cited as a name, not quoted as speech
    assert (statement.depth, chant.depth, chant.text) == (0, 1, "Hang Mike Pence")
    assert texts(found, "reporting_verb.loaded") == ["prétendent"]
    assert texts(found, "attribution") == ["Ils prétendent", "a déclaré M. Matze"]
    assert by_kind(found, "attribution")[1].speaker == "M. Matze"


def test_indirect_speech_attributions_in_the_shared_article(parler):
    found = suggest(parler, language="fr")
    attributions = {s.text: s for s in by_kind(found, "attribution")}
    assert attributions["Le PDG John Matze affirme"].speaker == "Le PDG John Matze"
    assert attributions["Amy Peikoff, responsable des politiques de Parler, a souligné"].speaker == "Amy Peikoff"
    assert attributions["Selon l’équipe d’Amazon Trust and Safety"].speaker == "l’équipe d’Amazon Trust and Safety"
    assert attributions["l’accusant"].verb_class == "loaded"
    assert "Amazon laisse entendre" in attributions
    # "sont jugés répréhensibles" is a passive, not a report; "répondre aux « menaces »" an infinitive.
    assert not any("jugés" in t or "répondre" in t for t in attributions)


def test_partial_quote_long_enough_is_direct(parler):
    text = sentence(parler, "Auparavant, Apple", "utilisateurs.")
    found = suggest(text, language="fr")
    assert texts(found, "direct_quote") == ["menaces de violence et d’activités illégales"]


def test_distancing_word_makes_a_scare_quote_even_after_a_verb():
    found = suggest("Opposition councillor Priya Nand said the so-called “efficiency review” was never published.")
    assert texts(found, "scare_quote") == ["efficiency review"]
    assert texts(found, "distancing") == ["so-called"]
    assert texts(found, "attribution") == ["Opposition councillor Priya Nand said"]


def test_short_quote_introduced_by_a_reporting_verb_is_direct():
    found = suggest("Le ministère de l’Industrie qualifie de « stratégique » ce projet.", language="fr")
    assert texts(found, "direct_quote") == ["stratégique"]
    assert texts(found, "attribution") == ["Le ministère de l’Industrie qualifie"]


def test_short_quote_inside_reported_speech_is_direct():
    text = "Il reconnaît toutefois que la concertation avec les riverains a été « trop courte »."
    found = suggest(text, language="fr")
    assert texts(found, "direct_quote") == ["trop courte"]
    assert texts(found, "reporting_verb.loaded") == ["reconnaît"]


def test_short_quote_after_selon_is_direct():
    found = suggest("Le bouclier n’a, selon elles, « rien protégé du tout ».", language="fr")
    assert texts(found, "direct_quote") == ["rien protégé du tout"]
    assert texts(found, "attribution") == ["selon elles"]


def test_colon_introduces_a_direct_quote():
    found = suggest("Le maire répète sa position : « non ».", language="fr")
    assert texts(found, "direct_quote") == ["non"]


@pytest.mark.parametrize("text, attribution, speaker, verb, kind", [
    ("« Non », a-t-il répondu.", "a-t-il répondu", "il", "a-t-il répondu", "reporting_verb.neutral"),
    ("« Assez », dit-elle.", "dit-elle", "elle", "dit-elle", "reporting_verb.neutral"),
    ("« C’est faux », s’insurge la ministre.", "s’insurge la ministre", "la ministre", "s’insurge", "reporting_verb.loaded"),
    ("Le projet, affirme le maire, sera prêt.", "affirme le maire", "le maire", "affirme", "reporting_verb.neutral"),
    ("Le préfet, lui, a indiqué qu’une enquête serait ouverte.", "Le préfet, lui, a indiqué", "Le préfet", "a indiqué",
     "reporting_verb.neutral"),
    ("Il l’accuse de mentir.", "Il l’accuse", "Il", "accuse", "reporting_verb.loaded"),
    ("D’après les services de la métropole, les recettes augmentent.", "D’après les services de la métropole",
     "les services de la métropole", "", ""),
], ids=["inverted-aux", "inverted", "reflexive", "incise", "apposition", "clitic", "d-apres"])
def test_french_attributions(text, attribution, speaker, verb, kind):
    found = suggest(text, language="fr")
    (att,) = by_kind(found, "attribution")
    assert (att.text, att.speaker) == (attribution, speaker)
    if kind:
        assert texts(found, kind) == [verb]


@pytest.mark.parametrize("text, attribution, speaker, verb, kind", [
    ("“We won,” she said.", "she said", "she", "said", "reporting_verb.neutral"),
    ("“We won,” said council leader Janet Okafor.", "said council leader Janet Okafor", "council leader Janet Okafor",
     "said", "reporting_verb.neutral"),
    ("Zipcab said it would appeal.", "Zipcab said", "Zipcab", "said", "reporting_verb.neutral"),
    ("Ms Okafor conceded that hours had been cut.", "Ms Okafor conceded", "Ms Okafor", "conceded", "reporting_verb.loaded"),
    ("Their spokesperson, Daniel Reyes, claimed the closures would hurt.", "Their spokesperson, Daniel Reyes, claimed",
     "Their spokesperson", "claimed", "reporting_verb.loaded"),
    ("A spokesman added: “We will fight on.”", "A spokesman added", "A spokesman", "added", "reporting_verb.neutral"),
    ("The plan was dropped, the council has said.", "the council has said", "the council", "has said",
     "reporting_verb.neutral"),
    ("The vote was delayed, according to the United Drivers' Union (UDU), which brought the case.",
     "according to the United Drivers' Union (UDU)", "the United Drivers' Union (UDU", "", ""),
], ids=["after-quote", "inverted", "free", "that", "apposition", "colon", "trailing", "according-to"])
def test_english_attributions(text, attribution, speaker, verb, kind):
    found = suggest(text, language="en")
    (att,) = by_kind(found, "attribution")
    assert (att.text, att.speaker) == (attribution, speaker)
    if kind:
        assert texts(found, kind) == [verb]


@pytest.mark.parametrize("text", [
    "He was told that the plan had failed.",
    "The claims were rejected by the court.",
    "She declined to say whether the report was accurate.",
    "The firm's long-standing claim that they are partners.",
    "The United States imposed tariffs.",
    "That is what he said.",
    "Selon que vous serez puissant ou misérable.",
    "Pour la première fois, la ville a voté.",
    "Les accusés ont été jugés hier.",
])
def test_no_attribution_where_nothing_is_reported(text):
    assert by_kind(suggest(text), "attribution") == []


def test_every_suggestion_text_is_its_offsets(parler):
    for s in suggest(parler):
        assert parler[s.start:s.end] == s.text
        if s.speaker_start is not None:
            assert parler[s.speaker_start:s.speaker_end] == s.speaker
