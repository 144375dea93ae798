"""From what a reader made of a file to core records, batch by batch: labels resolved (or taken from the
file's own codebook), spans, answers, statuses and memos."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable

from annotator.core.codebook import Codebook
from annotator.core.errors import ImportRefused
from annotator.core.model import (
    ASSIGNMENT_STATUSES, Annotator, AttributeDef, Choice, Document, DocumentLabel, Label, Memo, Span, now_iso,
)
from annotator.io.import_labels import LabelResolver
from annotator.io.readers.base import ImportedAnswer, ImportedDocument, ImportedFile, ImportedLabel

IMPORT_ORIGINS = ("manual", "suggestion", "import")  # kept from a file; anything else becomes "import"


@dataclass
class MappedBatch:
    """Records ready for the store: labels and choices to add first, then documents and what is theirs."""

    labels: list[Label] = field(default_factory=list)
    choices: dict[str, list[Choice]] = field(default_factory=dict)
    documents: list[Document] = field(default_factory=list)
    spans: list[Span] = field(default_factory=list)
    answers: list[DocumentLabel] = field(default_factory=list)
    statuses: list[tuple[str, str, str]] = field(default_factory=list)  # (annotator, document id, status)
    memos: list[Memo] = field(default_factory=list)


class _Entries:
    """The file's codebook entries resolved to label ids, parents before children."""

    def __init__(self, entries: list[ImportedLabel], resolver: LabelResolver, source: str):
        self._by_ref = {entry.ref: entry for entry in entries}
        self._resolver = resolver
        self._source = source
        self.ids: dict[str, Label] = {}
        for entry in entries:
            self.label(entry.ref)

    def label(self, ref: str, visiting: frozenset[str] = frozenset()) -> Label | None:
        """The codebook label of a file entry (None when the file defines no such entry)."""
        if ref in self.ids:
            return self.ids[ref]
        entry = self._by_ref.get(ref)
        if entry is None:
            return None
        parent_id = None
        if entry.parent and entry.parent not in visiting and entry.parent != ref:
            parent = self.label(entry.parent, visiting | {ref})
            if parent is not None and parent.kind == ("document" if entry.kind == "document" else "span"):
                parent_id = parent.id
        self.ids[ref] = self._resolver.define(entry, parent_id, self._source)
        return self.ids[ref]


class _OwnCodebook:
    """A file's whole codebook (our JSONL): each label matched by id, or added with its id and all
    its fields; the questions' choices and the attributes the project lacks are added too."""

    def __init__(self, book: Codebook, resolver: LabelResolver, source: str):
        self._by_id = {label.id: label for label in book.labels}
        self._resolver = resolver
        self._source = source
        self.ids: dict[str, Label] = {}
        self.added: list[str] = []
        for label in book.labels:
            self.label(label.id)
        self.attributes = [self._attribute(attr) for attr in book.attributes]

    def label(self, file_id: str, visiting: frozenset[str] = frozenset()) -> Label | None:
        if file_id in self.ids:
            return self.ids[file_id]
        label = self._by_id.get(file_id)
        if label is None:
            return None
        parent_id = None
        if label.parent and label.parent not in visiting:
            parent = self.label(label.parent, visiting | {file_id})
            parent_id = parent.id if parent is not None and parent.kind == label.kind else None
        found, new = self._resolver.adopt(label, parent_id, self._source)
        if not new and found.kind == "document":
            for choice in label.choices:
                if all(c.id != choice.id for c in found.choices):
                    self._resolver.add_choice(found, Choice(**vars(choice)))
        if new:
            self.added.append(found.id)
        self.ids[file_id] = found
        return found

    def _attribute(self, attr: AttributeDef) -> AttributeDef:
        labels = [self.ids[label_id].id for label_id in attr.labels if label_id in self.ids]
        return AttributeDef(id=attr.id, name=attr.name, type=attr.type, choices=list(attr.choices), labels=labels,
                            name_fr=attr.name_fr, description=attr.description,
                            description_fr=attr.description_fr, multiple=attr.multiple,
                            choice_details=[Choice(**vars(c)) for c in attr.choice_details])


