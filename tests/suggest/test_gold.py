"""The gold set is sound (every item's text is its offsets) and the detectors meet the aims on it."""

from __future__ import annotations

import hashlib

import pytest

from annotator.suggest import suggest
from tests.suggest.gold_data import GOLD_KINDS, gold_documents, score

ALL = gold_documents() + gold_documents(held_out=True)


def test_gold_set_has_the_samples_and_the_shared_article(shared_articles):
    names = {doc.name for doc in gold_documents()}
    assert {"parler-amazon-fr", "lyon-stationnement-fr", "allier-lithium-fr", "harrowfield-libraries-en",
            "zipcab-ruling-en"} <= names


@pytest.mark.parametrize("doc", ALL, ids=lambda d: d.name)
def test_gold_offsets_cover_exactly_their_text(doc):
    text = doc.text()
    assert hashlib.sha256(text.encode("utf-8")).hexdigest() == doc.sha256, "the source text changed"
    assert doc.items
    for item in doc.items:
        assert item["kind"] in GOLD_KINDS
        assert text[item["start"]:item["end"]] == item["text"], item


def test_shared_article_gold_keeps_its_nbsp(shared_articles):
    (doc,) = [d for d in gold_documents() if d.name == "parler-amazon-fr"]
    text = doc.text()
    scare = next(i for i in doc.items if i["kind"] == "scare_quote")
    assert text[scare["start"] - 2:scare["start"]] == "«\u00a0" and text[scare["end"]:scare["end"] + 2] == "\u00a0»"


def test_quotes_meet_the_aim_on_the_gold_set():
    """Regression guard on the development gold: precision 0.95, recall 0.90 for both quote kinds."""
    results = score([(d.text(), d.items, suggest(d.text(), language=d.language)) for d in gold_documents()])
    for kind in ("direct_quote", "scare_quote"):
        assert results[kind].precision() >= 0.95 and results[kind].recall() >= 0.90, kind
    assert results["attribution"].recall(lenient=True) >= 0.9


def test_quote_boundaries_are_exact_on_the_held_out_set():
    """Pairing is kind-blind: every held-out quote is found with its exact offsets, whatever its class."""
    for doc in gold_documents(held_out=True):
        text = doc.text()
        quotes = ("direct_quote", "scare_quote", "cited_name")
        gold = {(i["start"], i["end"]) for i in doc.items if i["kind"] in quotes}
        found = {(s.start, s.end) for s in suggest(text, language=doc.language) if s.kind in quotes and s.mark}
        assert found == gold, doc.name
