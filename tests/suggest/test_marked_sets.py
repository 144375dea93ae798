"""The quote-by-quote sets (tuning articles, blind set) are sound, and the detectors keep their figures on the tuning material."""

from __future__ import annotations

import hashlib

import pytest

from annotator.suggest import suggest
from tests.suggest.blind_data import QUOTE_KINDS, blind_documents, score_quotes, tuning_documents
from tests.suggest.gold_data import gold_documents

MARKED = tuning_documents() + blind_documents()


def test_the_sets_have_their_articles():
    blind = blind_documents()
    assert len(blind) >= 12
    assert sum(d.language == "fr" for d in blind) >= 6 and sum(d.language == "en" for d in blind) >= 6
    assert {d.name for d in blind}.isdisjoint({d.name for d in tuning_documents()})
    assert all(300 <= len(d.text().split()) <= 900 for d in blind)


@pytest.mark.parametrize("doc", MARKED, ids=lambda d: d.name)
def test_marks_cover_exactly_their_text(doc):
    text = doc.text()
    assert hashlib.sha256(text.encode("utf-8")).hexdigest() == doc.sha256, "the article changed"
    assert doc.items
    for item in doc.items:
        assert item["kind"] in QUOTE_KINDS
        assert text[item["start"]:item["end"]] == item["text"], item
        for part in ("speaker", "verb"):
            if item[part]:
                assert item["kind"] == "direct_quote"
                assert text[item[part]["start"]:item[part]["end"]] == item[part]["text"], item


def test_french_articles_keep_their_typography():
    texts = {d.name: d.text() for d in blind_documents()}
    assert "«\u202fqui respire\u202f»" in texts["fr-clermont-municipales"]
    assert "«\u00a0Livret Horizon 8\u00a0%\u00a0»" in texts["fr-rennes-proces-escroquerie"]
    assert "«Les Heures claires»" in texts["fr-heures-claires-critique"]
    assert "\n\n» Ils ne veulent plus" in texts["fr-plouvien-medecin-portrait"]


def _span(text: str, words: str) -> dict:
    start = text.index(words)
    return {"start": start, "end": start + len(words), "text": words}


def test_scoring_counts_kinds_offsets_and_speakers():
    text = "« Non », a dit Paul. Le mot « neutre » et le slogan « On avance »."
    items = [
        {"kind": "direct_quote", **_span(text, "Non"), "speaker": _span(text, "Paul"), "verb": _span(text, "a dit")},
        {"kind": "scare_quote", **_span(text, "neutre"), "speaker": None, "verb": None},
        {"kind": "cited_name", **_span(text, "On avance"), "speaker": None, "verb": None},
    ]
    scores = score_quotes([("t", text, items, suggest(text, language="fr"))])
    assert (scores.quotations.gold, scores.quotations.matched) == (3, 3)
    assert scores.kind_accuracy() == 1.0 and scores.attribution_accuracy(exact=True) == 1.0
    wrong = [{**items[0], "kind": "scare_quote"}] + items[1:]
    scores = score_quotes([("t", text, wrong, suggest(text, language="fr"))])
    assert scores.kind_accuracy() == pytest.approx(2 / 3) and scores.kinds["direct_quote"].precision() == 0.0


def test_figures_hold_on_the_tuning_material():
    """Regression guard on what the detectors were tuned on (the blind set is only measured)."""
    documents = gold_documents() + gold_documents(held_out=True) + tuning_documents()
    scores = score_quotes([(d.name, d.text(), d.items, suggest(d.text(), language=d.language)) for d in documents])
    assert scores.quotations.precision() >= 0.98 and scores.quotations.recall() >= 0.98
    assert scores.kind_accuracy() >= 0.93
    assert scores.kinds["cited_name"].precision() >= 0.95 and scores.kinds["cited_name"].recall() >= 0.95
    assert scores.attribution_accuracy() >= 0.85
