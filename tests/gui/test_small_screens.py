"""The main window on a 1280x720 screen, at normal and at 200 % text size: everything fits and stays readable."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from annotator.gui.demo_project import build_demo_project
from annotator.gui.theme import apply_theme

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def demo_window(qtbot, tmp_path, settings):
    from annotator.gui.main_window import MainWindow

    project = build_demo_project(tmp_path / "demo.framing", "student")
    window = MainWindow(project, "student", settings)
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    qtbot.waitUntil(lambda: window.workspace.document is not None)
    qtbot.waitUntil(lambda: bool(window.workspace.suggestions), timeout=10000)
    yield window
    window.close()


@pytest.fixture
def double_text_size(qtbot):
    app = QApplication.instance()
    size = app.font().pointSizeF()
    apply_theme(app, False, size * 2)
    yield size * 2
    apply_theme(app, False, 0.0)


def characters(widget, width: float) -> float:
    return width / widget.fontMetrics().averageCharWidth()


def check_fits(window, qtbot, minimum_suggestion_chars: int) -> None:
    assert window.minimumSizeHint().width() <= 1280
    assert window.minimumSizeHint().height() <= 720
    window.resize(1280, 720)
    qtbot.wait(20)
    assert window.width() <= 1280 and window.height() <= 720
    reader = window.workspace.reader
    assert characters(reader, reader.viewport().width()) >= 35  # a readable text column
    qtbot.keyClick(reader, Qt.Key.Key_F, CTRL)
    bar = window.find_bar
    assert bar.isVisible()
    qtbot.wait(20)
    assert window.width() <= 1280 and window.minimumSizeHint().width() <= 1280
    assert characters(bar.query_edit, bar.query_edit.width()) >= 14
    assert bar.geometry().right() <= window.centralWidget().width()
    qtbot.keyClick(bar.query_edit, Qt.Key.Key_Escape)
    window.side_tabs.setCurrentWidget(window.workspace.suggestion_panel)
    qtbot.wait(20)
    view = window.workspace.suggestion_panel.view
    text_column = view.columnWidth(window.workspace.suggestion_panel.model.text_column)
    assert characters(view, text_column) >= minimum_suggestion_chars
    assert window.workspace.suggestion_panel.geometry().width() <= window.width()


def test_everything_fits_at_1280_by_720(demo_window, qtbot):
    check_fits(demo_window, qtbot, minimum_suggestion_chars=20)


def test_everything_fits_at_1280_by_720_with_text_twice_as_large(demo_window, qtbot, double_text_size):
    demo_window.change_font(demo_window.settings.point_size)  # reader text at twice its size too
    qtbot.wait(20)
    check_fits(demo_window, qtbot, minimum_suggestion_chars=12)
