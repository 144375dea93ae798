"""Finds user-visible string literals in gui/ code that do not pass through Qt's translation system."""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from pathlib import Path

# Calls that mark a literal for translation (self.tr, QCoreApplication.translate, QT_TRANSLATE_NOOP...).
WRAPPERS = {"tr", "translate", "QT_TR_NOOP", "QT_TRANSLATE_NOOP", "QT_TRANSLATE_NOOP3", "qsTr"}

# Methods whose string arguments end up on screen or in a screen reader.
SINK_METHODS = {
    "setText", "setWindowTitle", "setToolTip", "setStatusTip", "setWhatsThis", "setPlaceholderText",
    "setAccessibleName", "setAccessibleDescription", "setTitle", "setLabelText", "showMessage", "addItem",
    "addItems", "insertItem", "setItemText", "addTab", "insertTab", "setTabText", "setTabToolTip", "addMenu",
    "addAction", "addRow", "insertRow", "setHorizontalHeaderLabels", "setVerticalHeaderLabels",
    "setHeaderLabels", "setHeaderLabel", "setPrefix", "setSuffix", "setSpecialValueText", "setCancelButtonText",
    "setInformativeText", "setDetailedText", "setButtonText", "setWindowIconText", "setHtml", "setPlainText",
    "setToolTipText", "setSectionTitle",
}
# Widgets and items whose constructor takes the text they show.
SINK_CLASSES = {
    "QLabel", "QPushButton", "QCheckBox", "QRadioButton", "QGroupBox", "QAction", "QToolButton", "QDockWidget",
    "QMenu", "QTableWidgetItem", "QListWidgetItem", "QTreeWidgetItem", "QProgressDialog", "QCommandLinkButton",
    "QMessageBox", "QWizardPage", "BackgroundTask", "ReportDialog",
    "_add", "add",  # the menus' helpers that build a QAction from a text
}
# Static dialogs: every string argument is a title, a prompt or a file filter.
SINK_STATICS = {
    "QMessageBox": {"information", "warning", "critical", "question", "about"},
    "QFileDialog": {"getOpenFileName", "getOpenFileNames", "getSaveFileName", "getExistingDirectory"},
    "QInputDialog": {"getItem", "getText", "getInt", "getDouble", "getMultiLineText"},
}
# Item-model methods whose returned strings are shown.
SHOWN_RETURNS = {"headerData", "data"}

# Keys, ids, object names and file suffixes: "todo", "label_id", ".framing", "-brat".
_IDENTIFIER = re.compile(r"^[a-z0-9_.\-]*[a-z][a-z0-9_.\-]*$")
# Key sequences given beside texts: "Ctrl+Shift+K", "F1", "Ctrl+PgDown".
_KEYS = re.compile(r"^((Ctrl|Alt|Shift|Meta)\+)*([A-Za-z0-9]|F\d{1,2}|PgUp|PgDown|Return|Backspace|Delete|[^\s\w])$")
# Markup, entities, placeholders (%1, %n, %s, strftime's %H) and format fields.
_MARKUP = re.compile(r"<[^>]*>|&[a-z]+;|%[A-Za-z0-9]|\{[^}]*\}")


@dataclass(frozen=True)
class Finding:
    """One literal that would be shown untranslated."""

    path: str
    line: int
    text: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.text!r}"


def is_human_text(text: str) -> bool:
    """True for words a user reads: letters left once markup and placeholders are removed, not an identifier."""
    if _IDENTIFIER.match(text) or _KEYS.match(text):
        return False
    return any(ch.isalpha() for ch in _MARKUP.sub("", text))


def _name(func: ast.expr) -> str:
    if isinstance(func, ast.Attribute):
        return func.attr
    if isinstance(func, ast.Name):
        return func.id
    return ""


def _literals(node: ast.AST):
    """String constants reaching the screen from this expression, not looking inside translation calls."""
    if isinstance(node, ast.Call) and _name(node.func) in WRAPPERS:
        return
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        yield node
        return
    if isinstance(node, ast.Dict):  # keys select, values show
        for value in node.values:
            yield from _literals(value)
        return
    if isinstance(node, ast.Subscript):
        yield from _literals(node.value)
        return
    if isinstance(node, ast.Compare):
        return
    for child in ast.iter_child_nodes(node):
        yield from _literals(child)


def _sink_arguments(call: ast.Call) -> list[ast.expr]:
    func, name = call.func, _name(call.func)
    arguments = list(call.args) + [k.value for k in call.keywords]
    if name in SINK_CLASSES and isinstance(func, ast.Name):
        return arguments
    if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) and func.value.id in SINK_STATICS:
        return arguments if name in SINK_STATICS[func.value.id] else []
    if name in SINK_METHODS and isinstance(func, ast.Attribute):
        return arguments
    return []


def find_untranslated(source: str, path: str = "<source>") -> list[Finding]:
    """Every human-text literal given to a text sink (or returned by data/headerData) outside tr/translate."""
    tree = ast.parse(source)
    findings: list[Finding] = []
    for node in ast.walk(tree):
        exprs: list[ast.expr] = []
        if isinstance(node, ast.Call):
            exprs = _sink_arguments(node)
        elif isinstance(node, ast.FunctionDef) and node.name in SHOWN_RETURNS:
            exprs = [r.value for r in ast.walk(node) if isinstance(r, ast.Return) and r.value is not None]
        for expr in exprs:
            for literal in _literals(expr):
                if is_human_text(literal.value):
                    findings.append(Finding(path, literal.lineno, literal.value))
    return sorted(set(findings), key=lambda f: (f.path, f.line, f.text))


def find_untranslated_in(folder: Path) -> list[Finding]:
    """find_untranslated over every .py file of `folder`."""
    findings: list[Finding] = []
    for path in sorted(folder.glob("*.py")):
        findings += find_untranslated(path.read_text(encoding="utf-8"), path.name)
    return findings
