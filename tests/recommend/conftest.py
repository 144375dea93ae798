"""Shared fixtures of the recommender tests: a small labelled sample and models fitted on it once."""

from __future__ import annotations

import pytest

from annotator.recommend import DocumentRecommender, SpanRecommender
from tests.recommend.framing_sample import SampleArticle, evaluation_articles, training_articles


@pytest.fixture(scope="session")
def train_sample() -> list[SampleArticle]:
    return training_articles(40)


@pytest.fixture(scope="session")
def test_sample() -> list[SampleArticle]:
    return evaluation_articles(40)


@pytest.fixture(scope="session")
def span_model(train_sample) -> SpanRecommender:
    return SpanRecommender().fit([(a.text, a.spans) for a in train_sample])


@pytest.fixture(scope="session")
def frame_model(train_sample) -> DocumentRecommender:
    return DocumentRecommender().fit([(a.text, a.frame) for a in train_sample])
