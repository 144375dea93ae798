"""The span recommender: its contract, offsets in code points, generalisation, determinism, safe storage."""

from __future__ import annotations

import pickle
import zlib

import pytest

from annotator.agreement import span_f1
from annotator.recommend import (
    ModelDataError,
    RecommenderError,
    SpanPrediction,
    SpanRecommender,
    SpanSettings,
    StringMatcher,
)
from annotator.suggest.lexicons import load_lexicons
from annotator.suggest.tokens import Tokens

NBSP = "\u00a0"


def corpus_f1(predict, articles) -> float:
    """Exact span F1 over articles laid end to end (the agreement module's span_f1)."""
    predicted, gold, offset = [], [], 0
    for a in articles:
        predicted += [(s + offset, e + offset, label) for s, e, label, *_ in predict(a.text)]
        gold += [(s + offset, e + offset, label) for s, e, label in a.spans]
        offset += len(a.text)
    return span_f1(predicted, gold)


def test_no_examples_or_no_spans_predict_nothing():
    assert SpanRecommender().fit([]).predict("The regime lied.") == []
    model = SpanRecommender().fit([("Some text.", []), ("Other text.", [])])
    assert not model.fitted
    assert model.predict("Some text.") == []
    assert model.uncertainty("Some text.") == 1.0


def test_a_label_with_a_single_example_is_learnt_without_error():
    text = "The minister spoke. Critics called it a sham and left."
    start = text.index("sham")
    model = SpanRecommender().fit([(text, [(start, start + 4, "loaded_term")])])
    assert model.labels == ["loaded_term"]
    new = "Critics called it a sham again."
    found = model.predict(new, min_confidence=0.5)
    assert [(new[p.start:p.end], p.label) for p in found] == [("sham", "loaded_term")]
    assert 0.5 <= found[0].confidence <= 1.0
    assert model.predict(new, min_confidence=0.1)[0].confidence == found[0].confidence
    assert model.predict("") == []


def test_predictions_are_code_point_spans_in_text_order(span_model, test_sample):
    for article in test_sample[:10]:
        found = span_model.predict(article.text)
        assert found == sorted(found, key=lambda p: (p.start, -p.end, p.label))
        for p in found:
            assert isinstance(p, SpanPrediction)
            assert 0 <= p.start < p.end <= len(article.text)
            assert p.label in span_model.labels
            assert 0.5 <= p.confidence <= 1.0
            assert article.text[p.start:p.end] == article.text[p.start:p.end].strip()


def test_offsets_stay_right_after_emoji_and_nbsp(span_model):
    text = (f"🚨👍🏽 Le maire a dénoncé{NBSP}: «{NBSP}La police a déployé les suspects, et c’est un fiasco.{NBSP}» "
            f"Ce que le Trésor appelle la «{NBSP}souplesse{NBSP}» cache mal la réalité, selon Karim Benali.")
    found = {(text[p.start:p.end], p.label) for p in span_model.predict(text)}
    assert ("a dénoncé", "reporting_verb.loaded") in found
    assert ("souplesse", "scare_quote") in found
    assert ("fiasco", "loaded_term") in found
    assert ("La police a déployé les suspects, et c’est un fiasco.", "direct_quote") in found


def test_the_learned_model_beats_the_string_baseline_on_unseen_articles(span_model, train_sample, test_sample):
    baseline = StringMatcher().fit([(a.text, a.spans) for a in train_sample])
    learned = corpus_f1(span_model.predict, test_sample)
    strings = corpus_f1(lambda text: baseline.predict(text, min_confidence=0.5), test_sample)
    assert learned > 0.8
    assert learned > strings + 0.2


def test_it_generalises_to_loaded_terms_and_scare_quotes_never_seen_in_training(span_model, test_sample):
    """Held-out words: lexicon loaded terms found by the lexicon features, scare quotes by context."""
    matcher = load_lexicons().matcher(None)
    found = {kind: [0, 0] for kind in ("lexicon loaded term", "scare quote")}
    for article in test_sample:
        predicted = {(p.start, p.end, p.label) for p in span_model.predict(article.text)}
        for span in article.unseen_spans:
            words = article.text[span[0]:span[1]]
            kind = "scare quote" if span[2] == "scare_quote" else \
                "lexicon loaded term" if span[2] == "loaded_term" and matcher.find(Tokens(words)) else None
            if kind:
                found[kind][0] += span in predicted
                found[kind][1] += 1
    for kind, (hits, total) in found.items():
        assert total >= 10, kind
        assert hits / total >= 0.7, (kind, hits, total)


