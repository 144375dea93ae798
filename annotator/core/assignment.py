"""Planning who codes which document: balanced, reproducible with a seed, with an overlap sample."""

from __future__ import annotations

import math
import random
from collections import Counter
from dataclasses import dataclass, field
from typing import Mapping, Sequence

from annotator.core.errors import AnnotatorError


class AssignmentError(AnnotatorError, ValueError):
    """An assignment request cannot be met (no annotators, too many coders per document...)."""


@dataclass
class AssignmentPlan:
    """The outcome of planning: document id -> annotators, and which documents are double-coded."""

    assignments: dict[str, list[str]] = field(default_factory=dict)
    overlap: list[str] = field(default_factory=list)

    def load(self) -> dict[str, int]:
        """How many documents each planned annotator receives."""
        counts: Counter[str] = Counter()
        for coders in self.assignments.values():
            counts.update(coders)
        return dict(counts)

    def pairs(self) -> dict[tuple[str, str], int]:
        """How many documents each pair of annotators shares (the agreement sample)."""
        counts: Counter[tuple[str, str]] = Counter()
        for coders in self.assignments.values():
            ordered = sorted(coders)
            for i, first in enumerate(ordered):
                for second in ordered[i + 1 :]:
                    counts[(first, second)] += 1
        return dict(counts)


def overlap_count(documents: int, share: float) -> int:
    """How many of `documents` go to several coders for a share between 0 and 1 (rounded half up)."""
    return min(documents, int(math.floor(share * documents + 0.5)))


def plan_assignments(
    document_ids: Sequence[str],
    annotators: Sequence[str],
    per_document: int = 2,
    overlap_share: float = 0.2,
    seed: int | str | None = 0,
    existing_load: Mapping[str, int] | None = None,
) -> AssignmentPlan:
    """Spread documents over annotators so that every annotator's load differs by at most one.

    A share `overlap_share` of the documents (chosen at random) goes to `per_document` different
    annotators, the rest to one. Among annotators with the same load, the one who shares the fewest
    documents with the coders already chosen is preferred, so agreement pairs spread evenly.
    The same inputs and seed always give the same plan, whatever order the annotators come in.
    `existing_load` counts documents annotators already have, so a later round evens them out.
    """
    coders = sorted({name.strip() for name in annotators if name and name.strip()})
    if not coders:
        raise AssignmentError("automatic assignment needs at least one annotator")
    if not isinstance(per_document, int) or per_document < 1:
        raise AssignmentError(f"annotators per document must be 1 or more, not {per_document!r}")
    if per_document > len(coders):
        raise AssignmentError(
            f"cannot give each document {per_document} annotators: only {len(coders)} "
            f"({', '.join(coders)}) were named"
        )
    if not 0.0 <= overlap_share <= 1.0:
        raise AssignmentError(f"the overlap share must be between 0 and 1, not {overlap_share!r}")

    documents = list(dict.fromkeys(document_ids))
    rng = random.Random(seed)
    order = documents[:]
    rng.shuffle(order)
    shared = overlap_count(len(order), overlap_share) if per_document > 1 else 0
    overlap = set(order[:shared])

    load = {name: int((existing_load or {}).get(name, 0)) for name in coders}
    together: Counter[tuple[str, str]] = Counter()
    chosen_for: dict[str, list[str]] = {}
    for doc in order:  # overlap documents come first, while loads are still even
        wanted = per_document if doc in overlap else 1
        candidates = coders[:]
        rng.shuffle(candidates)  # the seeded tie-break among equally loaded annotators
        chosen: list[str] = []
        for _ in range(wanted):
            best = min(
                (name for name in candidates if name not in chosen),
                key=lambda name: (load[name], sum(together[_pair(name, c)] for c in chosen)),
            )
            chosen.append(best)
        for i, first in enumerate(chosen):
            load[first] += 1
            for second in chosen[i + 1 :]:
                together[_pair(first, second)] += 1
        chosen_for[doc] = sorted(chosen)

    return AssignmentPlan(
        assignments={doc: chosen_for[doc] for doc in documents},
        overlap=[doc for doc in documents if doc in overlap],
    )


def _pair(first: str, second: str) -> tuple[str, str]:
    return (first, second) if first <= second else (second, first)
