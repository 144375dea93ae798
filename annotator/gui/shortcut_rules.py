"""Keys a label cannot take in this window: menu shortcuts, menu mnemonics (Alt+F opens File) and the text
editing keys (Ctrl+C copies), each with what already uses it."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QWidget

from annotator.core.shortcuts import normal_shortcut, shortcut_problem

_PORTABLE = QKeySequence.SequenceFormat.PortableText
_EDITING = (
    (QKeySequence.StandardKey.Copy, "Copy"), (QKeySequence.StandardKey.Cut, "Cut"),
    (QKeySequence.StandardKey.Paste, "Paste"), (QKeySequence.StandardKey.SelectAll, "Select all"),
)


def _editing_name(name: str) -> str:
    return {"Copy": QCoreApplication.translate("ShortcutRules", "copying text"),
            "Cut": QCoreApplication.translate("ShortcutRules", "cutting text"),
            "Paste": QCoreApplication.translate("ShortcutRules", "pasting text"),
            "Select all": QCoreApplication.translate("ShortcutRules", "selecting all the text")}[name]


def reserved_keys(window: QWidget | None) -> dict[str, str]:
    """Normal spelling of each key the window uses -> what uses it, in the interface's words."""
    reserved: dict[str, str] = {}
    for key, name in _EDITING:
        for sequence in QKeySequence.keyBindings(key):
            text = sequence.toString(_PORTABLE)
            if text and shortcut_problem(text) is None:
                reserved[normal_shortcut(text)] = _editing_name(name)
    if window is None or not hasattr(window, "menuBar"):
        return reserved
    for top in window.menuBar().actions():
        title = top.text()
        if "&" in title:
            letter = title[title.index("&") + 1]
            if letter.isascii() and letter.isalnum():
                reserved[normal_shortcut(f"Alt+{letter}")] = QCoreApplication.translate(
                    "ShortcutRules", "opening the %1 menu").replace("%1", title.replace("&", ""))
        menu = top.menu()
        if menu is None:
            continue
        for action in menu.actions():
            for sequence in action.shortcuts():
                text = sequence.toString(_PORTABLE)
                if text and shortcut_problem(text) is None:
                    reserved[normal_shortcut(text)] = "%s > %s" % (title.replace("&", ""),
                                                                   action.text().replace("&", ""))
    return reserved


def shortcut_refusal(shortcut: str, reserved: dict[str, str]) -> str | None:
    """Why the window would never let `shortcut` label anything, or None when it is free."""
    if not shortcut.strip() or shortcut_problem(shortcut) is not None:
        return None  # the store says why, in its own words
    owner = reserved.get(normal_shortcut(shortcut))
    if owner is None:
        return None
    return QCoreApplication.translate(
        "ShortcutRules", "%1 is already used for %2, which would take the key before the text does; choose another "
        "key").replace("%1", normal_shortcut(shortcut)).replace("%2", owner)
