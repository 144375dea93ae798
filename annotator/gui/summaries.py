"""The interface's wording of reports built outside gui/: imports, exports, merges, codebook imports.

Below the interface a report is a structured record (ImportReport, ExportReport, MergeReport,
CodebookDiff) whose `summary()` words it in English for the command line; the interface words the same
record here, translated, with numbers in the interface's locale. Reasons that come from a file (why a
file was refused, what a reader could not place) are shown as the reader wrote them.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from annotator.gui.numbers import decimal
from annotator.gui.reasons import message_text, refusal_reason

# translate("Summaries", "…") is the spelling pyside6-lupdate extracts (see scripts/update_translations.py).
translate = QCoreApplication.translate
MAX_LISTED = 50


def _fill(text: str, *values: Any) -> str:
    for number, value in enumerate(values, start=1):
        text = text.replace(f"%{number}", str(value))
    return text


def _listed(lines: list[str], items: list[str], total: int | None = None) -> None:
    """Up to MAX_LISTED of `items`, then how many more there are of `total` (default: all the items)."""
    total = len(items) if total is None else max(total, len(items))
    lines += [f"  {item}" for item in items[:MAX_LISTED]]
    if total > MAX_LISTED:
        lines.append(_fill(translate("Summaries", "  … and %1 more"), decimal(total - MAX_LISTED, 0)))


def import_summary(report) -> str:
    """An ImportReport in the interface's language."""
    lines = [_fill(translate("Summaries", "Imported %1 document(s) from %2 file(s)."),
                   decimal(report.documents_imported, 0), decimal(report.files, 0))]
    if report.spans or report.answers:
        lines.append(_fill(translate("Summaries", "With them: %1 span(s) and %2 document answer(s)."),
                           report.spans, report.answers))
    if report.labels:
        names = report.label_names if len(report.label_names) == len(report.labels) else report.labels
        lines.append(_fill(translate("Summaries", "New labels added to the codebook (marked imported): %1."),
                           ", ".join(names)))
    if report.duplicates:
        lines.append(_fill(translate("Summaries", "%1 document(s) already in the project, not added again:"),
                           decimal(report.documents_repeated, 0)))
        _listed(lines, [item.source for item in report.duplicates[:MAX_LISTED]], report.documents_repeated)
    if report.repeated_spans:
        lines.append(_fill(translate("Summaries", "%1 span(s) were already in the project and were not added "
                                                  "again."), report.repeated_spans))
    if report.warnings:
        lines.append(translate("Summaries", "Not imported from the files (no place for it in the project):"))
        _listed(lines, list(report.warnings))
    if report.refused:
        lines.append(_fill(translate("Summaries", "%1 file(s) refused:"), len(report.refused)))
        _listed(lines, [f"{r.path}: {refusal_reason(r)}" for r in report.refused])
    if report.skipped:
        kinds = sorted({p.suffix.lower() or translate("Summaries", "(no extension)") for p in report.skipped})
        lines.append(_fill(translate("Summaries", "%1 file(s) in folders skipped, not an article format: %2."),
                           len(report.skipped), ", ".join(kinds)))
    if report.stopped:
        lines.append(_fill(translate("Summaries", "Import stopped: %1. The files above were imported."),
                           message_text(report.stopped)))
        if report.not_tried:
            lines.append(_fill(translate("Summaries", "%1 file(s) after it were not tried."), report.not_tried))
    if report.cancelled:
        lines.append(translate("Summaries", "Import cancelled: the files above were imported; the rest were not."))
    return "\n".join(lines)


def import_went_wrong(report) -> bool:
    """True when the import summary should be shown as a warning: a file was refused, or the import stopped."""
    return bool(report.refused or report.stopped)


def show_import_summary(parent, report) -> None:
    """The import summary in a message box: a warning icon when anything was refused, else information."""
    from PySide6.QtWidgets import QMessageBox

    from annotator.gui.plain_text import message

    icon = QMessageBox.Icon.Warning if import_went_wrong(report) else QMessageBox.Icon.Information
    message(parent, icon, translate("Import", "Import finished"), import_summary(report))


def export_summary(report) -> str:
    """An ExportReport in the interface's language."""
    if report.cancelled:
        return translate("Summaries", "Export cancelled; nothing was written.")
    parts = []
    if report.format == "qdc":
        parts.append(translate("Summaries", "the codebook"))
    else:
        for count, text in ((report.documents, translate("Summaries", "%1 documents")),
                            (report.spans, translate("Summaries", "%1 spans")),
                            (report.document_labels, translate("Summaries", "%1 document labels"))):
            if count:
                parts.append(_fill(text, count))
        if report.rows and not parts:
            parts.append(_fill(translate("Summaries", "%1 rows"), report.rows))
    what = ", ".join(parts) or translate("Summaries", "nothing selected")
    lines = [_fill(translate("Summaries", "Exported %1 to %2 (%3 s)."), what, report.path, decimal(report.seconds, 1))]
    lines += [message_text(note) for note in getattr(report, "notes", [])]
    lines += [_fill(translate("Summaries", "Warning: %1"), message_text(w)) for w in getattr(report, "warnings", [])]
    return "\n".join(lines)


def merge_summary_lines(report) -> list[str]:
    """A MergeReport in the interface's language, one line per topic."""
    lines = [_fill(translate("Summaries", "Merged %1:"), report.source)]
    for title, counts in ((translate("Summaries", "spans"), report.spans),
                          (translate("Summaries", "document labels"), report.document_labels),
                          (translate("Summaries", "assignments"), report.assignments),
                          (translate("Summaries", "memos"), report.document_memos)):
        lines.append("  " + _fill(translate("Summaries", "%1: %2 added, %3 updated, %4 deleted"), title,
                                  counts.added, counts.updated, counts.deleted))
    lines.append("  " + _fill(translate("Summaries", "documents: %1 added, %2 already in the project"),
                              len(report.documents_added), len(report.documents_skipped)))
    if report.annotators_added:
        lines.append("  " + _fill(translate("Summaries", "annotators added: %1"), ", ".join(report.annotators_added)))
    if report.unknown_labels:
        lines.append("  " + _fill(translate("Summaries", "unknown labels: %1 (added to the codebook, marked "
                                                         "imported)"), ", ".join(report.unknown_labels)))
    if report.labels_differing:
        lines.append("  " + _fill(translate("Summaries", "labels differing: %1 (the project's definition was kept)"),
                                  ", ".join(report.labels_differing)))
    lines.append("  " + _fill(translate("Summaries", "conflicts: %1"), len(report.conflicts)))
    for conflict in report.conflicts:
        kept = translate("Summaries", "the file's") if conflict.kept == "source" else translate("Summaries",
                                                                                                  "the project's")
        lines.append("    " + _fill(translate("Summaries", "%1 %2: kept %3 edit of %4, discarded the edit of %5"),
                                    conflict.kind, conflict.object_id, kept, conflict.kept_updated,
                                    conflict.discarded_updated))
    if not report.changed:
        lines.append("  " + translate("Summaries", "nothing new: the project already holds this work"))
    return lines
