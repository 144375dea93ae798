"""The span part of an agreement report: unitizing alpha, pairwise F1 and character kappa, per label and document."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from itertools import combinations
from typing import Any, Iterable

import numpy as np

from annotator.agreement.bootstrap import bootstrap_unitizing_parts
from annotator.agreement.errors import UndefinedAgreement
from annotator.agreement.report_figures import Figure, mean_of, undefined
from annotator.agreement.report_span_pairs import DocumentPairValues, document_means, group_figures
from annotator.agreement.span_corpus import SpanCorpus, corpus_of_documents
from annotator.agreement.span_pairs import PairCounter, PairCounts, confusion
from annotator.agreement.unitizing import NO_CHANCE, corpus_parts
from annotator.agreement.unitizing_sections import CorpusUnitizing, corpus_unitizing
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


def _unitizing(corpus: SpanCorpus, sums: CorpusUnitizing, complete: np.ndarray, coders: list[str], resamples: int,
               seed: int) -> tuple[Figure, dict[str, Figure]]:
    """Overall and per-label u-alpha over the documents every coder coded, with bootstrap intervals."""
    if len(coders) < 2:
        reason = "unitizing alpha needs at least two annotators"
        return undefined(reason), {}
    if not len(complete):
        return undefined(f"no document was coded by all {len(coders)} annotators ({', '.join(coders)}); "
                         "see the pairwise and per-document figures"), {}
    try:
        if corpus.lengths[complete].sum() <= 0:
            raise UndefinedAgreement("unitizing alpha is not defined for an empty text")
        parts = corpus_parts(corpus, np.arange(len(coders)), complete, sums.labels)
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


def _document_unitizing(corpus: SpanCorpus, sums: CorpusUnitizing) -> list[Figure]:
    """u-alpha of each document on its own, among its coders."""
    counts = corpus.coded.sum(axis=0)
    with np.errstate(divide="ignore", invalid="ignore"):
        alphas = 1.0 - sums.doc_observed / sums.doc_expected
    figures = []
    for d, alpha in enumerate(alphas.tolist()):
        if counts[d] < 2:
            figures.append(undefined("unitizing alpha needs at least two annotators"))
        elif corpus.lengths[d] <= 0:
            figures.append(undefined("unitizing alpha is not defined for an empty text"))
        elif not sums.doc_marked[d]:
            figures.append(undefined("unitizing alpha is not defined: no annotator marked any span"))
        elif alpha != alpha:
            figures.append(undefined(NO_CHANCE))
        else:
            figures.append(Figure(alpha))
    return figures


def _pair(counts: PairCounts, a: str, b: str, label: int | None, name: str | None) -> PairSpans:
    shared = int(counts.shared.sum())
    if not shared:
        none = undefined(f"no document was coded by both {a} and {b}", 0)
        return PairSpans(a, b, 0, none, none, none)
    return PairSpans(a, b, shared, *group_figures(counts, label, name, shared))


def _confusion(corpus: SpanCorpus, pairs: Iterable[tuple[int, int]],
               labels: list[str]) -> tuple[list[str], list[list[int]]]:
    """Overlapping spans of two annotators by label pair, symmetric; NO_SPAN counts spans overlapping nothing."""
    names = labels + [NO_SPAN]
    index = {name: i for i, name in enumerate(names)}
    rows = np.array([index.get(label, -1) for label in corpus.labels], dtype=np.int64)
    counts = np.zeros((len(names), len(names)), dtype=np.int64)
    for a, b in pairs:
        counts += confusion(corpus, a, b, rows, len(names))
    return names, counts.tolist()


def _per_document(docs: list[CodedDocument], doc_coders: list[list[int]],
                  values: dict[tuple[int, int], DocumentPairValues], alphas: list[Figure]) -> list[DocumentSpans]:
    per_document = []
    for d, doc in enumerate(docs):
        exact, overlap, kappa = document_means(d, doc_coders[d], values)
        by_annotator = Counter(s.annotator for s in doc.spans)
        per_document.append(DocumentSpans(
            id=doc.id, title=doc.title, coders=list(doc.coders), spans={a: by_annotator[a] for a in doc.coders},
            unitizing=alphas[d], exact_f1=exact, overlap_f1=overlap, character_kappa=kappa,
        ))
    return per_document


def _origins(data: AgreementInput, coders: list[str]) -> dict[str, dict[str, int]]:
    """Spans per annotator by origin (manual, suggestion...), annotators in order of appearance."""
    origins: dict[str, Counter[str]] = {a: Counter() for a in coders}
    for (annotator, origin), n in Counter((s.annotator, s.origin) for d in data.documents for s in d.spans).items():
        origins.setdefault(annotator, Counter())[origin] += n
    return {a: dict(sorted(c.items())) for a, c in origins.items()}


def span_report(data: AgreementInput, *, resamples: int = 1000, seed: int = 0) -> SpanReport:
    """Span agreement over the documents and annotators of `data`."""
    coders = list(dict.fromkeys(data.annotators))
    docs = [d for d in data.documents if len(d.coders) >= 2]
    corpus = corpus_of_documents(docs, coders)
    units = corpus.merged_units()
    complete = np.flatnonzero(corpus.coded[:len(coders)].all(axis=0)) if len(coders) >= 2 else np.zeros(0, int)
    sums = corpus_unitizing(corpus, units, np.arange(len(coders)), complete, per_document=True)
    overall_u, per_label_u = _unitizing(corpus, sums, complete, coders, resamples, seed)
    index = {name: i for i, name in enumerate(corpus.annotators)}
    doc_coders = [list(dict.fromkeys(index[a] for a in d.coders)) for d in docs]
    counter = PairCounter(corpus, units)
    pairs = list(combinations(range(len(coders)), 2))
    wanted = set(pairs) | {(x, y) if x < y else (y, x) for c in doc_coders for x, y in combinations(c, 2)}
    counts = {pair: counter.count(*pair) for pair in sorted(wanted)}
    overall = SpanGroup(None, "all labels", sum(len(d.spans) for d in docs), overall_u,
                        [_pair(counts[p], coders[p[0]], coders[p[1]], None, None) for p in pairs])
    label_index = {label: i for i, label in enumerate(corpus.labels)}
    marked = Counter(s.label for d in docs for s in d.spans)
    per_label = []
    for label in data.labels:
        figure = per_label_u.get(label.id)
        if figure is None:
            figure = undefined(overall_u.reason if overall_u.value is None else
                               "no annotator marked this label in the documents every annotator coded")
        at = label_index.get(label.id, -1)
        per_label.append(SpanGroup(label.id, label.name, marked[label.id], figure,
                                   [_pair(counts[p], coders[p[0]], coders[p[1]], at, label.id)
                                    for p in pairs]))
    values = {pair: DocumentPairValues(c, corpus.lengths, counter.categories) for pair, c in counts.items()}
    per_document = _per_document(docs, doc_coders, values, _document_unitizing(corpus, sums))
    names, counts_table = _confusion(corpus, sorted(wanted), [label.id for label in data.labels])
    return SpanReport(coders, len(complete), overall, per_label, per_document, names, counts_table,
                      _origins(data, coders))
