"""What a store operation changed, as a typed record, so that views know what to refresh."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum


class Action(str, Enum):
    """What kind of write a Change reports. The value is a plain phrase, for logs and messages."""

    # documents and imports
    DOCUMENTS_ADDED = "documents added"
    DOCUMENTS_IMPORTED = "documents imported"
    # spans
    SPANS_ADDED = "spans added"
    SPAN_CHANGED = "span changed"
    SPANS_DELETED = "spans deleted"
    SPANS_RESTORED = "spans restored"
    # document answers and statuses
    DOCUMENT_LABEL_SET = "document label set"
    NOTHING_TO_CLEAR = "nothing to clear"
    STATUS_SET = "status set"
    MEMO_SET = "memo set"
    # codebook
    CODEBOOK_INSTALLED = "codebook installed"
    CODEBOOK_IMPORTED = "codebook imported"
    CODEBOOK_UNCHANGED = "codebook unchanged"
    LABEL_ADDED = "label added"
    LABEL_RENAMED = "label renamed"
    LABEL_RECOLOURED = "label recoloured"
    LABEL_DESCRIBED = "label described"
    SHORTCUT_SET = "shortcut set"
    LABEL_MOVED = "label moved"
    LABEL_RETIRED = "label retired"
    LABEL_BROUGHT_BACK = "label brought back"
    LABEL_DELETED = "label deleted"
    LABELS_MERGED = "labels merged"
    QUESTION_SET = "question set"
    CHOICE_ADDED = "choice added"
    CHOICE_EDITED = "choice edited"
    CHOICE_MOVED = "choice moved"
    CHOICE_RETIRED = "choice retired"
    CHOICE_BROUGHT_BACK = "choice brought back"
    CHOICE_DELETED = "choice deleted"
    ATTRIBUTE_ADDED = "attribute added"
    ATTRIBUTE_EDITED = "attribute edited"
    ATTRIBUTE_MOVED = "attribute moved"
    ATTRIBUTE_RETIRED = "attribute retired"
    ATTRIBUTE_BROUGHT_BACK = "attribute brought back"
    ATTRIBUTE_DELETED = "attribute deleted"
    NOTHING_TO_CHANGE = "nothing to change"
    # team and settings
    SETTING_CHANGED = "setting changed"
    BLIND_CODING_ON = "blind coding on"
    BLIND_CODING_OFF = "blind coding off"
    ANNOTATOR_ADDED = "annotator added"
    ANNOTATOR_EXISTS = "annotator exists"
    ROLE_SET = "role set"
    ANNOTATOR_RENAMED = "annotator renamed"
    ANNOTATOR_RETIRED = "annotator retired"
    ANNOTATOR_BROUGHT_BACK = "annotator brought back"
    DOCUMENTS_ASSIGNED = "documents assigned"
    DOCUMENTS_ASSIGNED_AUTOMATICALLY = "documents assigned automatically"
    DOCUMENTS_UNASSIGNED = "documents unassigned"
    # suggestions
    SUGGESTIONS_ACCEPTED = "suggestions accepted"
    SUGGESTIONS_REJECTED = "suggestions rejected"
    SUGGESTION_DECISIONS_UNDONE = "suggestion decisions undone"
    SUGGESTION_DECISIONS_REDONE = "suggestion decisions redone"
    NOTHING_TO_UNDO = "nothing to undo"
    LOADED_TERM_ADDED = "loaded term added"
    LOADED_TERM_REMOVED = "loaded term removed"
    # the model that learns from the annotations
    MODELS_TRAINED = "models trained"
    MODELS_CLEARED = "models cleared"
    # gold standard
    SPAN_ACCEPTED_INTO_GOLD = "span accepted into gold"
    GOLD_SPAN_ADDED = "gold span added"
    ALREADY_IN_GOLD = "already in gold"
    AGREED_SPANS_ACCEPTED = "agreed spans accepted into gold"
    AGREED_ANSWERS_ACCEPTED = "agreed answers accepted into gold"
    # merges
    MERGED = "merged"

    def __str__(self) -> str:
        return self.value

    @property
    def decides_suggestions(self) -> bool:
        """True for writes that change which suggestions are still pending."""
        return self in _SUGGESTION_DECISIONS


_SUGGESTION_DECISIONS = frozenset({
    Action.SUGGESTIONS_ACCEPTED, Action.SUGGESTIONS_REJECTED,
    Action.SUGGESTION_DECISIONS_UNDONE, Action.SUGGESTION_DECISIONS_REDONE,
})


@dataclass
class Change:
    """A description of one completed write: what kind of write, and which records of which kind it touched."""

    action: Action
    documents: list[str] = field(default_factory=list)
    spans: list[str] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)
    document_labels: list[str] = field(default_factory=list)
    annotators: list[str] = field(default_factory=list)
    details: dict = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.action = Action(self.action)

    def __bool__(self) -> bool:
        return bool(
            self.documents or self.spans or self.labels or self.document_labels or self.annotators
        )