def test_fitting_is_deterministic_and_the_text_cache_changes_nothing(train_sample):
    examples = [(a.text, a.spans) for a in train_sample[:4]]
    first = SpanRecommender().fit(examples)
    reused = SpanRecommender()
    reused.fit(examples[:2])  # fills its text cache with some of the texts
    reused.fit(examples)
    assert len(reused.cache) == 4
    assert first.to_bytes() == SpanRecommender().fit(examples).to_bytes() == reused.to_bytes()
    other_seed = SpanRecommender(SpanSettings(seed=1)).fit(examples)
    assert other_seed.to_bytes() != first.to_bytes()


def test_round_trip_through_bytes_predicts_the_same(span_model, test_sample):
    data = span_model.to_bytes()
    again = SpanRecommender.from_bytes(data)
    assert again.settings == span_model.settings and again.labels == span_model.labels
    for article in test_sample[:5]:
        assert again.predict(article.text, min_confidence=0.2) == span_model.predict(article.text, min_confidence=0.2)
        assert again.uncertainty(article.text) == span_model.uncertainty(article.text)
    assert SpanRecommender.from_bytes(SpanRecommender().fit([]).to_bytes()).predict("anything") == []


def test_stored_bytes_are_data_never_code(span_model):
    assert b"pickle" not in zlib.decompress(span_model.to_bytes())
    with pytest.raises(ModelDataError, match="not compressed JSON"):
        SpanRecommender.from_bytes(pickle.dumps({"weights": [1, 2]}))
    with pytest.raises(ModelDataError, match="not compressed JSON"):
        SpanRecommender.from_bytes(span_model.to_bytes()[:-20])


def test_stored_bytes_of_another_kind_or_newer_version_are_refused(span_model, frame_model):
    import json

    from annotator.recommend.serialise import pack

    with pytest.raises(ModelDataError, match="not a 'span-recommender'"):
        SpanRecommender.from_bytes(frame_model.to_bytes())
    document = json.loads(zlib.decompress(span_model.to_bytes()))
    document["format_version"] = 99
    with pytest.raises(ModelDataError, match="newer"):
        SpanRecommender.from_bytes(zlib.compress(json.dumps(document).encode()))
    document["format_version"] = 1
    document["weights"]["shape"] = [3, 3]
    with pytest.raises(ModelDataError):
        SpanRecommender.from_bytes(zlib.compress(json.dumps(document).encode()))
    empty = {"labels": [], "features": [], "strings": {"ignore_case": False, "strings": []}}
    with pytest.raises(ModelDataError, match="unknown settings 'shell'"):
        SpanRecommender.from_bytes(pack("span-recommender", {"settings": {"shell": "rm -rf"}, **empty}))
    for wrong in ({"use_detectors": "yes"}, {"loaded_terms": "regime"}, {"regularisation": True}, {"seed": 1.5}):
        with pytest.raises(ModelDataError, match="wrong type"):
            SpanRecommender.from_bytes(pack("span-recommender", {"settings": wrong, **empty}))
    loaded = SpanRecommender.from_bytes(pack("span-recommender", {"settings": {"loaded_terms": ["gabegie"],
                                                                               "regularisation": 2}, **empty}))
    assert loaded.settings == SpanSettings(loaded_terms=("gabegie",), regularisation=2.0)


@pytest.mark.parametrize("examples, message", [
    ([("text", [(0, 99, "x")])], "does not fit"),
    ([("text", [(2, 2, "x")])], "does not fit"),
    ([("text", [(0, 2, "")])], "needs a label"),
    ([("text", [(0.5, 2, "x")])], "not \\(start, end, label\\)"),
    ([(b"bytes", [])], "not a string"),
    (["just text"], "expected \\(text, spans\\)"),
])
def test_malformed_examples_are_our_error(examples, message):
    with pytest.raises(RecommenderError, match=message):
        SpanRecommender().fit(examples)


def test_uncertainty_is_higher_where_the_model_hesitates(span_model):
    plain = "Le tribunal a annulé la loi mardi. La police a déployé les suspects vendredi."
    unsure = ("Un syndicaliste a pesté : « Bercy a gelé les salaires, et c’est un passe-droit. » "
              "Les PME ont manifestement revu la dépense publique.")
    assert 0.0 <= span_model.uncertainty(plain) < span_model.uncertainty(unsure) <= 1.0
