"""The span report's first, slow algorithm, kept as the reference the fast one must reproduce.

This is the code of annotator/agreement/report_spans.py and unitizing.py before they were made linear
(commit 33fd860): for every label group and pair of annotators it filters the spans of the whole
corpus again and rebuilds character tables one run at a time; u-alpha walks each document's sections in
Python. Only tests use it.
"""

from __future__ import annotations

import bisect
from collections import Counter, defaultdict
from itertools import combinations
from typing import Any, Iterable, Sequence

import numpy as np

from annotator.agreement.bootstrap import bootstrap_unitizing_parts
from annotator.agreement.errors import UndefinedAgreement
from annotator.agreement.report_figures import Figure, mean_of, measure, undefined
from annotator.agreement.report_spans import (
    MIN_DOCUMENTS_FOR_INTERVAL,
    DocumentSpans,
    PairSpans,
    SpanGroup,
    NO_SPAN,
    SpanReport,
)
from annotator.agreement.spans import character_kappa, span_f1
from annotator.agreement.unitizing import LabelParts, UnitizingParts, UnitizingResult, _annotator_list
from annotator.core.agreement_input import AgreementInput, CodedDocument

Span = tuple[str, int, int, str]


def _merged(intervals: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for start, end in sorted(intervals):
        if out and start < out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def _sections(units: list[tuple[int, int]], length: int) -> list[tuple[int, int, bool]]:
    sections, position = [], 0
    for start, end in units:
        if start > position:
            sections.append((position, start, False))
        sections.append((start, end, True))
        position = end
    if position < length:
        sections.append((position, length, False))
    return sections


def _pair_disagreement(a: list[tuple[int, int, bool]], b: list[tuple[int, int, bool]]) -> int:
    total = i = j = 0
    while i < len(a) and j < len(b):
        sa, ea, unit_a = a[i]
        sb, eb, unit_b = b[j]
        if unit_a and unit_b:
            total += (sa - sb) ** 2 + (ea - eb) ** 2
        elif unit_a:
            if sb <= sa and ea <= eb:
                total += (ea - sa) ** 2
        elif unit_b:
            if sa <= sb and eb <= ea:
                total += (eb - sb) ** 2
        if ea <= eb:
            i += 1
        if eb <= ea:
            j += 1
    return total


def reference_unitizing_parts(documents: Sequence[tuple[int, Iterable[Span]]],
                              annotators: Sequence[str] | None = None) -> UnitizingParts:
    """The first unitizing_parts: sections and pair disagreements document by document in Python."""
    docs = [(int(length), list(spans)) for length, spans in documents]
    chosen = _annotator_list(docs, annotators)
    if not docs or sum(length for length, _ in docs) <= 0:
        raise UndefinedAgreement("unitizing alpha is not defined for an empty text")
    labels = sorted({span[3] for _, spans in docs for span in spans}, key=str)
    k = len(docs)
    per_doc: dict[str, tuple[np.ndarray, list, list, list, list]] = {
        label: (np.zeros(k), [], [], [], []) for label in labels}
    for d, (length, spans) in enumerate(docs):
        grouped: dict[str, dict[str, list[tuple[int, int]]]] = defaultdict(lambda: defaultdict(list))
        for annotator, start, end, label in spans:
            if not (0 <= start < end <= length):
                raise ValueError(f"span {start}-{end} does not fit a text of {length} characters")
            grouped[label][annotator].append((int(start), int(end)))
        for label in labels:
            observed, units, unit_docs, gaps, gap_docs = per_doc[label]
            if label not in grouped:
                if length:
                    gaps += [length] * len(chosen)
                    gap_docs += [d] * len(chosen)
                continue
            sections = {a: _sections(_merged(grouped[label].get(a, [])), length) for a in chosen}
            total = 0
            for x in range(len(chosen)):
                for y in range(x + 1, len(chosen)):
                    total += _pair_disagreement(sections[chosen[x]], sections[chosen[y]])
            observed[d] = 2.0 * total
            for secs in sections.values():
                for start, end, is_unit in secs:
                    (units if is_unit else gaps).append(end - start)
                    (unit_docs if is_unit else gap_docs).append(d)
    parts = {}
    for label, (observed, units, unit_docs, gaps, gap_docs) in per_doc.items():
        lengths, udocs = np.array(units, dtype=float), np.array(unit_docs, dtype=np.int64)
        order = np.argsort(gaps, kind="stable")
        glengths, gdocs = np.array(gaps, dtype=float)[order], np.array(gap_docs, dtype=np.int64)[order]
        parts[label] = LabelParts(
            observed=observed,
            units=np.bincount(udocs, minlength=k).astype(float),
            unit_pairs=np.bincount(udocs, weights=lengths * (lengths - 1), minlength=k),
            unit_cubes=np.bincount(udocs, weights=2 * lengths**3 - 3 * lengths**2 + lengths, minlength=k),
            unit_lengths=lengths, unit_docs=udocs, gap_lengths=glengths, gap_docs=gdocs,
            first_gap=np.searchsorted(glengths, lengths, side="left"),
        )
    return UnitizingParts(chosen, np.array([length for length, _ in docs], dtype=float), parts)


def reference_unitizing_alpha(spans: Iterable[Span], text_length: int,
                              annotators: Sequence[str] | None = None) -> UnitizingResult:
    return reference_unitizing_parts([(text_length, list(spans))], annotators).estimate()


def _spans(doc: CodedDocument, annotator: str, label: str | None) -> list[tuple[int, int, str]]:
    return [(s.start, s.end, s.label) for s in doc.spans
            if s.annotator == annotator and (label is None or s.label == label)]


def _laid_end_to_end(docs: Iterable[CodedDocument], annotator: str,
                     label: str | None) -> tuple[list[tuple[int, int, str]], int]:
    spans, offset = [], 0
    for doc in docs:
        spans += [(s + offset, e + offset, lab) for s, e, lab in _spans(doc, annotator, label)]
        offset += doc.length
    return spans, offset


def _pair(docs: list[CodedDocument], a: str, b: str, label: str | None) -> PairSpans:
    shared = [d for d in docs if a in d.coders and b in d.coders]
    if not shared:
        none = undefined(f"no document was coded by both {a} and {b}", 0)
        return PairSpans(a, b, 0, none, none, none)
    spans_a, length = _laid_end_to_end(shared, a, label)
    spans_b, _ = _laid_end_to_end(shared, b, label)
    return PairSpans(
        a, b, len(shared),
        measure(span_f1, spans_a, spans_b, "exact", n=len(shared)),
        measure(span_f1, spans_a, spans_b, "overlap", n=len(shared)),
        measure(character_kappa, spans_a, spans_b, length, n=len(shared)),
    )


def _unitizing(docs: list[CodedDocument], coders: list[str], resamples: int,
               seed: int) -> tuple[Figure, dict[str, Figure]]:
    if len(coders) < 2:
        return undefined("unitizing alpha needs at least two annotators"), {}
    complete = [d for d in docs if set(coders) <= set(d.coders)]
    if not complete:
        return undefined(f"no document was coded by all {len(coders)} annotators ({', '.join(coders)}); "
                         "see the pairwise and per-document figures"), {}
    corpus = [(d.length, [(s.annotator, s.start, s.end, s.label) for s in d.spans]) for d in complete]
    try:
        parts = reference_unitizing_parts(corpus, coders)
        result = parts.estimate()
    except UndefinedAgreement as exc:
        return undefined(str(exc), len(complete)), {}
    intervals = None
    ci_reason = None
    if resamples and len(complete) < MIN_DOCUMENTS_FOR_INTERVAL:
        ci_reason = (f"no interval: too few documents for a bootstrap over documents ({len(complete)} of the "
                     f"{MIN_DOCUMENTS_FOR_INTERVAL} needed)")
    elif resamples:
        try:
            intervals = bootstrap_unitizing_parts(parts, resamples=resamples, seed=seed)
        except UndefinedAgreement as exc:
            ci_reason = str(exc)

    def figure(value: float, observed: float, expected: float, interval: Any) -> Figure:
        details: dict[str, Any] = {"observed": observed, "expected": expected}
        if interval is None and resamples:
            details["ci_reason"] = ci_reason or "too few resamples contain this label"
        elif interval is not None:
            details.update({"ci_method": "documents resampled", "resamples": interval.resamples, "seed": seed})
        return Figure(value, n=len(complete), details=details,
                      low=interval.low if interval else None, high=interval.high if interval else None)

    overall = figure(result.alpha, result.observed, result.expected, intervals.overall if intervals else None)
    per_label = {
        label: figure(v.alpha, v.observed, v.expected, intervals.per_label.get(label) if intervals else None)
        for label, v in result.per_label.items()
    }
    return overall, per_label


def _confusion(docs: list[CodedDocument], labels: list[str]) -> tuple[list[str], list[list[int]]]:
    names = labels + [NO_SPAN]
    index = {name: i for i, name in enumerate(names)}
    counts = [[0] * len(names) for _ in names]
    for doc in docs:
        by_coder: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
        for s in doc.spans:
            by_coder[s.annotator].append((s.start, s.end, s.label))
        for a, b in combinations(doc.coders, 2):
            spans_b = sorted(by_coder.get(b, []))
            starts_b = [s for s, _, _ in spans_b]
            hit_b: set[int] = set()
            for start, end, label in by_coder.get(a, []):
                hit = False
                for k in range(bisect.bisect_left(starts_b, end)):
                    other_start, other_end, other = spans_b[k]
                    if other_end > start and label in index and other in index:
                        hit = True
                        hit_b.add(k)
                        counts[index[label]][index[other]] += 1
                        if label != other:
                            counts[index[other]][index[label]] += 1
                if not hit and label in index:
                    counts[index[label]][index[NO_SPAN]] += 1
                    counts[index[NO_SPAN]][index[label]] += 1
            for k, (_, _, other) in enumerate(spans_b):
                if k not in hit_b and other in index:
                    counts[index[other]][index[NO_SPAN]] += 1
                    counts[index[NO_SPAN]][index[other]] += 1
    return names, counts


def reference_span_report(data: AgreementInput, *, resamples: int = 1000, seed: int = 0) -> SpanReport:
    """Span agreement over the documents and annotators of `data`, the first way."""
    coders = list(data.annotators)
    docs = [d for d in data.documents if len(d.coders) >= 2]
    overall_u, per_label_u = _unitizing(docs, coders, resamples, seed)
    pairs = list(combinations(coders, 2))
    complete = sum(1 for d in docs if set(coders) <= set(d.coders)) if len(coders) >= 2 else 0
    overall = SpanGroup(None, "all labels", sum(len(d.spans) for d in docs), overall_u,
                        [_pair(docs, a, b, None) for a, b in pairs])
    per_label = []
    for label in data.labels:
        count = sum(1 for d in docs for s in d.spans if s.label == label.id)
        figure = per_label_u.get(label.id)
        if figure is None:
            figure = undefined(overall_u.reason if overall_u.value is None else
                               "no annotator marked this label in the documents every annotator coded")
        per_label.append(SpanGroup(label.id, label.name, count, figure,
                                   [_pair(docs, a, b, label.id) for a, b in pairs]))
    per_document = []
    for doc in docs:
        doc_pairs = [_pair([doc], a, b, None) for a, b in combinations(doc.coders, 2)]
        per_document.append(DocumentSpans(
            id=doc.id, title=doc.title, coders=list(doc.coders),
            spans={a: sum(1 for s in doc.spans if s.annotator == a) for a in doc.coders},
            unitizing=measure(lambda d=doc: reference_unitizing_alpha(
                [(s.annotator, s.start, s.end, s.label) for s in d.spans], d.length, d.coders).alpha),
            exact_f1=mean_of([p.exact_f1 for p in doc_pairs], "exact F1"),
            overlap_f1=mean_of([p.overlap_f1 for p in doc_pairs], "overlap F1"),
            character_kappa=mean_of([p.character_kappa for p in doc_pairs], "character kappa"),
        ))
    origins: dict[str, Counter[str]] = {a: Counter() for a in coders}
    for doc in data.documents:
        for s in doc.spans:
            origins.setdefault(s.annotator, Counter())[s.origin] += 1
    names, counts = _confusion(docs, [label.id for label in data.labels])
    return SpanReport(coders, complete, overall, per_label, per_document, names, counts,
                      {a: dict(sorted(c.items())) for a, c in origins.items()})
