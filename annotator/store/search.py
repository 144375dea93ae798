"""Corpus-wide search for "label all occurrences": where a phrase occurs, and which occurrences carry a label already."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from annotator.core.search import context, find_occurrences


@dataclass
class Occurrence:
    """One place a phrase occurs: document, offsets, the matched text and its context."""

    document_id: str
    document_title: str
    start: int
    end: int
    text: str
    before: str
    after: str


def find_in_documents(project, query: str, document_ids: list[str] | None = None,
                      case_sensitive: bool = False, whole_word: bool = True,
                      cancel: Callable[[], bool] | None = None, accent_sensitive: bool = False) -> list[Occurrence]:
    """Occurrences of `query` in the given documents (all documents when None), in corpus order."""
    found: list[Occurrence] = []
    documents = (project.documents.get(d) for d in document_ids) if document_ids is not None \
        else project.documents.iter_all()
    for doc in documents:
        if cancel and cancel():
            break
        for start, end in find_occurrences(doc.text, query, case_sensitive, whole_word, accent_sensitive):
            before, after = context(doc.text, start, end)
            found.append(Occurrence(doc.id, doc.title, start, end, doc.text[start:end], before, after))
    return found


def already_labelled(project, occurrences: list[Occurrence], annotator: str,
                     label_id: str) -> set[tuple[str, int, int]]:
    """(document, start, end) of `annotator`'s spans labelled `label_id` in the documents of `occurrences`:
    the occurrences that labelling all of them would add again."""
    labelled: set[tuple[str, int, int]] = set()
    for document_id in {o.document_id for o in occurrences}:
        labelled |= {(s.document_id, s.start, s.end) for s in project.spans.of_document(document_id, annotator)
                     if s.label_id == label_id}
    return labelled
