"""The document-level part of an agreement report: per question alpha, Fleiss, percent and pairwise Cohen."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from annotator.agreement.bootstrap import bootstrap_alpha
from annotator.agreement.kappa import cohen_kappa, fleiss_kappa
from annotator.agreement.krippendorff import krippendorff_alpha
from annotator.agreement.percent import percent_agreement
from annotator.agreement.report_figures import Figure, PairMatrix, measure, undefined
from annotator.core.agreement_input import AgreementInput, QuestionSpec
from annotator.core.wording import counted

UNSURE = "unsure"
KAPPA_WEIGHTS = {"nominal": None, "ordinal": "linear", "interval": "quadratic", "ratio": "quadratic"}


@dataclass(frozen=True)
class QuestionReport:
    """Agreement on one document-level question."""

    id: str
    name: str
    level: str
    coders: list[str]
    units: int
    values: int
    left_out: int
    alpha: Figure
    fleiss: Figure
    percent: Figure
    cohen: PairMatrix
    cohen_weights: str | None
    note: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "name": self.name, "level": self.level, "coders": self.coders,
            "n_coders": len(self.coders), "n_units": self.units, "n_values": self.values,
            "left_out": self.left_out, "note": self.note,
            "alpha": self.alpha.to_dict(), "fleiss_kappa": self.fleiss.to_dict(),
            "percent_agreement": self.percent.to_dict(),
            "cohen_kappa": {"weights": self.cohen_weights, **self.cohen.to_dict()},
        }


def _scale(question: QuestionSpec, level: str) -> dict[str, float]:
    """The number each answer stands for at a non-nominal level: itself if all are numbers, else its rank."""
    ordered = [c for c in question.choices if c != UNSURE]
    try:
        return {c: float(c) for c in ordered}
    except ValueError:
        start = 1.0 if level == "ratio" else 0.0
        return {c: start + i for i, c in enumerate(ordered)}


def question_report(data: AgreementInput, question: QuestionSpec, *, resamples: int = 1000,
                    seed: int = 0) -> QuestionReport:
    """Agreement on `question` over the documents and annotators of `data`."""
    level = "nominal" if question.multiple else question.level
    note = "several answers allowed: each annotator's set of answers is one nominal value" \
        if question.multiple else ""
    scale = _scale(question, level) if level != "nominal" else {}
    off_scale: dict[str, int] = {}  # answers with no place on the scale, and how often each was given
    rows: dict[str, list[Any]] = {a: [] for a in data.annotators}
    for doc in data.documents:
        answers = doc.answers.get(question.id, {})
        for annotator in data.annotators:
            raw = answers.get(annotator)
            value: Any = None
            if raw is not None:
                if level == "nominal":
                    value = "|".join(sorted(filter(None, raw.split("|")))) if question.multiple else raw
                elif raw in scale:
                    value = scale[raw]
                else:
                    off_scale[raw] = off_scale.get(raw, 0) + 1  # "unsure", or a choice no longer on the scale
            rows[annotator].append(value)
    coders = [a for a in data.annotators if any(v is not None for v in rows[a])]
    matrix = [rows[a] for a in coders]
    columns = list(zip(*matrix)) if matrix else []
    pairable = sum(1 for col in columns if sum(v is not None for v in col) >= 2)
    n_values = sum(v is not None for col in columns for v in col)
    if off_scale:
        listed = ", ".join(f"{raw!r} ({count})" for raw, count in sorted(off_scale.items()))
        left_out = sum(off_scale.values())
        extra = (f"{counted(left_out, 'answer')} 'unsure' or outside the scale {'was' if left_out == 1 else 'were'} "
                 f"left out of the {level} figures: {listed}")
        note = f"{note}; {extra}" if note else extra

    if len(coders) < 2:
        reason = f"fewer than two annotators answered this question ({', '.join(coders) or 'none'})"
        alpha = fleiss = percent = undefined(reason)
    else:
        alpha = measure(krippendorff_alpha, matrix, level, n=pairable)
        if alpha.value is not None and resamples:
            ci = bootstrap_alpha(matrix, level, resamples=resamples, seed=seed)
            alpha = Figure(alpha.value, low=ci.low, high=ci.high, n=pairable,
                           details={"ci_method": ci.method, "resamples": ci.resamples, "seed": seed})
        complete = [col for col in columns if all(v is not None for v in col)]
        fleiss = measure(fleiss_kappa, [list(r) for r in zip(*complete)], n=len(complete)) \
            if complete else undefined(f"no document was answered by all {len(coders)} annotators",
                                       n=0)
        percent = measure(percent_agreement, matrix, n=pairable)

    weights = KAPPA_WEIGHTS[level]
    order = sorted(set(scale.values())) if scale else None
    values: list[list[Figure | None]] = []
    for a in coders:
        row: list[Figure | None] = []
        for b in coders:
            if a == b:
                row.append(None)
                continue
            both = sum(1 for x, y in zip(rows[a], rows[b]) if x is not None and y is not None)
            row.append(measure(cohen_kappa, rows[a], rows[b], weights=weights, labels=order, n=both))
        values.append(row)
    return QuestionReport(
        id=question.id, name=question.name, level=level, coders=coders, units=pairable, values=n_values,
        left_out=sum(off_scale.values()), alpha=alpha, fleiss=fleiss, percent=percent,
        cohen=PairMatrix(coders, values), cohen_weights=weights, note=note,
    )
