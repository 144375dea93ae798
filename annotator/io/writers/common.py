"""What every export writer shares: the selection, the report, progress and cancel, atomic output."""

from __future__ import annotations

import contextlib
import os
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterator

from annotator.core.model import GOLD_ANNOTATOR
from annotator.core.codebook import Codebook
from annotator.core.errors import AnnotatorError
from annotator.core.leftovers import remove_leftovers, scratch_name

GOLD = GOLD_ANNOTATOR
ProgressCallback = Callable[[int, int], None]
CancelCallback = Callable[[], bool]


class ExportCancelled(AnnotatorError):
    """The person cancelled an export; nothing was written."""


@dataclass
class ExportSelection:
    """What to export: whose work, which labels, which documents.

    `annotators` are the individual annotators (gold excluded); `gold` adds the adjudicated spans
    under the name "gold"; `label_ids` None means every label; `done_only` keeps a document for an
    annotator only when that annotator marked it done.
    """

    annotators: list[str]
    gold: bool = False
    label_ids: list[str] | None = None
    done_only: bool = False

    @property
    def sources(self) -> list[str]:
        """The annotator names as they appear in exports, gold last."""
        return list(self.annotators) + ([GOLD] if self.gold else [])


@dataclass
class ExportReport:
    """What an export wrote (or, when cancelled, would have written)."""

    format: str
    path: Path | None = None
    files: int = 0
    documents: int = 0
    spans: int = 0
    document_labels: int = 0
    rows: int = 0
    warnings: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    cancelled: bool = False
    seconds: float = 0.0

    def summary(self) -> str:
        """One line for people: what was written where."""
        if self.cancelled:
            return "Export cancelled; nothing was written."
        parts = []
        if self.documents:
            parts.append(f"{self.documents} documents")
        if self.spans:
            parts.append(f"{self.spans} spans")
        if self.document_labels:
            parts.append(f"{self.document_labels} document labels")
        if self.rows and not parts:
            parts.append(f"{self.rows} rows")
        if self.format == "qdc":
            parts = ["the codebook"]
        what = ", ".join(parts) or "nothing selected"
        return f"Exported {what} to {self.path} ({self.seconds:.1f} s)."


class Progress:
    """Reports progress now and then and raises ExportCancelled when the person cancels."""

    def __init__(self, total: int, callback: ProgressCallback | None = None,
                 cancel: CancelCallback | None = None, every: int = 500):
        self.total = total
        self.done = 0
        self._callback = callback
        self._cancel = cancel
        self._every = max(1, every)
        self._next = 0

    def step(self, count: int = 1) -> None:
        """Count `count` more items; call back and check for cancel every few hundred items."""
        self.done += count
        if self.done >= self._next:
            self._next = self.done + self._every
            self.check()

    def check(self) -> None:
        if self._cancel is not None and self._cancel():
            raise ExportCancelled("export cancelled")
        if self._callback is not None:
            self._callback(min(self.done, self.total), self.total)

    def finish(self) -> None:
        if self._callback is not None:
            self._callback(self.total, self.total)


def _scratch_name(path: Path, suffix: str) -> Path:
    """A hidden, unused name beside `path` for work in progress, named with this process (see core.leftovers)."""
    return scratch_name(path, suffix.lstrip("."))


@contextlib.contextmanager
def atomic_output_file(path: Path) -> Iterator[Path]:
    """Yield a temporary path beside `path`; move it onto `path` only if the block succeeds."""
    path = Path(path)
    if not path.parent.is_dir():
        raise AnnotatorError(f"{path}: folder {path.parent} does not exist")
    if path.is_dir():
        raise AnnotatorError(f"{path}: is a folder; give a file name")
    remove_leftovers(path)  # of an export of the same file that was killed
    temp_path = _scratch_name(path, ".partial")
    with open(temp_path, "x", encoding="utf-8"):
        pass  # created with the usual permissions (mkstemp would make it private)
    try:
        yield temp_path
        os.replace(temp_path, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            temp_path.unlink()


@contextlib.contextmanager
def atomic_output_folder(path: Path, marker: str) -> Iterator[Path]:
    """Yield a temporary folder beside `path`, renamed to `path` only if the block succeeds.

    An existing `path` is replaced only when it is empty or holds `marker` (a file an earlier
    export of the same kind wrote), so an export never wipes an unrelated folder.
    """
    path = Path(path)
    if not path.parent.is_dir():
        raise AnnotatorError(f"{path}: folder {path.parent} does not exist")
    if path.exists():
        if not path.is_dir():
            raise AnnotatorError(f"{path}: is a file; this format writes a folder")
        if any(path.iterdir()) and not (path / marker).exists():
            raise AnnotatorError(f"{path}: folder is not empty and was not written by an export; "
                                 "choose a new folder")
    remove_leftovers(path)  # of an export of the same folder that was killed
    temp = _scratch_name(path, ".partial")
    temp.mkdir()
    try:
        yield temp
        if path.exists():
            old = _scratch_name(path, ".old")
            os.replace(path, old)
            os.replace(temp, path)
            shutil.rmtree(old, ignore_errors=True)
        else:
            os.replace(temp, path)
    finally:
        if temp.exists():
            shutil.rmtree(temp, ignore_errors=True)


def label_paths(book: Codebook) -> dict[str, str]:
    """Each label's names from its root down, joined by " > " (e.g. "Reporting verb > Loaded")."""
    by_id = {label.id: label for label in book.labels}
    paths: dict[str, str] = {}
    for label in book.labels:
        names, node, seen = [], label, set()
        while node is not None and node.id not in seen:
            seen.add(node.id)
            names.append(node.name)
            node = by_id.get(node.parent) if node.parent else None
        paths[label.id] = " > ".join(reversed(names))
    return paths


def label_display_names(labels: list[Any]) -> dict[str, str]:
    """Label id -> the name an export shows for it: the label's name on one line, or "name (id)"
    when another label has the same name (so that every shown name means one label)."""
    def clean(name: str) -> str:
        return " ".join(name.split()) or "?"

    counts: dict[str, int] = {}
    for label in labels:
        counts[clean(label.name)] = counts.get(clean(label.name), 0) + 1
    return {label.id: clean(label.name) if counts[clean(label.name)] == 1 else f"{clean(label.name)} ({label.id})"
            for label in labels}


def attribute_text(value: Any) -> str:
    """A span attribute's value as one cell: text as is, a list joined by "|", else JSON."""
    import json

    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return "|".join(value)
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def selected_sources(project: Any, document_id: str, selection: ExportSelection) -> list[str]:
    """The annotators (and gold) whose work on this document the export includes."""
    if not selection.done_only:
        return selection.sources
    statuses = project.assignments.statuses(document_id)
    chosen = [name for name in selection.annotators if statuses.get(name) == "done"]
    if selection.gold and (statuses.get(GOLD) == "done" or project.exports.has_gold(document_id)):
        chosen.append(GOLD)
    return chosen


def status_cells(project: Any, document_id: str, selection: ExportSelection) -> list[str] | None:
    """Each selected annotator's status of a document, gold last ("done" where it has gold spans and
    no status of its own); None when `done_only` leaves the document out."""
    statuses = project.assignments.statuses(document_id)
    if selection.gold and statuses.get(GOLD) is None and project.exports.has_gold(document_id):
        statuses[GOLD] = "done"
    cells = [statuses.get(name, "todo") for name in selection.sources]
    return None if selection.done_only and "done" not in cells else cells


class Stopwatch:
    """Seconds since creation."""

    def __init__(self) -> None:
        self._start = time.perf_counter()

    def seconds(self) -> float:
        return time.perf_counter() - self._start
