"""What a store operation changed, so that views know what to refresh."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Change:
    """A description of one completed write: which records of which kind it touched."""

    action: str
    documents: list[str] = field(default_factory=list)
    spans: list[str] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)
    document_labels: list[str] = field(default_factory=list)
    annotators: list[str] = field(default_factory=list)
    details: dict = field(default_factory=dict)

    def __bool__(self) -> bool:
        return bool(
            self.documents or self.spans or self.labels or self.document_labels or self.annotators
        )
