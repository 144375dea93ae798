"""Plain records an agreement report is built from: who coded which document, with which spans and answers."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any, Collection


@dataclass(frozen=True)
class CodedSpan:
    """One annotator's span as agreement sees it: offsets, label and where it came from."""

    annotator: str
    start: int
    end: int
    label: str
    origin: str = "manual"


@dataclass
class CodedDocument:
    """A document with the annotators who coded it, their spans and their answers to questions."""

    id: str
    title: str
    length: int
    coders: list[str]
    spans: list[CodedSpan] = field(default_factory=list)
    answers: dict[str, dict[str, str]] = field(default_factory=dict)  # question -> annotator -> value


@dataclass(frozen=True)
class QuestionSpec:
    """A document-level question: its answers in codebook order and its level of measurement."""

    id: str
    name: str
    level: str = "nominal"
    choices: tuple[str, ...] = ()
    multiple: bool = False


@dataclass(frozen=True)
class LabelSpec:
    """A span label of the codebook, with its parent label's id (None at the top level)."""

    id: str
    name: str
    parent: str | None = None


@dataclass
class AgreementInput:
    """Everything an agreement report needs, already filtered (annotators, labels, done-only)."""

    annotators: list[str]
    documents: list[CodedDocument]
    questions: list[QuestionSpec]
    labels: list[LabelSpec]
    filters: dict[str, Any] = field(default_factory=dict)


def rolled_up(data: AgreementInput, wanted: Collection[str] | None = None) -> AgreementInput:
    """The same input with every sub-label's spans counted as spans of its top-level label.

    Only spans whose own label is in `wanted` (default: every label of `data`) are kept; the labels
    compared are the top-level labels of those. A label whose parent is not among `data.labels` is its
    own top level.
    """
    by_id = {label.id: label for label in data.labels}

    def root(label_id: str) -> str:
        seen = {label_id}
        while by_id.get(label_id) and by_id[label_id].parent in by_id and by_id[label_id].parent not in seen:
            label_id = by_id[label_id].parent
            seen.add(label_id)
        return label_id

    keep = set(wanted) if wanted is not None else set(by_id)
    roots = list(dict.fromkeys(root(label.id) for label in data.labels if label.id in keep))
    documents = [
        replace(doc, spans=[replace(s, label=root(s.label)) for s in doc.spans if s.label in keep])
        for doc in data.documents
    ]
    return replace(data, documents=documents,
                   labels=[replace(by_id[r], parent=None) for r in roots if r in by_id])
