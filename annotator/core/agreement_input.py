"""Plain records an agreement report is built from: who coded which document, with which spans and answers."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


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
    """A span label of the codebook."""

    id: str
    name: str


@dataclass
class AgreementInput:
    """Everything an agreement report needs, already filtered (annotators, labels, done-only)."""

    annotators: list[str]
    documents: list[CodedDocument]
    questions: list[QuestionSpec]
    labels: list[LabelSpec]
    filters: dict[str, Any] = field(default_factory=dict)
