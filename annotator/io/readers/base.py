"""What every reader returns: documents to add, with pre-made spans in stored-text offsets."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from annotator.core.errors import ImportRefused
from annotator.core.model import Document
from annotator.core.text import stored_text_problem


@dataclass
class ImportedSpan:
    """A span found in an imported file; offsets are code points of the stored text."""

    start: int
    end: int
    label: str
    note: str = ""
    annotator: str | None = None


@dataclass
class ImportedDocument:
    """One document a reader made of a file (or of one row of a corpus file)."""

    document: Document
    spans: list[ImportedSpan] = field(default_factory=list)
    where: str = ""  # "line 4", "row 12", "item 2" when a file holds several documents

    @property
    def label_names(self) -> list[str]:
        """Every label name the spans use, in first-use order."""
        return list(dict.fromkeys(span.label for span in self.spans))


DEFAULT_MAX_BYTES = 50 * 1024 * 1024


@dataclass
class ReadOptions:
    """Choices that change what a reader extracts."""

    full_page: bool = False
    keep_captions: bool = False
    max_bytes: int = DEFAULT_MAX_BYTES


def display_name(path: Path) -> str:
    """How a file is named in messages and in a document's `filename`."""
    return path.name


def refuse_unstorable(text: str, source: str, where: str = "") -> None:
    """Raise ImportRefused naming the file (and record) when `text` may not be stored as a document's text."""
    problem = stored_text_problem(text)
    if problem:
        raise ImportRefused(source, f"{where}: the text {problem}" if where else f"the text {problem}")
