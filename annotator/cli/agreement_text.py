"""Plain-text rendering of an agreement report for the terminal; undefined figures become footnotes."""

from __future__ import annotations

from typing import Any

from annotator.agreement.report import AgreementReport
from annotator.agreement.report_figures import Figure
from annotator.agreement.report_spans import NO_SPAN
from annotator.agreement.report_tables import rank_by_disagreement, span_groups
from annotator.core.wording import counted


class Notes:
    """Numbered footnotes for undefined figures, so a table shows "n/a [2]" and the reason once below."""

    def __init__(self) -> None:
        self.reasons: list[str] = []

    def cell(self, figure: Figure | None, percent: bool = False, interval: bool = False) -> str:
        if figure is None:
            return "—"
        if figure.value is None:
            reason = figure.reason or "not defined"
            if reason not in self.reasons:
                self.reasons.append(reason)
            return f"n/a [{self.reasons.index(reason) + 1}]"
        text = f"{figure.value:.1%}" if percent else f"{figure.value:.3f}"
        if interval and figure.low is not None:
            text += f" [{figure.low:.3f}, {figure.high:.3f}]"
        return text

    def lines(self) -> list[str]:
        if not self.reasons:
            return []
        return ["", "Not defined:"] + [f"  [{i + 1}] {r}" for i, r in enumerate(self.reasons)]


def _table(rows: list[list[str]], indent: str = "  ") -> list[str]:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return [indent + "  ".join(cell.ljust(w) for cell, w in zip(row, widths)).rstrip() for row in rows]


def _matrix(names: list[str], values: list[list[Any]], notes: Notes) -> list[str]:
    rows = [[""] + names]
    for name, row in zip(names, values):
        rows.append([name] + [notes.cell(f) for f in row])
    return _table(rows, "    ")


def render(report: AgreementReport, project_name: str) -> str:
    """The report as aligned plain-text tables."""
    notes = Notes()
    out = [f"Agreement in {project_name}: {counted(len(report.annotators), 'annotator')} "
           f"({', '.join(report.annotators) or 'none'}), {counted(report.documents, 'document')} coded by two or more."]
    filters = report.filters
    applied = [f"annotators {', '.join(filters['annotators'])}" if filters.get("annotators") else "",
               f"labels {', '.join(filters['labels'])}" if filters.get("labels") else "",
               "documents marked done only" if filters.get("done_only") else ""]
    if any(applied):
        out.append("Filters: " + "; ".join(a for a in applied if a) + ".")
    if report.resamples:
        out.append(f"Intervals: 95% bootstrap, {report.resamples} resamples, seed {report.seed}.")

    if report.questions:
        out += ["", "Document-level questions"]
        rows = [["Question", "Level", "Coders", "Units", "Alpha [95% CI]", "Fleiss", "Percent"]]
        for q in report.questions:
            rows.append([q.name, q.level, str(len(q.coders)), str(q.units), notes.cell(q.alpha, interval=True),
                         notes.cell(q.fleiss), notes.cell(q.percent, percent=True)])
        out += _table(rows)
        for q in report.questions:
            if q.note:
                out.append(f"  Note on {q.name}: {q.note}.")
            if len(q.coders) >= 2:
                weights = q.cohen_weights or "unweighted"
                out.append(f"  Cohen's kappa, {q.name} ({weights}):")
                out += _matrix(q.cohen.annotators, q.cohen.values, notes)

    spans = report.spans
    out += ["", f"Spans (unitizing alpha over the {counted(spans.complete_documents, 'document')} every annotator coded; "
                "F1 and kappa are means over pairs)"]
    rows = [["Label", "Spans", "u-alpha [95% CI]", "Exact F1", "Overlap F1", "Char. kappa"]]
    for group in span_groups(report):
        summary = group.summary()
        rows.append([group.name, str(group.spans), notes.cell(group.unitizing, interval=True),
                     notes.cell(summary["exact_f1"]), notes.cell(summary["overlap_f1"]),
                     notes.cell(summary["character_kappa"])])
    out += _table(rows)
    ci_reason = spans.overall.unitizing.details.get("ci_reason")
    if ci_reason:
        out.append(f"  {ci_reason[0].upper()}{ci_reason[1:]}.")

    if spans.overall.pairs:
        out += ["", "Pairs of annotators (all labels)"]
        rows = [["Pair", "Documents", "Exact F1", "Overlap F1", "Char. kappa"]]
        for p in spans.overall.pairs:
            rows.append([f"{p.a} – {p.b}", str(p.documents), notes.cell(p.exact_f1), notes.cell(p.overlap_f1),
                         notes.cell(p.character_kappa)])
        out += _table(rows)

    if spans.per_document:
        out += ["", "Documents, most disagreement first (lowest unitizing alpha, then lowest exact F1)"]
        ordered = rank_by_disagreement(list(spans.per_document))  # the order of the window's Documents page
        rows = [["u-alpha", "Exact F1", "Char. kappa", "Coders", "Title"]]
        for d in ordered:
            rows.append([notes.cell(d.unitizing), notes.cell(d.exact_f1), notes.cell(d.character_kappa),
                         ", ".join(f"{a} ({d.spans[a]})" for a in d.coders), d.title or d.id[:12]])
        out += _table(rows)

    confused = []
    names = {group.label: group.name for group in spans.per_label if group.label}
    labels = [names.get(label, label) for label in spans.confusion_labels]  # NO_SPAN stays as it is
    for i, x in enumerate(labels):
        for j in range(i + 1, len(labels)):
            if spans.confusion[i][j]:
                confused.append((spans.confusion[i][j], x, labels[j]))
    if confused:
        out += ["", "Label confusion: overlapping spans of two annotators with different labels "
                    f"({NO_SPAN}: a span the other annotator did not overlap at all)"]
        out += _table([["Count", "Label", "Label"]] + [[str(n), x, y] for n, x, y in sorted(confused, reverse=True)])

    origins = [f"{a}: " + ", ".join(f"{n} {o}" for o, n in by.items()) for a, by in spans.origins.items() if by]
    if origins:
        out += ["", "Span origins: " + "; ".join(origins) + "."]
    out += notes.lines()
    return "\n".join(out)
