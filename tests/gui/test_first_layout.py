"""The first start at 1280x720 (no saved layout): the whole default codebook is in view, no scrolling."""

from __future__ import annotations

from PySide6.QtWidgets import QTreeWidgetItemIterator

from annotator.gui import app
from annotator.gui.demo_project import build_demo_project


def labels_out_of_view(panel) -> list[str]:
    """Names of the codebook's labels not wholly inside the panel's visible part."""
    hidden, items = [], QTreeWidgetItemIterator(panel)
    while items.value():
        item = items.value()
        rect = panel.visualItemRect(item)
        if rect.isEmpty() or rect.top() < 0 or rect.bottom() > panel.viewport().height():
            hidden.append(item.text(0))
        items += 1
    return hidden


def test_on_the_first_start_at_1280_by_720_every_label_of_the_default_codebook_is_in_view(qtbot, tmp_path,
                                                                                          settings):
    path = tmp_path / "study.framing"
    build_demo_project(path, "lea").close()
    window = app.open_window(path, settings, annotator="lea")  # as the new-user trial did: shown, then sized
    qtbot.addWidget(window)
    window.resize(1280, 720)
    qtbot.waitUntil(lambda: window.workspace.document is not None)
    qtbot.wait(50)
    panel = window.workspace.codebook_panel
    assert panel.topLevelItemCount() >= 12
    assert labels_out_of_view(panel) == []
    assert panel.verticalScrollBar().maximum() == 0
    assert window.side_tabs.height() >= 150  # the spans table keeps room for a few rows
    window.close()
