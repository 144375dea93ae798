"""Plain records of the annotation model: documents, annotators, labels, spans, document labels."""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

from annotator.core.errors import InvalidSpan

SPAN_ORIGINS = ("manual", "suggestion", "import", "adjudication", "recommender")
# Spans accepted from a detector's suggestion, and from the model trained on the project's annotations.
SUGGESTION_ORIGIN = "suggestion"
RECOMMENDER_ORIGIN = "recommender"
# The pseudo-annotator under whom the adjudicated gold standard is stored, and its spans' origin.
GOLD_ANNOTATOR = "gold"
ADJUDICATION_ORIGIN = "adjudication"
ASSIGNMENT_STATUSES = ("todo", "in progress", "done")
LABEL_KINDS = ("span", "document")
ATTRIBUTE_TYPES = ("text", "choice", "entity")


def reserved_name(name: str) -> bool:
    """True for a name no person may work under: the gold standard's (in any case or spacing)."""
    return name.strip().casefold() == GOLD_ANNOTATOR


MAX_NAME_LENGTH = 60  # characters of an annotator's name (and of the name shown for them)


def name_length_problem(name: str) -> str:
    """Why `name` is too long to give an annotator ("" when it is not): the one cap on names."""
    name = name.strip()
    if len(name) <= MAX_NAME_LENGTH:
        return ""
    return (f"the name {name[:24] + '…'!r} is too long: an annotator's name has at most {MAX_NAME_LENGTH} "
            f"characters (this one has {len(name)})")


def now_iso() -> str:
    """The current UTC time as an ISO 8601 string with microseconds (sortable as text)."""
    return datetime.now(timezone.utc).isoformat(timespec="microseconds")


def new_uuid() -> str:
    """A fresh random identifier for an annotation."""
    return str(uuid.uuid4())


def document_id_for(text: str) -> str:
    """A document's identity: the SHA-256 of its stored text (UTF-8)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass
class Document:
    """An article as stored: its text never changes once imported."""

    text: str
    title: str = ""
    outlet: str = ""
    url: str = ""
    author: str = ""
    published: str = ""
    language: str = ""
    filename: str = ""
    metadata: dict[str, Any] = field(default_factory=dict)
    id: str = ""

    def __post_init__(self) -> None:
        if not self.id:
            self.id = document_id_for(self.text)


@dataclass
class Annotator:
    """A person who annotates; `role` is "annotator" or "lead". `display_name` is how the app shows them
    (their `name`, the key their work is recorded under, never changes); a `retired` annotator keeps
    their work and gets no new documents."""

    name: str
    role: str = "annotator"
    display_name: str = ""
    retired: bool = False

    @property
    def shown_name(self) -> str:
        """The display name when set, else the name."""
        return self.display_name or self.name


class InTwoLanguages:
    """A codebook entry whose name and description are in English and, optionally, in French."""

    name: str
    name_fr: str
    description: str
    description_fr: str

    def display_name(self, language: str = "en") -> str:
        """The entry's name in `language` ("fr" or "en"), falling back to English."""
        return self.name_fr if language == "fr" and self.name_fr else self.name

    def display_description(self, language: str = "en") -> str:
        """The entry's description in `language` ("fr" or "en"), falling back to English."""
        return self.description_fr if language == "fr" and self.description_fr else self.description


@dataclass
class Choice(InTwoLanguages):
    """One answer of a document-level question."""

    id: str
    name: str
    name_fr: str = ""
    description: str = ""
    description_fr: str = ""
    code: str = ""
    retired: bool = False  # kept for the answers that use it, no longer offered


@dataclass
class Label(InTwoLanguages):
    """A codebook entry: a span label (kind "span") or a document-level question (kind "document")."""

    id: str
    name: str
    kind: str = "span"
    parent: str | None = None
    color: str = "#4477AA"
    shortcut: str = ""
    description: str = ""
    name_fr: str = ""
    description_fr: str = ""
    examples: list[str] = field(default_factory=list)
    choices: list[Choice] = field(default_factory=list)
    multiple: bool = False
    level: str = "nominal"
    retired: bool = False
    imported: bool = False
    position: int = 0
    examples_fr: list[str] = field(default_factory=list)
    code: str = ""


