"""Keyboard and screen readers: every menu action has a shortcut listed in Help > Keyboard shortcuts, the
main widgets have accessible names, Tab moves through the window in a sensible order, Help opens the guide."""

from __future__ import annotations

import re
from collections import Counter

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QApplication, QComboBox, QLineEdit, QTextEdit

from annotator.gui.menus import ShortcutsDialog, menu_actions, reader_keys, user_guide_path


def shortcut_texts(action) -> list[str]:
    return [k.toString(QKeySequence.SequenceFormat.PortableText) for k in action.shortcuts()]


def test_every_menu_action_has_a_shortcut(window):
    actions = menu_actions(window)
    assert len(actions) >= 35
    missing = [f"{menu} > {action.text()}" for menu, action in actions if not action.shortcuts()]
    assert missing == []


def test_no_two_actions_share_a_shortcut(window):
    keys = Counter(k for _menu, action in menu_actions(window) for k in shortcut_texts(action))
    assert [k for k, n in keys.items() if n > 1] == []


def test_menu_shortcuts_leave_the_label_keys_free(window, project):
    """Label keys are plain letters or Alt+digit; menu shortcuts always hold Ctrl or a function key."""
    for _menu, action in menu_actions(window):
        for key in shortcut_texts(action):
            assert re.match(r"^(Ctrl\+|(Shift\+)?F\d+$)", key), key


def test_shortcuts_window_lists_team_and_review_actions(window):
    dialog = ShortcutsDialog(window)
    rows = {(dialog.table.item(i, 1).text(), dialog.table.item(i, 2).text())
            for i in range(dialog.table.rowCount())}
    for key in ("merge", "blind", "package", "agreement", "disagreements", "preferences", "guide"):
        action = window.actions[key]
        assert any(text == action.text().replace("&", "") for text, _menu in rows), key
    menus = {menu for _text, menu in rows}
    assert {"Team", "Review", "File", "Help"} <= menus
    assert dialog.table.rowCount() == len(menu_actions(window)) + len(reader_keys())


def test_main_widgets_have_accessible_names(window):
    widgets = [w for w in window.findChildren(QAbstractItemView) + window.findChildren(QLineEdit)
               + window.findChildren(QComboBox) + window.findChildren(QTextEdit)
               if w.isVisible() and w.focusPolicy() != Qt.FocusPolicy.NoFocus
               and not isinstance(w.parent(), (QComboBox, QAbstractItemView))]
    assert len(widgets) >= 6
    unnamed = [f"{type(w).__name__} {w.objectName()}" for w in widgets if not w.accessibleName()]
    assert unnamed == []
    assert window.workspace.reader.accessibleDescription()


def test_tab_moves_from_the_filters_to_the_list_the_text_and_the_side_panels(window, qtbot):
    window.activateWindow()
    window.document_list.filter_edit.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.document_list.filter_edit)
    visited = []
    for _ in range(6):
        visited.append(QApplication.focusWidget())
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    expected = [window.document_list.filter_edit, window.document_list.status_combo, window.document_list.view,
                window.workspace.reader, window.side_tabs.tabBar(), window.workspace.span_list]
    assert visited == expected


def test_help_opens_the_user_guide(window, monkeypatch):
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    window.actions["guide"].trigger()
    assert opened == [QUrl.fromLocalFile(str(user_guide_path()))]
    assert user_guide_path().is_file()


def test_about_names_the_version_and_the_project_file(window, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from annotator import __version__

    shown = []
    monkeypatch.setattr(QMessageBox, "about", lambda parent, title, text: shown.append((title, text)))
    window.actions["about"].trigger()
    title, text = shown[0]
    assert __version__ in text and str(window.project.path) in text
