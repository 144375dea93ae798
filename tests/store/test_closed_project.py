"""A closed project refuses every use with ProjectError, in every manager; closing twice is harmless."""

from __future__ import annotations

import pytest

from annotator.core.errors import ProjectError
from annotator.core.model import Document
from annotator.store import Project


@pytest.mark.parametrize("use", [
    lambda p: p.counts(),
    lambda p: p.name,
    lambda p: p.meta.get("name"),
    lambda p: p.documents.ids(),
    lambda p: p.documents.add([Document(text="Late text.")]),
    lambda p: p.spans.count(),
    lambda p: p.codebook.labels(),
    lambda p: p.labels.rename("hedge", "Softener"),
    lambda p: p.answers.find(),
    lambda p: p.team.annotators(),
    lambda p: p.assignments.progress(),
    lambda p: p.suggestions.loaded_terms(),
    lambda p: p.agreement.data(),
    lambda p: p.adjudication.gold_span_counts(),
    lambda p: list(p.exports.iter_spans()),
    lambda p: p.packages.info(),
    lambda p: p.merges.conflicts(),
])
def test_every_manager_refuses_a_closed_project(project, use):
    project.close()
    with pytest.raises(ProjectError, match="the project is closed"):
        use(project)


def test_closing_twice_is_harmless_and_the_file_reopens(project):
    path = project.path
    project.close()
    project.close()
    assert project.closed
    with Project.open(path, backup=False) as again:
        assert again.counts()["labels"] > 0 and not again.closed
