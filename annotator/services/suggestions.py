"""The suggestion loop: run the detectors with the project's lexicon, keep what is pending, accept or reject."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any, Callable, Iterable, Sequence

from annotator.core.change import Change
from annotator.core.errors import ProjectError
from annotator.core.model import Document, Label
from annotator.store import Project
from annotator.suggest import KINDS, Suggestion, kind_labels, span_attributes, suggest_for_document


@dataclass(frozen=True)
class DetectorSetup:
    """What the detectors need from a project, read once (so that they can run on another thread)."""

    labels: tuple[Label, ...]
    loaded_terms: tuple[str, ...]
    removed_terms: tuple[str, ...]


def detector_setup(project: Project) -> DetectorSetup:
    """Read the codebook and the project's own loaded-terms list."""
    return DetectorSetup(tuple(project.codebook.labels()), tuple(project.suggestions.loaded_terms()),
                         tuple(project.suggestions.removed_loaded_terms()))


def detect(document: Document, setup: DetectorSetup, kinds: Sequence[str] | None = None) -> list[Suggestion]:
    """Every suggestion the detectors make in `document` (plain data in and out: safe off the GUI thread)."""
    return suggest_for_document(document, list(setup.labels), list(setup.loaded_terms), list(setup.removed_terms),
                                kinds=list(kinds) if kinds else None)


def pending(project: Project, document_id: str, annotator: str, kinds: Sequence[str] | None = None,
            setup: DetectorSetup | None = None) -> list[Suggestion]:
    """The suggestions `annotator` has still to decide on in a document."""
    found = detect(project.documents.get(document_id), setup or detector_setup(project), kinds)
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
