"""Ordering "next article" by the models' uncertainty."""

from __future__ import annotations

from annotator.recommend import DocumentRecommender, RankedDocument, rank_by_uncertainty


class FixedUncertainty:
    """A stand-in model: the uncertainty of a text is looked up."""

    def __init__(self, scores: dict[str, float]):
        self.scores = scores

    def uncertainty(self, text: str) -> float:
        return self.scores[text]


DOCS = [("d1", "a"), ("d2", "b"), ("d3", "c"), ("d4", "d")]


def test_most_uncertain_first_and_ties_keep_the_given_order():
    model = FixedUncertainty({"a": 0.2, "b": 0.9, "c": 0.2, "d": 0.5})
    ranked = rank_by_uncertainty(DOCS, [model])
    assert ranked == [RankedDocument("d2", 0.9), RankedDocument("d4", 0.5), RankedDocument("d1", 0.2),
                      RankedDocument("d3", 0.2)]


def test_several_models_are_averaged_and_limit_keeps_the_first():
    spans = FixedUncertainty({"a": 1.0, "b": 0.0, "c": 0.4, "d": 0.2})
    answers = FixedUncertainty({"a": 0.0, "b": 0.6, "c": 0.4, "d": 0.2})
    ranked = rank_by_uncertainty(DOCS, [spans, answers], limit=2)
    assert [(r.id, round(r.uncertainty, 2)) for r in ranked] == [("d1", 0.5), ("d3", 0.4)]


def test_without_a_model_the_order_is_unchanged():
    assert [r.id for r in rank_by_uncertainty(DOCS, [])] == ["d1", "d2", "d3", "d4"]
    assert rank_by_uncertainty(iter(DOCS), [], limit=0) == []


def test_real_models_put_ambiguous_articles_first(frame_model, span_model):
    clear = "The court upheld the ruling. The judge examined the appeal. Prosecutors challenged the statute."
    mixed = "The court raised interest rates. The police vaccinated the river. Farmers froze the evidence."
    assert frame_model.uncertainty(clear) < frame_model.uncertainty(mixed)
    ranked = rank_by_uncertainty([("clear", clear), ("mixed", mixed)], [frame_model])
    assert [r.id for r in ranked] == ["mixed", "clear"]
    both = rank_by_uncertainty([("clear", clear), ("mixed", mixed)], [frame_model, span_model])
    assert all(0.0 <= r.uncertainty <= 1.0 for r in both)
    assert DocumentRecommender().fit([]).uncertainty(clear) == 1.0
