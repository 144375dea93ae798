"""Corpus search for "label all occurrences": what it finds, and which occurrences carry the label already."""

from __future__ import annotations

from annotator.core.model import Document, Span
from annotator.store.search import already_labelled, find_in_documents


def test_only_this_annotators_spans_with_this_label_count_as_already_labelled(project):
    first = Document(text="Big Tech says Big Tech is fine.", title="one")
    second = Document(text="Nothing about Big Tech here.", title="two")
    elsewhere = Document(text="Big Tech again.", title="three")
    project.documents.add([first, second, elsewhere])
    for annotator, label, document, start in (("alice", "loaded_term", first, 0), ("bob", "loaded_term", first, 14),
                                              ("alice", "scare_quote", second, 14),
                                              ("alice", "loaded_term", elsewhere, 0)):
        project.spans.add(Span(document_id=document.id, annotator=annotator, label_id=label, start=start,
                               end=start + 8, text="Big Tech"))
    occurrences = find_in_documents(project, "big tech", [first.id, second.id])
    assert [(o.document_id, o.start) for o in occurrences] == [(first.id, 0), (first.id, 14), (second.id, 14)]
    assert already_labelled(project, occurrences, "alice", "loaded_term") == {(first.id, 0, 8)}
    assert already_labelled(project, occurrences, "bob", "loaded_term") == {(first.id, 14, 22)}
    assert already_labelled(project, [], "alice", "loaded_term") == set()
