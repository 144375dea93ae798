"""Projects filled with the recommender's generated sample: articles, two annotators' spans and answers."""

from __future__ import annotations

import random
import shutil
from pathlib import Path
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


def make_labelled_file(path, count: int = 16, coded: int = 12, **options) -> Path:
    """A project file at `path` with the default codebook and `fill_project`'s articles (closed again)."""
    from annotator.io.codebook_files import load_preset

    with Project.create(path) as project:
        project.codebook.install(load_preset("framing-devices"))
        fill_project(project, count, coded, **options)
    return Path(path)


def copy_project(source: Path, target: Path) -> Path:
    """A copy of a closed project file (each test writes its own)."""
    shutil.copyfile(source, target)
    return target