class FileMapper:
    """Maps one file's documents to core records batch by batch; labels and questions they need are
    made by `resolver` and handed over with the batch that first needs them.

    Spans and answers go under `annotator` when given, else under the one the file names, else
    `fallback`; with none of them the file is refused. A value a question lacks becomes a new choice
    of it (reported).
    """

    def __init__(self, imported: ImportedFile, resolver: LabelResolver, source: str, annotator: str | None,
                 fallback: str | None):
        self.resolver = resolver
        self.source = source
        self.annotator = annotator
        self.fallback = fallback
        self.warnings: list[str] = []
        project_had_codebook = bool(resolver.labels)
        self.own = _OwnCodebook(imported.codebook, resolver, source) if imported.codebook is not None else None
        self.header = imported.codebook if imported.codebook is not None and not project_had_codebook else None
        self.attributes = self.own.attributes if self.own is not None else []
        self.team: list[Annotator] = [] if annotator else list(imported.team)
        self.entries = _Entries(imported.labels, resolver, source)
        self._imported_entries = imported.labels
        self._exchange_ids = imported.exchange_ids

    def _who(self, named: str | None) -> str:
        return _who(self.annotator, named, self.fallback, self.source)

    def _span_label(self, name: str) -> str:
        own = self.own.ids.get(name) if self.own is not None else None
        if own is not None and own.kind == "span":
            return own.id
        label = self.entries.label(name)
        return label.id if label is not None and label.kind == "span" else self.resolver.resolve(name, self.source)

    def _question(self, answer: ImportedAnswer) -> Label:
        own = self.own.ids.get(answer.question) if self.own is not None else None
        if own is not None and own.kind == "document":
            return own
        found = self.entries.label(answer.question)
        if found is not None and found.kind == "document":
            return found
        return self.resolver.define(ImportedLabel(name=answer.question, kind="document"), None, self.source)

    def map(self, items: Iterable[ImportedDocument]) -> MappedBatch:
        """Core records for a batch of the file's documents, with the labels they need that are new."""
        batch = MappedBatch()
        for item in items:
            doc = item.document
            batch.documents.append(doc)
            for s in item.spans:
                stamp = s.created or now_iso()
                batch.spans.append(Span(
                    document_id=doc.id, annotator=self._who(s.annotator), label_id=self._span_label(s.label),
                    start=s.start, end=s.end, text=doc.text[s.start:s.end], note=s.note,
                    attributes=dict(s.attributes), origin=s.origin if s.origin in IMPORT_ORIGINS else "import",
                    **({"id": s.id} if s.id else {}), created=stamp, updated=s.updated or stamp,
                    codebook_version=s.codebook_version))
            for answer in item.answers:
                question = self._question(answer)
                ids, _ = self.resolver.choice_ids(question, answer.values)
                if ids:
                    stamp = answer.created or now_iso()
                    batch.answers.append(DocumentLabel(
                        document_id=doc.id, annotator=self._who(answer.annotator), question=question.id,
                        value="|".join(ids), note=answer.note, created=stamp, updated=answer.updated or stamp))
            for who, status in item.statuses.items():
                if status in ASSIGNMENT_STATUSES:
                    batch.statuses.append((self._who(who), doc.id, status))
            for memo in item.memos:
                stamp = memo.created or now_iso()
                batch.memos.append(Memo(doc.id, self._who(memo.annotator), memo.text, stamp, memo.updated or stamp))
        batch.labels, batch.choices = self.resolver.take_pending()
        return batch

    def exchange_ids(self) -> dict[str, str]:
        """The ids the file gave to our records ("<kind>:<our id>" -> the file's id), its codes and
        their choices now under the ids of the labels they resolved to; once the file is mapped.
        The users' ids are left out when the file's work went under one annotator given for it."""
        ids = {name: value for name, value in self._exchange_ids.items()
               if not (self.annotator and name.startswith("user:"))}
        for entry in self._imported_entries:
            label = self.entries.ids.get(entry.ref)
            if label is None or not entry.key:
                continue
            ids.setdefault(f"label:{label.id}", entry.key)
            for name, key in zip(entry.choices, entry.choice_keys):
                choice = next((c for c in label.choices if c.name.casefold() == name.strip().casefold()), None)
                if choice is not None and key:
                    ids.setdefault(f"choice:{label.id}/{choice.id}", key)
        return ids

    def finish(self) -> list[str]:
        """Warnings for the whole file, once its last batch is mapped (questions that got no answer)."""
        warnings = list(self.warnings)
        for label in self.resolver.unstored_questions():
            warnings.append(f"question '{label.name}' has no answers in the file and was not added")
        return warnings


def _who(annotator: str | None, named: str | None, fallback: str | None, source: str) -> str:
    who = annotator or named or fallback
    if not who:
        raise ImportRefused(source, "its annotations do not say who made them; give the annotator's name "
                                    "(--annotator NAME on the command line)")
    return who
