"""The suggestion loop: run the detectors (and the project's model) on a document, keep what is pending, accept or reject.

A suggestion comes from the detectors (origin "suggestion") or from the model trained on the
project's annotations (origin "recommender", see services/recommending.py); `suggestions_for`
combines both for a document, which the app and the command line show alike.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from typing import Any, Callable, Iterable, Sequence

from annotator.core.change import Change
from annotator.core.errors import ProjectError
from annotator.core.model import Document, Label
from annotator.services.recommending import (
    DEFAULT_MIN_CONFIDENCE,
    Recommenders,
    is_recommendation,
    recommend_spans,
)
from annotator.store import Project
from annotator.suggest import KINDS, Suggestion, kind_labels, span_attributes, suggest_for_document


@dataclass(frozen=True)
class DetectorSetup:
    """What the detectors (and the model, when given) need from a project, read once (so that they can
    run on another thread). `recommenders` are trained models, never changed once made."""

    labels: tuple[Label, ...]
    loaded_terms: tuple[str, ...]
    removed_terms: tuple[str, ...]
    recommenders: Recommenders | None = None
    min_confidence: float = DEFAULT_MIN_CONFIDENCE


def detector_setup(project: Project, recommenders: Recommenders | None = None,
                   min_confidence: float = DEFAULT_MIN_CONFIDENCE) -> DetectorSetup:
    """Read the codebook and the project's own loaded-terms list; with `recommenders`, the model's
    spans of at least `min_confidence` are suggested too."""
    return DetectorSetup(tuple(project.codebook.labels()), tuple(project.suggestions.loaded_terms()),
                         tuple(project.suggestions.removed_loaded_terms()), recommenders, min_confidence)


def detect(document: Document, setup: DetectorSetup, kinds: Sequence[str] | None = None) -> list[Suggestion]:
    """Every suggestion the detectors make in `document` (plain data in and out: safe off the GUI thread)."""
    return suggest_for_document(document, list(setup.labels), list(setup.loaded_terms), list(setup.removed_terms),
                                kinds=list(kinds) if kinds else None)


def suggestions_for(document: Document, setup: DetectorSetup, kinds: Sequence[str] | None = None) -> list[Suggestion]:
    """The detectors' suggestions and the model's recommendations for `document`, in text order.

    A recommendation of the same label on the same words as a detector's suggestion is not shown
    twice: the detector's stays, and says the model agrees. `kinds` may name detector kinds and
    recommendation kinds ("recommender:<label>"). Plain data in and out: safe off the GUI thread.
    """
    wanted = list(kinds) if kinds else None
    detector_kinds = [k for k in wanted if not is_recommendation(k)] if wanted else None
    found = detect(document, setup, detector_kinds) if detector_kinds or wanted is None else []
    if setup.recommenders is None or (wanted is not None and len(detector_kinds or []) == len(wanted)):
        return found
    recommended = [r for r in recommend_spans(document, setup.recommenders, setup.labels, setup.min_confidence)
                   if wanted is None or r.kind in wanted]
    by_place = {(s.label_id, s.start, s.end): i for i, s in enumerate(found)}
    combined = list(found)
    for recommendation in recommended:
        at = by_place.get((recommendation.label_id, recommendation.start, recommendation.end))
        if at is None:
            combined.append(recommendation)
        else:
            same = combined[at]
            combined[at] = replace(same, why=f"{same.why}; the model agrees ({recommendation.confidence:.0%})"
                                   if same.why else f"the model agrees ({recommendation.confidence:.0%})")
    return sorted(combined, key=lambda s: (s.start, -s.end, s.kind))


def pending(project: Project, document_id: str, annotator: str, kinds: Sequence[str] | None = None,
            setup: DetectorSetup | None = None) -> list[Suggestion]:
    """The suggestions (and, when `setup` carries a model, recommendations) `annotator` has still to decide on."""
    found = suggestions_for(project.documents.get(document_id), setup or detector_setup(project), kinds)
    return project.suggestions.pending(document_id, annotator, found)


def attributes_for(project: Project) -> Callable[[Any, str], dict[str, Any]]:
    """How an accepted suggestion fills span attributes (the speaker of a quote) in this codebook."""
    attributes = project.codebook.attributes()
    return lambda suggestion, label_id: span_attributes(suggestion, label_id, attributes)


def accept(project: Project, document_id: str, annotator: str, suggestions: Iterable[Suggestion],
           label_id: str | None = None) -> Change:
    """Accept suggestions as spans (their own label, or `label_id`), with the attributes they fill."""
    return project.suggestions.accept(document_id, annotator, list(suggestions), label_id=label_id,
                                      attributes_for=attributes_for(project))


def label_for_kind(project: Project, kind: str, label_id: str | None = None) -> str:
    """The span label that accepted suggestions of `kind` get: `label_id`, else the codebook's label for
    the kind; refused with a message when there is none or it is not a span label."""
    if kind not in KINDS:
        raise ProjectError(f"unknown suggestion kind {kind!r}; the kinds are: {', '.join(KINDS)}")
    labels = project.codebook.labels()
    label = label_id or kind_labels(labels)[kind]
    if not label:
        raise ProjectError(f"this codebook has no label for {kind!r}; choose one with --label")
    if label not in {l.id for l in labels if l.kind == "span"}:
        raise ProjectError(f"{label!r} is not a span label of this project's codebook")
    return label


def pending_counts(project: Project, annotator: str, document_ids: Iterable[str]) -> Counter[str]:
    """How many suggestions of each kind `annotator` has pending in these documents."""
    setup = detector_setup(project)
    counts: Counter[str] = Counter()
    for document_id in document_ids:
        counts.update(s.kind for s in pending(project, document_id, annotator, setup=setup))
    return counts


def decide_kind(project: Project, annotator: str, kind: str, document_ids: Iterable[str], accept_them: bool,
                label_id: str | None = None) -> int:
    """Accept (with `label_for_kind`) or reject every pending suggestion of one kind in these documents,
    one transaction per document; returns how many were accepted or rejected."""
    label = label_for_kind(project, kind, label_id) if accept_them else None
    setup = detector_setup(project)
    fill = attributes_for(project)
    done = 0
    for document_id in document_ids:
        found = pending(project, document_id, annotator, kinds=[kind], setup=setup)
        if not found:
            continue
        if accept_them:
            done += len(project.suggestions.accept(document_id, annotator, found, label_id=label,
                                                   attributes_for=fill).spans)
        else:
            done += project.suggestions.reject(document_id, annotator, found).details["rejected"]
    return done