@dataclass
class AttributeDef(InTwoLanguages):
    """A span attribute of the codebook (speaker, stance...): free text, a choice, or an entity.

    `choices` holds the choice ids; `choice_details` the same choices with their names and
    descriptions (a choice given as a bare string has its id as name). `multiple` lets a span
    take several choices or entities. `labels` lists the span labels it applies to (all if empty).
    """

    id: str
    name: str
    type: str = "text"
    choices: list[str] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)
    name_fr: str = ""
    description: str = ""
    description_fr: str = ""
    multiple: bool = False
    choice_details: list[Choice] = field(default_factory=list)
    retired: bool = False  # its values stay on spans; new spans no longer ask for it

    def __post_init__(self) -> None:
        known = {c.id for c in self.choice_details}
        self.choice_details += [Choice(id=c, name=c) for c in self.choices if c not in known]
        if not self.choices:
            self.choices = [c.id for c in self.choice_details]


@dataclass
class Span:
    """A labelled stretch of a document: offsets are Python code points, `end` exclusive."""

    document_id: str
    annotator: str
    label_id: str
    start: int
    end: int
    text: str
    note: str = ""
    attributes: dict[str, Any] = field(default_factory=dict)
    origin: str = "manual"
    id: str = field(default_factory=new_uuid)
    created: str = field(default_factory=now_iso)
    updated: str = ""
    deleted: bool = False
    codebook_version: int = 0

    def __post_init__(self) -> None:
        if not self.updated:
            self.updated = self.created

    def check_against(self, document_text: str) -> None:
        """Raise InvalidSpan unless the offsets fit the text and `text` is what they cover."""
        self.check_fits(len(document_text), document_text[self.start : self.end]
                        if isinstance(self.start, int) and isinstance(self.end, int) else "")

    def check_fits(self, length: int, covered: str) -> None:
        """Raise InvalidSpan unless the offsets fit a text of `length` whose [start:end] is `covered`."""
        validate_offsets(self.start, self.end, length)
        if covered != self.text:
            raise InvalidSpan(
                f"span text {self.text!r} differs from the document's text {covered!r} "
                f"at {self.start}-{self.end}"
            )
        if self.origin not in SPAN_ORIGINS:
            raise InvalidSpan(f"unknown span origin {self.origin!r}")


@dataclass
class DocumentLabel:
    """An annotator's answer to a document-level question (value: a choice id, or several joined by '|')."""

    document_id: str
    annotator: str
    question: str
    value: str
    note: str = ""
    id: str = field(default_factory=new_uuid)
    created: str = field(default_factory=now_iso)
    updated: str = ""
    deleted: bool = False

    def __post_init__(self) -> None:
        if not self.updated:
            self.updated = self.created


@dataclass
class Memo:
    """An annotator's free notes on a whole document."""

    document_id: str
    annotator: str
    text: str
    created: str = field(default_factory=now_iso)
    updated: str = ""

    def __post_init__(self) -> None:
        if not self.updated:
            self.updated = self.created


@dataclass
class Assignment:
    """Which annotator codes which document, and how far they are."""

    annotator: str
    document_id: str
    status: str = "todo"
    updated: str = field(default_factory=now_iso)


def validate_offsets(start: int, end: int, length: int) -> None:
    """Raise InvalidSpan unless 0 <= start < end <= length."""
    if not (isinstance(start, int) and isinstance(end, int)):
        raise InvalidSpan(f"span offsets must be whole numbers, not {start!r} and {end!r}")
    if not 0 <= start < end <= length:
        raise InvalidSpan(
            f"span {start}-{end} does not fit a text of {length} characters "
            "(it needs 0 <= start < end <= length)"
        )
