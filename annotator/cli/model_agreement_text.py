"""Plain-text rendering of the machines' agreement with each annotator (annotator agreement --with-model)."""

from __future__ import annotations

from annotator.cli.agreement_text import Notes, _table
from annotator.services.model_agreement import DETECTORS, MODEL, LabelScore, MachineAgreement

MACHINE_NAMES = {MODEL: "model", DETECTORS: "detectors"}


def _rows(scores: list[LabelScore], who: str, notes: Notes) -> list[list[str]]:
    return [[who, s.name, " / ".join(str(n) for n in s.spans.values()), notes.cell(s.alpha, interval=True),
             notes.cell(s.exact_f1), notes.cell(s.overlap_f1)] for s in scores if any(s.spans.values())]


def render_machines(result: MachineAgreement) -> str:
    """The machines against each human, per label and question, beside the humans among themselves."""
    notes = Notes()
    out = ["", f"The machines as coders: the model's spans and answers for an article come from a model trained "
               f"without it ({result.folds}-fold cross-validation); the detectors are not trained. Each is compared "
               "with each annotator over the articles that annotator coded."]
    rows = [["Coders", "Label", "Spans", "u-alpha", "Exact F1", "Overlap F1"]]
    if len(result.humans) >= 2:
        rows += _rows(result.among_humans, "annotators among themselves", notes)
    for comparison in result.comparisons:
        who = f"{MACHINE_NAMES.get(comparison.machine, comparison.machine)} – {comparison.human}"
        rows += _rows(comparison.labels, f"{who} ({comparison.documents} doc.)", notes)
    out += _table(rows)
    out.append("  Spans: the annotator's, then the machine's (for the annotators among themselves: each one's). "
               "F1 among annotators is a mean over pairs.")
    questions = [["Coders", "Question", "Units", "Alpha", "Percent"]]
    questions += [["annotators among themselves", q.name, str(q.units), notes.cell(q.alpha, interval=True),
                   notes.cell(q.percent, percent=True)] for q in result.among_humans_questions if q.units]
    for comparison in result.comparisons:
        who = f"{MACHINE_NAMES.get(comparison.machine, comparison.machine)} – {comparison.human}"
        questions += [[who, q.name, str(q.units), notes.cell(q.alpha, interval=True),
                       notes.cell(q.percent, percent=True)] for q in comparison.questions if q.units]
    if len(questions) > 1:
        out += ["", "Document questions"] + _table(questions)
    out += [f"  Note: {note}." for note in result.notes]
    out += notes.lines()
    return "\n".join(out)
