"""Pages of the document list: every sort, filter and annotator view pages consistently and counts right."""

from __future__ import annotations

import random

import pytest

from annotator.core.model import Document, Span
from annotator.store.documents import SORT_COLUMNS

OUTLETS = ("Le Monde", "Reuters", "libération")


@pytest.fixture
def listed(project):
    rng = random.Random(3)
    docs = [Document(text=f"Article {n}. " + "Le ministre affirme que tout va bien. " * rng.randint(1, 5),
                     title=rng.choice(["Zèbre", "abeille", "Écluse", "mur"]) + f" {n % 4}",
                     outlet=OUTLETS[n % 3], published=f"2024-01-{n % 9 + 1:02d}") for n in range(23)]
    ids = project.documents.add(docs).added
    spans = []
    for n, doc_id in enumerate(ids):
        text = project.documents.text(doc_id)
        for k in range(n % 5):
            spans.append(Span(document_id=doc_id, annotator=("ana", "bob")[k % 2], label_id="hedge",
                              start=k, end=k + 3, text=text[k:k + 3]))
        if n % 4 == 0:
            project.assignments.set_status("ana", doc_id, ("in progress", "done")[n % 8 == 0])
    project.spans.add_many(spans)
    project.spans.delete(spans[0].id)
    return project


def expected_count(project, doc_id: str, annotator: str | None) -> int:
    return len(project.spans.of_document(doc_id, annotator=annotator))


@pytest.mark.parametrize("sort", sorted(SORT_COLUMNS))
@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("annotator", [None, "ana"])
def test_pages_join_up_to_the_whole_list_with_right_counts(listed, sort, descending, annotator):
    whole = listed.documents.rows(0, 1000, annotator=annotator, sort=sort, descending=descending)
    assert len(whole) == listed.documents.count() == 23
    paged = []
    for offset in range(0, 23, 4):
        paged += listed.documents.rows(offset, 4, annotator=annotator, sort=sort, descending=descending)
    assert [r.id for r in paged] == [r.id for r in whole]
    for row in whole:
        assert row.span_count == expected_count(listed, row.id, annotator)
        assert row.status == (listed.assignments.status(annotator, row.id) if annotator else "todo")
    keys = {"spans": [r.span_count for r in whole], "length": [r.length for r in whole],
            "position": [r.position for r in whole], "title": [r.title.lower() for r in whole]}
    if sort in keys:
        assert keys[sort] == sorted(keys[sort], reverse=descending)


def test_filters_and_single_rows(listed):
    rows = listed.documents.rows(0, 100, filter_text="reuters", annotator="ana")
    assert rows and all(r.outlet == "Reuters" for r in rows)
    done = listed.documents.rows(0, 100, annotator="ana", status="done")
    assert done and all(r.status == "done" for r in done)
    assert listed.documents.count(annotator="ana", status="done") == len(done)
    target = rows[-1]
    [only] = listed.documents.rows(0, 200, annotator="ana", only_id=target.id)
    assert only == target
