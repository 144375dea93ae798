"""From what a reader made of a file to core records: labels resolved, spans, answers and statuses."""

from __future__ import annotations

from dataclasses import dataclass, field

from annotator.core.errors import ImportRefused
from annotator.core.model import ASSIGNMENT_STATUSES, Document, DocumentLabel, Label, Span
from annotator.io.import_labels import LabelResolver
from annotator.io.readers.base import ImportedAnswer, ImportedFile, ImportedLabel


@dataclass
class MappedFile:
    """One file's records ready for the project: new labels (parents first) and what uses them."""

    documents: list[Document] = field(default_factory=list)
    spans: list[Span] = field(default_factory=list)
    answers: list[DocumentLabel] = field(default_factory=list)
    statuses: list[tuple[str, str, str]] = field(default_factory=list)  # (annotator, document id, status)
    labels: list[Label] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


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


def _question(entries: _Entries, resolver: LabelResolver, answer: ImportedAnswer, source: str) -> Label:
    found = entries.label(answer.question)
    if found is not None and found.kind == "document":
        return found
    return resolver.define(ImportedLabel(name=answer.question, kind="document"), None, source)


def _who(annotator: str | None, named: str | None, fallback: str | None, source: str) -> str:
    who = annotator or named or fallback
    if not who:
        raise ImportRefused(source, "its annotations do not say who made them; give the annotator's name "
                                    "(--annotator NAME on the command line)")
    return who


def map_file(imported: ImportedFile, resolver: LabelResolver, source: str, annotator: str | None,
             fallback: str | None) -> MappedFile:
    """Core records for one imported file; labels and questions it needs are made by `resolver`.

    Spans and answers go under `annotator` when given, else under the one the file names, else
    `fallback`; with none of them the file is refused. Values a question of the codebook has no
    choice for are reported, not stored.
    """
    mapped = MappedFile(warnings=list(imported.warnings))
    entries = _Entries(imported.labels, resolver, source)
    unknown_values: dict[str, set[str]] = {}
    for item in imported.documents:
        doc = item.document
        mapped.documents.append(doc)
        for s in item.spans:
            label = entries.label(s.label)
            label_id = label.id if label is not None and label.kind == "span" else resolver.resolve(s.label, source)
            mapped.spans.append(Span(
                document_id=doc.id, annotator=_who(annotator, s.annotator, fallback, source), label_id=label_id,
                start=s.start, end=s.end, text=doc.text[s.start:s.end], note=s.note,
                attributes=dict(s.attributes), origin="import"))
        for answer in item.answers:
            question = _question(entries, resolver, answer, source)
            ids, unknown = resolver.choice_ids(question, answer.values)
            if unknown:
                unknown_values.setdefault(question.name, set()).update(unknown)
            if ids:
                mapped.answers.append(DocumentLabel(
                    document_id=doc.id, annotator=_who(annotator, answer.annotator, fallback, source),
                    question=question.id, value="|".join(ids), note=answer.note))
        for who, status in item.statuses.items():
            if status in ASSIGNMENT_STATUSES:
                mapped.statuses.append((_who(annotator, who, fallback, source), doc.id, status))
    for question_name, values in unknown_values.items():
        mapped.warnings.append(f"question '{question_name}' of the codebook has no choice "
                               f"{', '.join(repr(v) for v in sorted(values))}: those answers were not imported")
    empty = [label for label in resolver.new if label.kind == "document" and not label.choices]
    for label in empty:
        resolver.new.remove(label)
        mapped.warnings.append(f"question '{label.name}' has no answers in the file and was not added")
    mapped.labels = list(resolver.new)  # taken by the importer once stored
    return mapped
