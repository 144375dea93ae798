"""Projects filled with the recommender's generated sample: articles, two annotators' spans and answers."""

from __future__ import annotations

import random
from typing import Sequence

from annotator.core.model import Document, Span
from annotator.store import Project
from tests.recommend.framing_sample import SampleArticle, training_articles


def fill_project(project: Project, count: int, coded: int | None = None, annotators: Sequence[str] = ("alice", "bob"),
                 miss: float = 0.1, seed: int = 0) -> tuple[list[str], list[SampleArticle]]:
    """Add `count` generated articles; the first `coded` (default all) are coded by every annotator, each
    missing a share `miss` of the sample's spans, with the sample's tone as their answer. Returns the
    document ids and the articles, in the same order."""
    articles = training_articles(count, seed=seed + 1)
    ids = project.documents.add([Document(text=a.text, title=f"Article {n}", language=a.language)
                                 for n, a in enumerate(articles)]).added
    rng = random.Random(seed)
    for doc_id, article in list(zip(ids, articles))[:count if coded is None else coded]:
        for who in annotators:
            project.spans.add_many([Span(document_id=doc_id, annotator=who, label_id=label, start=s, end=e,
                                         text=article.text[s:e])
                                    for s, e, label in article.spans if rng.random() >= miss])
            project.answers.set(doc_id, who, "tone", article.tone)
    return ids, articles
