"""The span part of an agreement report: unitizing alpha, pairwise F1 and character kappa, per label and document."""

from __future__ import annotations

import bisect
from collections import Counter, defaultdict
from dataclasses import dataclass
from itertools import combinations
from typing import Any, Iterable

from annotator.agreement.bootstrap import bootstrap_unitizing_alpha
from annotator.agreement.errors import UndefinedAgreement
from annotator.agreement.report_figures import Figure, mean_of, measure, undefined
from annotator.agreement.spans import character_kappa, span_f1
from annotator.agreement.unitizing import corpus_unitizing_alpha, unitizing_alpha
from annotator.core.agreement_input import AgreementInput, CodedDocument

NO_SPAN = "(no span)"
# Fewer documents than this give a bootstrap over documents too few distinct resamples to mean much.
MIN_DOCUMENTS_FOR_INTERVAL = 5


@dataclass(frozen=True)
class PairSpans:
    """Two annotators' span agreement over the documents both coded."""

    a: str
    b: str
    documents: int
    exact_f1: Figure
    overlap_f1: Figure
    character_kappa: Figure

    def to_dict(self) -> dict[str, Any]:
        return {"a": self.a, "b": self.b, "n_documents": self.documents, "exact_f1": self.exact_f1.to_dict(),
                "overlap_f1": self.overlap_f1.to_dict(), "character_kappa": self.character_kappa.to_dict()}


@dataclass(frozen=True)
class SpanGroup:
    """Span agreement for one label, or for all labels together (label None)."""

    label: str | None
    name: str
    spans: int
    unitizing: Figure
    pairs: list[PairSpans]

    def summary(self) -> dict[str, Figure]:
        """Means over pairs of annotators of the three pairwise figures."""
        return {
            "exact_f1": mean_of([p.exact_f1 for p in self.pairs], "exact F1"),
            "overlap_f1": mean_of([p.overlap_f1 for p in self.pairs], "overlap F1"),
            "character_kappa": mean_of([p.character_kappa for p in self.pairs], "character kappa"),
        }

    def to_dict(self) -> dict[str, Any]:
        return {"label": self.label, "name": self.name, "n_spans": self.spans,
                "unitizing_alpha": self.unitizing.to_dict(),
                "mean_over_pairs": {k: v.to_dict() for k, v in self.summary().items()},
                "pairs": [p.to_dict() for p in self.pairs]}


@dataclass(frozen=True)
class DocumentSpans:
    """Span agreement within one document, to find the articles where annotators diverge."""

    id: str
    title: str
    coders: list[str]
    spans: dict[str, int]
    unitizing: Figure
    exact_f1: Figure
    overlap_f1: Figure
    character_kappa: Figure

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "title": self.title, "coders": self.coders, "n_spans": self.spans,
                "unitizing_alpha": self.unitizing.to_dict(), "mean_exact_f1": self.exact_f1.to_dict(),
                "mean_overlap_f1": self.overlap_f1.to_dict(),
                "mean_character_kappa": self.character_kappa.to_dict()}


@dataclass(frozen=True)
class SpanReport:
    """Everything the report says about spans."""

    coders: list[str]
    complete_documents: int
    overall: SpanGroup
    per_label: list[SpanGroup]
    per_document: list[DocumentSpans]
    confusion_labels: list[str]
    confusion: list[list[int]]
    origins: dict[str, dict[str, int]]

    def to_dict(self) -> dict[str, Any]:
        return {
            "coders": self.coders, "n_complete_documents": self.complete_documents,
            "overall": self.overall.to_dict(), "per_label": [g.to_dict() for g in self.per_label],
            "per_document": [d.to_dict() for d in self.per_document],
            "confusion": {"labels": self.confusion_labels, "counts": self.confusion},
            "origins": self.origins,
        }


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
    """Overall and per-label u-alpha over the documents every coder coded, with bootstrap intervals."""
    if len(coders) < 2:
        reason = "unitizing alpha needs at least two annotators"
        return undefined(reason), {}
    complete = [d for d in docs if set(coders) <= set(d.coders)]
    if not complete:
        return undefined(f"no document was coded by all {len(coders)} annotators ({', '.join(coders)}); "
                         "see the pairwise and per-document figures"), {}
    corpus = [(d.length, [(s.annotator, s.start, s.end, s.label) for s in d.spans]) for d in complete]
    try:
        result = corpus_unitizing_alpha(corpus, coders)
    except UndefinedAgreement as exc:
        return undefined(str(exc), len(complete)), {}
    intervals = None
    ci_reason = None
    if resamples and len(complete) < MIN_DOCUMENTS_FOR_INTERVAL:
        ci_reason = (f"no interval: {len(complete)} document(s) are too few for a bootstrap over documents "
                     f"(at least {MIN_DOCUMENTS_FOR_INTERVAL} needed)")
    elif resamples:
        try:
            intervals = bootstrap_unitizing_alpha(corpus, coders, resamples=resamples, seed=seed)
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
    """Overlapping spans of two annotators by label pair, symmetric; NO_SPAN counts spans overlapping nothing."""
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


def span_report(data: AgreementInput, *, resamples: int = 1000, seed: int = 0) -> SpanReport:
    """Span agreement over the documents and annotators of `data`."""
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
            unitizing=measure(lambda d=doc: unitizing_alpha(
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
