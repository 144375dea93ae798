"""A corpus's spans grouped once by label, annotator and document, laid on one line of characters (numpy).

Documents are laid end to end: document d covers [starts[d], starts[d] + lengths[d]) of the line, and a
span's offsets are moved there, so that spans of different documents never touch or overlap. Span
agreement then works on whole arrays instead of filtering spans again for every label and pair.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import numpy as np

from annotator.core.agreement_input import CodedDocument

@dataclass(frozen=True)
class MergedUnits:
    """One annotator's spans of one label with overlapping ones merged (touching ones stay two)."""

    label: np.ndarray
    annotator: np.ndarray
    doc: np.ndarray
    start: np.ndarray
    end: np.ndarray


@dataclass(frozen=True)
class SpanCorpus:
    """Every span of a set of documents as arrays sorted by label, annotator, start and end."""

    lengths: np.ndarray          # characters of each document
    starts: np.ndarray           # where each document begins on the line
    annotators: tuple[str, ...]  # everyone who coded a document, in the order given
    labels: tuple[str, ...]      # every label of a span, sorted
    coded: np.ndarray            # [annotator, document]: the annotator coded the document
    label: np.ndarray            # per span: index into labels ...
    annotator: np.ndarray        # ... index into annotators, document ...
    doc: np.ndarray
    start: np.ndarray            # ... and offsets on the line
    end: np.ndarray

    @property
    def total(self) -> int:
        """Characters of all documents together."""
        return int(self.lengths.sum())

    @property
    def ends(self) -> np.ndarray:
        """Where each document ends on the line."""
        return self.starts + self.lengths

    def merged_units(self) -> MergedUnits:
        """Each annotator's spans of each label with overlapping ones merged, sorted like the spans."""
        if not len(self.start):
            empty = np.zeros(0, dtype=np.int64)
            return MergedUnits(empty, empty, empty, empty, empty)
        line = max(self.total, 1)
        track = (self.label * len(self.annotators) + self.annotator) * line
        key_start, key_end = track + self.start, track + self.end
        furthest = np.maximum.accumulate(key_end)
        first = np.ones(len(key_start), dtype=bool)
        first[1:] = key_start[1:] >= furthest[:-1]
        heads = np.flatnonzero(first)
        return MergedUnits(self.label[heads], self.annotator[heads], self.doc[heads], self.start[heads],
                           np.maximum.reduceat(self.end, heads))


def distinct(*arrays: np.ndarray) -> np.ndarray:
    """The sorted distinct values of the arrays together (np.unique by sorting, much faster than by hashing)."""
    values = np.sort(np.concatenate(arrays)) if arrays else np.zeros(0, dtype=np.int64)
    if len(values) < 2:
        return values
    return values[np.concatenate([[True], values[1:] != values[:-1]])]


@dataclass
class SpanColumns:
    """Spans as columns of plain lists: document index, annotator, start, end and label of each."""

    doc: list[int]
    annotator: list[str]
    start: list[int]
    end: list[int]
    label: list[str]


def _whole_numbers(values: list, columns: SpanColumns) -> np.ndarray:
    array = np.array(values) if values else np.zeros(0, dtype=np.int64)
    if array.dtype.kind not in "iub":
        for i, value in enumerate(values):
            if not isinstance(value, (int, np.integer)):
                raise ValueError(f"span {(columns.start[i], columns.end[i], columns.label[i])!r} "
                                 "needs whole-number offsets")
    return array.astype(np.int64)


def build_corpus(lengths: Sequence[int], spans: SpanColumns, annotators: Sequence[str],
                 coded: np.ndarray) -> SpanCorpus:
    """Group `spans` of documents of `lengths`; every span's annotator must be among `annotators`.

    `coded[a, d]` says whether annotators[a] coded document d. Raises ValueError for a span that does
    not fit its document.
    """
    lengths_array = np.array(lengths, dtype=np.int64).reshape(-1)
    starts = np.concatenate([[0], np.cumsum(lengths_array)[:-1]]).astype(np.int64) if len(lengths_array) \
        else np.zeros(0, dtype=np.int64)
    labels = tuple(sorted(set(spans.label), key=str))
    label_index = {label: i for i, label in enumerate(labels)}
    who = {name: i for i, name in enumerate(annotators)}
    doc = np.array(spans.doc, dtype=np.int64)
    start, end = _whole_numbers(spans.start, spans), _whole_numbers(spans.end, spans)
    bad = np.flatnonzero((start < 0) | (start >= end) | (end > lengths_array[doc]))
    if len(bad):
        first = int(bad[0])
        raise ValueError(f"span {spans.start[first]}-{spans.end[first]} does not fit a text of "
                         f"{lengths[spans.doc[first]]} characters")
    label = np.array([label_index[x] for x in spans.label], dtype=np.int64)
    annotator = np.array([who[x] for x in spans.annotator], dtype=np.int64)
    start, end = start + starts[doc], end + starts[doc]
    order = np.lexsort((end, start, annotator, label))
    return SpanCorpus(lengths_array, starts, tuple(annotators), labels, np.asarray(coded, dtype=bool),
                      label[order], annotator[order], doc[order], start[order], end[order])


def corpus_of_documents(docs: Sequence[CodedDocument], annotators: Sequence[str]) -> SpanCorpus:
    """Group the spans of coded documents; annotators are `annotators` then any other coder of a document.

    Raises ValueError for a span whose annotator is not among its document's coders or that does not fit.
    """
    names = list(dict.fromkeys([*annotators, *(a for doc in docs for a in doc.coders)]))
    index = {name: i for i, name in enumerate(names)}
    coded = np.zeros((len(names), len(docs)), dtype=bool)
    for d, doc in enumerate(docs):
        coded[[index[a] for a in doc.coders], d] = True
        stray = {s.annotator for s in doc.spans}.difference(doc.coders)
        if stray:
            first = next(s.annotator for s in doc.spans if s.annotator in stray)
            raise ValueError(f"spans of annotator {first!r}, who is not among the annotators "
                             f"{list(dict.fromkeys(doc.coders))!r}")
    columns = SpanColumns(
        doc=[d for d, doc in enumerate(docs) for _ in doc.spans],
        annotator=[s.annotator for doc in docs for s in doc.spans],
        start=[s.start for doc in docs for s in doc.spans],
        end=[s.end for doc in docs for s in doc.spans],
        label=[s.label for doc in docs for s in doc.spans],
    )
    return build_corpus([doc.length for doc in docs], columns, names, coded)
