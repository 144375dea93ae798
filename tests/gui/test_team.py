"""The Team menu: blind coding hides others' work, the lead's overlay, progress and merging from the GUI."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from annotator.core.model import Span
from annotator.gui import team
from tests.gui.conftest import EMOJI_TEXT


def span_marks(window):
    """The spans drawn in the reader (suggestions left out)."""
    return [m for m in window.workspace.reader.marks if not m.suggestion]


def add_bob_span(project, document_id):
    start = EMOJI_TEXT.index("Big Tech")
    project.spans.add(Span(document_id=document_id, annotator="bob", label_id="loaded_term",
                          start=start, end=start + 8, text="Big Tech"))


def test_blind_coding_hides_other_annotators_from_an_annotator(window, project, documents):
    add_bob_span(project, documents[0])
    project.team.set_blind_coding(True)
    team.update_team_actions(window)
    window.workspace.refresh_spans()
    assert span_marks(window) == []
    assert not window.actions["show_others"].isEnabled()
    window.actions["show_others"].setChecked(True)  # even if forced, nothing is shown
    assert span_marks(window) == []
    assert not window.actions["blind"].isEnabled()  # only the lead changes blind coding


def test_without_blind_coding_anyone_may_compare(window, project, documents):
    add_bob_span(project, documents[0])
    team.update_team_actions(window)
    window.actions["show_others"].setChecked(True)
    [mark] = span_marks(window)
    assert mark.readonly and mark.title.startswith("bob")


def test_lead_sees_everyone_side_by_side_even_in_blind_mode(window, project, documents, monkeypatch):
    add_bob_span(project, documents[0])
    project.team.set_blind_coding(True)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    window.actions["lead_role"].trigger()
    assert project.team.role("alice") == "lead"
    assert window.actions["show_others"].isEnabled() and window.actions["blind"].isEnabled()
    window.actions["show_others"].setChecked(True)
    marks = span_marks(window)
    assert [m.readonly for m in marks] == [True]
    # Another's span cannot be deleted from the overlay.
    window.workspace.select_span(marks[0].id)
    window.workspace.delete_selected()
    assert project.spans.count("bob") == 1


def test_progress_dialog_shows_documents_by_annotators(window, project, documents):
    project.assignments.assign("alice", documents)
    project.assignments.assign("bob", documents[:1])
    project.assignments.set_status("bob", documents[0], "done")
    dialog = team.ProgressDialog(project, window)
    headers = [dialog.table.horizontalHeaderItem(i).text() for i in range(dialog.table.columnCount())]
    assert headers == ["Document", "Progress", "alice", "bob"]
    assert dialog.table.rowCount() == 2
    assert dialog.table.item(0, 3).text() == "done"
    # Per article: the share of its assigned annotators who are done; per annotator: their share done.
    assert [dialog.table.item(r, 1).text() for r in range(2)] == ["50.0%", "0.0%"]
    assert [dialog.people.item(r, 0).text() for r in range(2)] == ["alice", "bob"]
    assert [dialog.people.item(r, 1).text() for r in range(2)] == ["0.0%", "100.0%"]


def test_progress_percentages_are_written_beside_the_bars_not_over_their_fill(window, project, documents):
    """Written on the bar, the part of "33.3%" where the fill ends was white on white."""
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QColor

    from annotator.gui.team_progress import SHARE_ROLE, share_layout

    for name in ("alice", "bob", "carol"):
        project.assignments.assign(name, documents[:1])
    project.assignments.set_status("bob", documents[0], "done")
    dialog = team.ProgressDialog(project, window)
    dialog.resize(900, 600)
    dialog.show()
    item = dialog.table.item(0, 1)
    assert item.text() == "33.3%" and abs(item.data(SHARE_ROLE) - 1 / 3) < 1e-9
    cell = dialog.table.visualItemRect(item)
    bar, text = share_layout(cell, dialog.table.fontMetrics())
    assert bar.right() < text.left() and cell.contains(bar) and cell.contains(text)  # apart, inside the cell
    assert text.width() >= dialog.table.fontMetrics().horizontalAdvance("100.0%")
    image = dialog.table.viewport().grab().toImage()
    palette = dialog.table.palette()
    highlights = {palette.color(group, palette.ColorRole.Highlight).rgb()
                  for group in (palette.ColorGroup.Active, palette.ColorGroup.Inactive)}
    filled = [x for x in range(bar.left(), bar.right() + 1)
              if QColor(image.pixel(x, bar.center().y())).rgb() in highlights]
    assert filled and abs(len(filled) - bar.width() / 3) <= 2  # the bar is painted, a third filled
    assert QRect(text).isValid()
    dialog.close()

def test_merge_from_the_gui_brings_a_package_back(window, project, documents, tmp_path, monkeypatch):
    from annotator.store import Project

    project.team.set_role("alice", "lead")
    project.assignments.assign("bob", documents[:1])
    package = tmp_path / "bob.framing"
    project.packages.write("bob", package)
    with Project.open(package) as bobs:
        add_bob_span(bobs, documents[0])
    monkeypatch.setattr(team.ReportDialog, "exec", lambda self: 0)
    [report] = team.merge_files(window, [str(package)])
    assert report.spans.added == 1
    assert project.spans.count("bob") == 1
    # Merging the same file again changes nothing.
    [again] = team.merge_files(window, [str(package)])
    assert not again.changed


def test_a_merge_that_changed_something_clears_the_undo_history(window, project, documents, tmp_path, monkeypatch):
    from annotator.store import Project

    window.workspace.reader.select_range(0, 8)
    window.workspace.apply_label("loaded_term")
    assert window.undo_stack.count() == 1
    project.assignments.assign("bob", documents[:1])
    package = tmp_path / "bob.framing"
    project.packages.write("bob", package)
    with Project.open(package) as bobs:
        add_bob_span(bobs, documents[0])
    monkeypatch.setattr(team.ReportDialog, "exec", lambda self: 0)
    team.merge_files(window, [str(package)])
    assert window.undo_stack.count() == 0


def test_a_merge_needing_consent_asks_and_merges_with_it(window, monkeypatch, tmp_path):
    from annotator.core.errors import MergeNeedsConsent

    calls = []

    def merge(path, **allowed):
        calls.append(allowed)
        if not allowed:
            raise MergeNeedsConsent("is not a package but a copy of a whole project", "whole_copy")
        return "merged"

    asked = []
    monkeypatch.setattr(window.project.merges, "merge", merge)
    monkeypatch.setattr(QMessageBox, "exec", lambda box: asked.append(box.text()) or QMessageBox.StandardButton.Yes)
    assert team.merge_with_consent(window, tmp_path / "copy.framing") == "merged"
    assert calls == [{}, {"whole_copy": True}]
    assert "copy of a whole project" in asked[0]


def test_a_coder_cannot_turn_blind_coding_on_when_someone_else_leads(window, project, monkeypatch):
    project.team.add("lea", role="lead")
    team.update_team_actions(window)
    assert not window.actions["blind"].isEnabled()
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: warnings.append(text))
    window.actions["blind"].setChecked(True)  # as a shortcut or a script would, past the disabled menu entry
    assert not project.team.blind_coding()
    assert not window.actions["blind"].isChecked()
    assert len(warnings) == 1 and "lea" in warnings[0]
