"""What every reader returns: documents with pre-made spans in stored-text offsets, and codebook entries."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from annotator.core.codebook import Codebook
from annotator.core.errors import ImportRefused
from annotator.core.model import Annotator, Document
from annotator.core.text import normalise_text, stored_text_problem


@dataclass
class ImportedSpan:
    """A span found in an imported file; offsets are code points of the stored text.

    `label` is a label name, or the `key` of one of the file's ImportedLabel entries.
    `annotator` None means the file does not say who made the span.
    """

    start: int
    end: int
    label: str
    note: str = ""
    annotator: str | None = None
    attributes: dict[str, Any] = field(default_factory=dict)
    # Kept from files that carry them (our own JSONL); empty means "made by this import".
    id: str = ""
    origin: str = ""
    created: str = ""
    updated: str = ""
    codebook_version: int = 0


@dataclass
class ImportedLabel:
    """A codebook entry a file defines: a span label (a code, a brat type, a layer tag) or a question.

    `key` is how the file's spans and answers refer to it (a GUID, a type name); the name when empty.
    `parent` is the key of its parent entry in the same file. A question (kind "document") lists
    its choices by name, and in `choice_keys` (when the file has them) by the file's keys, in the
    same order. `described` says the file states the description, an empty one too.
    """

    name: str
    key: str = ""
    parent: str = ""
    color: str = ""
    description: str = ""
    kind: str = "span"
    choices: list[str] = field(default_factory=list)
    choice_keys: list[str] = field(default_factory=list)
    described: bool = False

    @property
    def ref(self) -> str:
        """How spans and answers refer to this entry."""
        return self.key or self.name


@dataclass
class ImportedAnswer:
    """An answer to a document-level question: the question (name or entry key) and chosen values."""

    question: str
    values: list[str]
    annotator: str | None = None
    note: str = ""
    created: str = ""
    updated: str = ""


@dataclass
class ImportedMemo:
    """An annotator's memo on the whole document."""

    text: str
    annotator: str | None = None
    created: str = ""
    updated: str = ""


@dataclass
class ImportedDocument:
    """One document a reader made of a file (or of one row of a corpus file)."""

    document: Document
    spans: list[ImportedSpan] = field(default_factory=list)
    where: str = ""  # "line 4", "row 12", "item 2" when a file holds several documents
    answers: list[ImportedAnswer] = field(default_factory=list)
    statuses: dict[str, str] = field(default_factory=dict)  # annotator -> todo / in progress / done
    memos: list[ImportedMemo] = field(default_factory=list)

    @property
    def label_names(self) -> list[str]:
        """Every label name the spans use, in first-use order."""
        return list(dict.fromkeys(span.label for span in self.spans))


@dataclass
class ImportedFile:
    """Everything a reader made of one file: documents, codebook entries, and what it could not map.

    `documents` is a list, or for a corpus read record by record an iterator to go through once
    (its warnings are complete when it is exhausted). `codebook` and `team` come with files that
    carry a whole codebook and team (our own JSONL export, a REFI-QDA project's users).
    `exchange_ids` are the ids the file gave to records of ours, kept so that exporting them again
    in its format writes the same ids: "<kind>:<our id>" -> the file's id (documents, users,
    codings, by our ids; codes by the entry keys, which the import resolves to label ids).
    """

    documents: Iterable[ImportedDocument] = field(default_factory=list)
    labels: list[ImportedLabel] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    codebook: Codebook | None = None
    team: list[Annotator] = field(default_factory=list)
    exchange_ids: dict[str, str] = field(default_factory=dict)
    exchange_ids_key: str = ""  # where the project keeps the ids of this format (its meta key)


def as_imported_file(result: "ImportedFile | list[ImportedDocument]") -> ImportedFile:
    """A reader's result as an ImportedFile (readers of plain corpora return a list of documents)."""
    return result if isinstance(result, ImportedFile) else ImportedFile(documents=list(result))


DEFAULT_MAX_BYTES = 50 * 1024 * 1024


@dataclass
class ReadOptions:
    """Choices that change what a reader extracts.

    `max_bytes` is a limit per article: a file that is one article (a page, a text) or that is read
    whole (a tool's project) may not be larger; a corpus read record by record (JSONL, CSV) has no
    limit, but none of its records may be.
    """

    full_page: bool = False
    keep_captions: bool = False
    max_bytes: int = DEFAULT_MAX_BYTES
    scan_encoding: bool = False  # find a corpus's encoding over the whole file, not from its first bytes


def size_over(size: int, limit: int) -> str:
    """`size` (bytes, over `limit`) in MB with as many decimals as it takes to differ from the limit
    ("50.3 MB", "50.0004 MB"), in bytes when even six decimals would not tell them apart."""
    megabytes, limit_megabytes = size / 1_048_576, limit / 1_048_576
    for places in range(1, 7):
        shown = f"{megabytes:.{places}f}"
        if float(shown) != round(limit_megabytes, places):
            return f"{shown} MB"
    return f"{size:,} bytes"


MAX_ARTICLE_SIZE = "max_article_size"  # ImportRefused.limit_option of an article over the size limit


def too_large(source: str, size: int, limit: int, where: str = "") -> ImportRefused:
    """The refusal of an article (or a file read whole) over the size limit."""
    what = f"{where}: the article is" if where else "is"
    return ImportRefused(
        source, f"{what} {size_over(size, limit)}, over the {limit / 1_048_576:g} MB limit per article",
        limit_option=MAX_ARTICLE_SIZE)


class TextAsStored:
    """A text that needs no normalisation (no BOM, no CR): offsets map to themselves."""

    def __init__(self, text: str):
        self.text = text

    def remap(self, start: int, end: int) -> tuple[int, int]:
        return start, end


def stored_text_of(raw: str) -> "TextAsStored | Any":
    """The stored text of `raw` with its offset map (BOM dropped, CR LF and CR made LF); a text
    without BOM or CR skips the character-by-character map."""
    if "\r" not in raw and not raw.startswith("\ufeff"):
        return TextAsStored(raw)
    return normalise_text(raw)


def display_name(path: Path) -> str:
    """How a file is named in messages and in a document's `filename`."""
    return path.name


def refuse_unstorable(text: str, source: str, where: str = "") -> None:
    """Raise ImportRefused naming the file (and record) when `text` may not be stored as a document's text."""
    problem = stored_text_problem(text)
    if problem:
        raise ImportRefused(source, f"{where}: the text {problem}" if where else f"the text {problem}")


def count_phrase(counts: dict[str, int]) -> str:
    """{"R line(s)": 2, "E line(s)": 1} as "2 R line(s), 1 E line(s)"."""
    return ", ".join(f"{n} {what}" for what, n in counts.items() if n)
