"""Imports in the project file: one file's documents, spans and new labels in one transaction."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable

from annotator.core.change import Action, Change
from annotator.core.errors import InvalidSpan
from annotator.core.model import Document, Label, Span
from annotator.store.codebook_store import CodebookStore
from annotator.store.documents import Documents
from annotator.store.spans import Spans
from annotator.store.team import Team, check_owner
from annotator.store.transactions import ProjectDatabase


@dataclass
class ImportOutcome:
    """What one imported file added: new documents, documents already present, spans, labels."""

    added: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    spans: list[str] = field(default_factory=list)
    repeated_spans: int = 0
    labels: list[str] = field(default_factory=list)

    def change(self) -> Change:
        return Change(Action.DOCUMENTS_IMPORTED, documents=list(self.added), spans=list(self.spans),
                      labels=list(self.labels))


class Imports:
    """Storing what an importer read, all or nothing."""

    def __init__(self, db: ProjectDatabase, codebook: CodebookStore, documents: Documents, spans: Spans,
                 team: Team):
        self.db = db
        self.codebook = codebook
        self.documents = documents
        self.spans = spans
        self.team = team

    def add(self, documents: Iterable[Document], spans: Iterable[Span] = (),
                   labels: Iterable[Label] = ()) -> ImportOutcome:
        """Add new labels, documents and their spans in ONE transaction; any error leaves the file unchanged.

        A document already in the project is not added again. A span identical to a live one
        (same document, annotator, label and offsets) is not added again either, so importing
        the same file twice adds nothing.
        """
        documents = list(documents)
        spans = list(spans)
        outcome = ImportOutcome()
        with self.db.atomic():
            for label in labels:
                self.codebook.add_label(label, description=f"label {label.id} added by an import")
                outcome.labels.append(label.id)
            added = self.documents.add(documents)
            outcome.added, outcome.duplicates = added.added, added.duplicates
            if not spans:
                return outcome
            texts = {doc.id: doc.text for doc in documents}
            kinds = {label.id: label.kind for label in self.codebook.labels()}
            version = self.codebook.version()
            annotators: set[str] = set()
            for span in spans:
                self._store_imported_span(span, texts, kinds, version, annotators, outcome)
        return outcome

    def _store_imported_span(self, span: Span, texts: dict[str, str], kinds: dict[str, str], version: int,
                             annotators: set[str], outcome: ImportOutcome) -> None:
        check_owner(span.annotator, span.origin, by_adjudication=False)
        if span.document_id not in texts:
            raise InvalidSpan(f"span refers to document {span.document_id}, which this import does not hold")
        span.check_against(texts[span.document_id])
        if kinds.get(span.label_id) != "span":
            raise InvalidSpan(f"span refers to {span.label_id!r}, which is not a span label of the codebook")
        exists = self.db.execute(
            'SELECT 1 FROM spans WHERE document_id = ? AND annotator = ? AND label_id = ? AND start = ? '
            'AND "end" = ? AND deleted = 0',
            [span.document_id, span.annotator, span.label_id, span.start, span.end],
        ).fetchone()
        if exists:
            outcome.repeated_spans += 1
            return
        if span.annotator not in annotators:
            self.team.ensure(span.annotator)
            annotators.add(span.annotator)
        span.codebook_version = span.codebook_version or version
        self.spans.insert(span)
        outcome.spans.append(span.id)
