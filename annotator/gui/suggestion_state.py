"""The suggestions of the shown article: the detectors' output (prepared on a worker thread), which are
still pending for this annotator, and the small updates each span or decision makes to that."""

from __future__ import annotations

from bisect import bisect_left
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Callable

from annotator.core.lanes import RangeIndex
from annotator.core.model import Label, Span
from annotator.gui.reader import Mark, suggestion_index
from annotator.suggest import Suggestion

CACHED_DOCUMENTS = 4
Key = tuple[str, int, int]


def suggestion_mark_id(suggestion: Suggestion) -> str:
    return f"suggestion:{suggestion.kind}:{suggestion.start}:{suggestion.end}"


def decision_key(suggestion: Suggestion) -> Key:
    """How a decision names a suggestion: (kind, start, end)."""
    return (suggestion.kind, suggestion.start, suggestion.end)


def span_key(item: Suggestion | Span) -> Key:
    """(label, start, end) of a span, or of the span accepting a suggestion as proposed would make."""
    return (item.label_id, item.start, item.end)


def _order(suggestion: Suggestion) -> tuple[int, int, str]:
    return (suggestion.start, suggestion.end, suggestion.kind)


@dataclass(frozen=True)
class MarkText:
    """Translated pieces of a suggestion mark's tooltip, made on the GUI thread for the worker."""

    kind_names: dict[str, str]
    no_label: str
    template: str  # with %1 (kind) and %2 (label)


@dataclass
class DetectorResult:
    """Everything the GUI needs from one run of the detectors on a document, built off the GUI thread."""

    document_id: str
    found: list[Suggestion]
    marks: dict[Key, Mark]
    by_key: dict[Key, Suggestion] = field(default_factory=dict)
    by_span_key: dict[Key, list[Suggestion]] = field(default_factory=dict)

    @classmethod
    def build(cls, document_id: str, found: list[Suggestion], labels: dict[str, Label], language: str,
              text: MarkText) -> "DetectorResult":
        marks, by_key, by_span_key = {}, {}, {}
        for suggestion in found:
            label = labels.get(suggestion.label_id)
            target = label.display_name(language) if label else text.no_label
            title = text.template.replace("%1", text.kind_names.get(suggestion.kind, suggestion.kind)) \
                .replace("%2", target)
            marks[decision_key(suggestion)] = Mark(
                suggestion_mark_id(suggestion), suggestion.start, suggestion.end,
                label.color if label else "#777777", title, suggestion=True, label_id=suggestion.label_id)
            by_key[decision_key(suggestion)] = suggestion
            by_span_key.setdefault(span_key(suggestion), []).append(suggestion)
        return cls(document_id, found, marks, by_key, by_span_key)


@dataclass
class PendingSuggestions:
    """The pending suggestions of a document in text order, with their reader layer (built off-thread)."""

    items: list[Suggestion]
    orders: list[tuple[int, int, str]]
    layer: RangeIndex

    @classmethod
    def build(cls, result: DetectorResult, decided: set[Key], annotated: set[Key]) -> "PendingSuggestions":
        items = sorted((s for s in result.found if decision_key(s) not in decided and span_key(s) not in annotated),
                       key=_order)
        return cls(items, [_order(s) for s in items],
                   suggestion_index([result.marks[decision_key(s)] for s in items]))


class SuggestionState:
    """Pending suggestions of the shown document, kept in step with the annotator's spans and decisions.

    `on_remove(row)` and `on_insert(row, suggestion)` tell the panel; the reader's suggestion layer is
    changed here directly."""

    def __init__(self, reader, on_remove: Callable[[int], None], on_insert: Callable[[int, Suggestion], None]):
        self.reader = reader
        self.on_remove = on_remove
        self.on_insert = on_insert
        self.results: OrderedDict[str, DetectorResult] = OrderedDict()
        self.result: DetectorResult | None = None
        self.pending: list[Suggestion] = []
        self._order: list[tuple[int, int, str]] = []
        self.decided: set[Key] = set()

    def forget_results(self) -> None:
        """Drop every cached detector output (the codebook or the lexicon changed)."""
        self.results.clear()
        self.result = None

    def cached(self, document_id: str) -> DetectorResult | None:
        result = self.results.get(document_id)
        if result is not None:
            self.results.move_to_end(document_id)
        return result

    def remember(self, result: DetectorResult) -> None:
        self.results[result.document_id] = result
        self.results.move_to_end(result.document_id)
        while len(self.results) > CACHED_DOCUMENTS:
            self.results.popitem(last=False)

    def clear(self) -> None:
        """No suggestions shown (another document, or suggestions switched off)."""
        self.result, self.pending, self._order = None, [], []
        self.reader.set_suggestion_layer(RangeIndex())

    def show(self, result: DetectorResult, pending: PendingSuggestions, decided: set[Key]) -> None:
        """Take a prepared pending list: the reader's layer is swapped whole (no per-mark work here)."""
        self.result, self.decided = result, set(decided)
        self.pending, self._order = pending.items, pending.orders
        self.reader.set_suggestion_layer(pending.layer)

    def index_of(self, suggestion: Suggestion) -> int:
        at = bisect_left(self._order, _order(suggestion))
        return at if at < len(self.pending) and self.pending[at] is suggestion else -1

    def _remove(self, suggestion: Suggestion) -> None:
        at = self.index_of(suggestion)
        if at < 0:
            return
        del self.pending[at], self._order[at]
        self.reader.remove_marks([suggestion_mark_id(suggestion)])
        self.on_remove(at)

    def _insert(self, suggestion: Suggestion) -> None:
        key = _order(suggestion)
        at = bisect_left(self._order, key)
        if at < len(self.pending) and self.pending[at] is suggestion:
            return
        self.pending.insert(at, suggestion)
        self._order.insert(at, key)
        self.reader.add_suggestion_marks([self.result.marks[decision_key(suggestion)]])
        self.on_insert(at, suggestion)

    # -- what changes them -------------------------------------------------------------------

    def span_added(self, key: Key) -> None:
        """A span (label, start, end) now exists: the suggestions it repeats are no longer pending."""
        if self.result is not None:
            for suggestion in self.result.by_span_key.get(key, ()):
                self._remove(suggestion)

    def span_gone(self, key: Key, still_annotated: bool) -> None:
        """The last span (label, start, end) went away: undecided suggestions it hid are pending again."""
        if self.result is None or still_annotated:
            return
        for suggestion in self.result.by_span_key.get(key, ()):
            if decision_key(suggestion) not in self.decided:
                self._insert(suggestion)

    def decided_on(self, keys: list[Key]) -> None:
        """Suggestions (kind, start, end) were accepted or rejected: they leave the pending list."""
        self.decided |= set(keys)
        if self.result is not None:
            for key in keys:
                if key in self.result.by_key:
                    self._remove(self.result.by_key[key])

    def undecided(self, keys: list[Key], annotated: Callable[[Key], bool]) -> None:
        """Decisions were undone: those suggestions are pending again (unless a span repeats them)."""
        self.decided -= set(keys)
        if self.result is not None:
            for key in keys:
                suggestion = self.result.by_key.get(key)
                if suggestion is not None and not annotated(span_key(suggestion)):
                    self._insert(suggestion)
