"""The core model: plain records and rules for documents, labels and spans (no Qt, no SQL)."""

from annotator.core.errors import (
    AnnotatorError,
    CodebookError,
    ImportRefused,
    InvalidSpan,
    ProjectError,
)
from annotator.core.model import (
    ASSIGNMENT_STATUSES,
    SPAN_ORIGINS,
    Annotator,
    Assignment,
    AttributeDef,
    Choice,
    Document,
    DocumentLabel,
    Label,
    Span,
    document_id_for,
    new_uuid,
    now_iso,
)

__all__ = [
    "ASSIGNMENT_STATUSES",
    "SPAN_ORIGINS",
    "Annotator",
    "AnnotatorError",
    "Assignment",
    "AttributeDef",
    "Choice",
    "CodebookError",
    "Document",
    "DocumentLabel",
    "ImportRefused",
    "InvalidSpan",
    "Label",
    "ProjectError",
    "Span",
    "document_id_for",
    "new_uuid",
    "now_iso",
]
