"""Corpus-wide search: occurrences of a phrase in every document, for "label all occurrences"."""

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
