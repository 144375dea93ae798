"""Every window the lead and the coders open speaks French under French: a test renders them on a team
project and fails on any text that is one of the app's own English strings (the .ts sources whose French
differs); numbers follow the French locale; every reason the agreement layer writes has a French wording;
no translatable text hides inside an f-string, where lupdate cannot see it."""

from __future__ import annotations

import ast
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtWidgets import (
    QAbstractButton, QComboBox, QGroupBox, QLabel, QListWidget, QPlainTextEdit, QProgressBar, QTableWidget,
    QTabWidget, QTreeWidget, QWidget,
)

from annotator.agreement.report import build_report
from annotator.core.model import Document
from annotator.core.paths import resources_dir
from annotator.gui.demo_project import build_team_demo_project
from annotator.gui.reasons import known, message_text
from annotator.store import Project
from tests.agreement.agreement_project import build_project

TS = resources_dir() / "translations" / "framing_annotator_fr.ts"
GUI = Path(__file__).resolve().parents[2] / "annotator" / "gui"
_TAGS = re.compile(r"<[^>]+>")
_PLACEHOLDER = re.compile(r"%\d|%s|%n|\{[a-z_]+\}")


def english_strings() -> tuple[set[str], list[str]]:
    """The app's English strings: whole texts, and the word runs between placeholders (3 words or more)."""
    whole, fragments = set(), set()
    for context in ET.parse(TS).getroot().iter("context"):
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            texts = [t.text or "" for t in translation.iter("numerusform")] or [translation.text or ""]
            if source in texts or not re.search(r"[A-Za-z]{3}", source):
                continue  # the same in French ("Questions", "Document"), or no word at all
            clean = source.replace("&", "").strip()
            whole.add(clean)
            for part in _PLACEHOLDER.split(_TAGS.sub(" ", clean)):
                part = part.strip(" .,:;()[]·—-")
                if len(part.split()) >= 3:
                    fragments.add(part)
    return whole, sorted(fragments, key=len, reverse=True)


def shown_texts(widget: QWidget) -> list[str]:
    """Every text a person sees in `widget` and its visible children."""
    texts = [widget.windowTitle()]
    for child in [widget] + widget.findChildren(QWidget):
        if child is not widget and (not child.isVisibleTo(widget) or child.window() is not widget.window()):
            continue  # hidden, or inside another window (a dialog the window owns)
        if isinstance(child, QLabel):
            texts.append(child.text())
        elif isinstance(child, QAbstractButton):
            texts.append(child.text())
        elif isinstance(child, QGroupBox):
            texts.append(child.title())
        elif isinstance(child, QTabWidget):
            texts += [child.tabText(i) for i in range(child.count())]
        elif isinstance(child, QComboBox):
            texts += [child.itemText(i) for i in range(child.count())]
        elif isinstance(child, QProgressBar):
            texts.append(child.text())
        elif isinstance(child, QPlainTextEdit) and child.isReadOnly():
            texts += child.toPlainText().splitlines()
        elif isinstance(child, QListWidget):
            texts += [child.item(i).text() for i in range(child.count())]
        elif isinstance(child, QTableWidget):
            for c in range(child.columnCount()):
                header = child.horizontalHeaderItem(c)
                texts.append(header.text() if header else "")
                texts += [child.item(r, c).text() for r in range(child.rowCount()) if child.item(r, c)]
                texts += [child.item(r, c).toolTip() for r in range(child.rowCount()) if child.item(r, c)]
        elif isinstance(child, QTreeWidget):
            texts += [child.headerItem().text(c) for c in range(child.columnCount())]
            stack = [child.topLevelItem(i) for i in range(child.topLevelItemCount())]
            while stack:
                item = stack.pop()
                texts.append(item.text(0))
                stack += [item.child(i) for i in range(item.childCount())]
    return [t for t in (_TAGS.sub(" ", text).replace("&", "").strip() for text in texts) if t]


def english_in(texts: list[str], whole: set[str], fragments: list[str]) -> list[str]:
    found = []
    for text in texts:
        for line in text.splitlines():
            line = " ".join(line.split())
            if line in whole:
                found.append(line)
            else:
                hit = next((f for f in fragments if f in line), None)
                if hit:
                    found.append(f"{line!r} holds {hit!r}")
    return found


@pytest.fixture
def french(qapp):
    from annotator.gui.translation import install_translator

    assert install_translator(qapp, "fr")
    yield
    install_translator(qapp, "en")


@pytest.fixture
def team_window(qtbot, tmp_path, settings, french):
    from annotator.gui.main_window import MainWindow

    build_team_demo_project(tmp_path / "team.framing").close()
    project = Project.open(tmp_path / "team.framing", backup=False)
    window = MainWindow(project, "lea", settings, "fr")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.workspace.document is not None)
    yield window
    window.close()


def lead_windows(window, qtbot) -> dict[str, list[str]]:
    """Every window of the lead's side, opened and filled on the team project."""
    from annotator.gui import review, team
    from annotator.gui.codebook_editor import CodebookEditor
    from annotator.gui.codebook_import_dialog import ImportPreview
    from annotator.gui.export_dialog import ExportDialog
    from annotator.gui.menus import ShortcutsDialog
    from annotator.gui.settings_dialog import SettingsDialog
    from annotator.io.codebook_files import load_preset

    project = window.project
    shown: dict[str, list[str]] = {}
    agreement = review.open_agreement(window)
    agreement.resamples = 50
    qtbot.waitUntil(lambda: agreement.report is not None, timeout=60000)
    for index in range(agreement.tabs.count()):
        agreement.tabs.setCurrentIndex(index)
        shown[f"agreement tab {index}"] = shown_texts(agreement)
    browser = review.open_disagreements(window)
    qtbot.waitUntil(lambda: browser.report is not None, timeout=60000)
    shown["disagreements, spans"] = shown_texts(browser)
    browser.panel.tabs.setCurrentIndex(1)
    shown["disagreements, questions"] = shown_texts(browser)
    dialog = team.AssignDialog(project, window)
    shown["assign"] = shown_texts(dialog)
    extra = project.documents.add([Document(text="Un article de plus sur la réforme.", title="Encore")]).added
    dialog.update_outline()
    plan = team.assign_documents(window, dialog)
    assert plan is not None and extra
    shown["assign result"] = shown_texts(window.last_assignment)
    shown["progress"] = shown_texts(team.ProgressDialog(project, window))
    shown["annotators"] = shown_texts(team.AnnotatorsDialog(project, "lea", window))
    editor = CodebookEditor(project, window, "fr")
    editor.show()
    for select in (lambda: editor.select_label("hedge"), lambda: editor.select_label("tone"),
                   lambda: editor.select_attribute(next(iter(editor._attribute_items)))):
        select()
        shown[f"codebook editor {len(shown)}"] = shown_texts(editor)
    book = load_preset("policy-frames")
    preview = ImportPreview(book, project.codebook.preview_import(book),
                            {l.id: l.display_name("fr") for l in project.codebook.labels()}, window, "fr")
    shown["codebook import preview"] = shown_texts(preview)
    shown["export"] = shown_texts(ExportDialog(project, window))
    shown["preferences"] = shown_texts(SettingsDialog(window.settings, window))
    shown["shortcuts"] = shown_texts(ShortcutsDialog(window))
    shown["main window"] = shown_texts(window)
    editor.close()
    return shown


def test_every_window_of_the_lead_speaks_french(team_window, qtbot):
    whole, fragments = english_strings()
    assert len(whole) > 300 and "Coders compared" in whole  # the list is the app's own English
    problems = {name: english_in(texts, whole, fragments)
                for name, texts in lead_windows(team_window, qtbot).items()}
    problems = {name: found for name, found in problems.items() if found}
    assert problems == {}


def test_the_check_catches_an_english_string_left_on_screen(qapp):
    whole, fragments = english_strings()
    from PySide6.QtWidgets import QLabel

    label = QLabel("Coders compared")
    assert english_in(shown_texts(label), whole, fragments) == ["Coders compared"]
    label.setText("Annotateurs : 3 documents finished by every assigned annotator")
    assert english_in(shown_texts(label), whole, fragments)
    label.setText("Origine des segments : sam 3")
    assert english_in(shown_texts(label), whole, fragments) == []


def test_numbers_follow_the_french_locale(team_window, qtbot):
    from annotator.gui import review
    from annotator.gui.numbers import decimal, percent

    assert (decimal(0.29), percent(1.0)) == ("0,290", "100,0\u00a0%")
    agreement = review.open_agreement(team_window)
    agreement.resamples = 0
    qtbot.waitUntil(lambda: agreement.report is not None, timeout=60000)
    table = agreement.questions_table
    alpha, percent_cell = table.item(0, 4).text(), table.item(0, 6).text()
    assert re.fullmatch(r"-?\d,\d{3}(  \[-?\d,\d{3}\u00a0; -?\d,\d{3}\])?", alpha), alpha
    assert re.fullmatch(r"\d{1,3},\d\u00a0%", percent_cell), percent_cell


def reasons_of(value) -> list[str]:
    if isinstance(value, dict):
        found = [v for k, v in value.items() if k in ("reason", "ci_reason", "note") and isinstance(v, str) and v]
        return found + [r for v in value.values() for r in reasons_of(v)]
    if isinstance(value, list):
        return [r for v in value for r in reasons_of(v)]
    return []


def test_every_reason_the_agreement_layer_gives_has_french_words(tmp_path, qapp, french):
    reasons: set[str] = set()
    build_project(tmp_path / "three.framing")
    build_team_demo_project(tmp_path / "team.framing").close()
    with Project.open(tmp_path / "three.framing", backup=False) as project:
        for annotators in (None, ["alice"], ["alice", "dave"], ["carol", "dave"]):
            for done_only in (False, True):
                data = project.agreement.data(annotators=annotators, done_only=done_only)
                reasons |= set(reasons_of(build_report(data, resamples=20).to_dict()))
    with Project.open(tmp_path / "team.framing", backup=False) as project:
        data = project.agreement.data(roll_up=True)
        reasons |= set(reasons_of(build_report(data, resamples=20).to_dict()))
    assert len(reasons) >= 8
    unknown = sorted(r for r in reasons if not known(r))
    assert unknown == []
    untranslated = sorted(r for r in reasons if message_text(r) == r)
    assert untranslated == []


def test_no_translatable_text_inside_an_f_string():
    """lupdate cannot read self.tr("...") inside an f-string: the text would stay English."""
    found = []
    for path in sorted(GUI.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.JoinedStr):
                for inner in ast.walk(node):
                    if isinstance(inner, ast.Call) and getattr(inner.func, "attr", getattr(inner.func, "id", "")) \
                            in ("tr", "translate"):
                        found.append(f"{path.name}:{node.lineno}")
    assert found == []


def _iter_items(tree):
    from PySide6.QtWidgets import QTreeWidgetItemIterator

    it = QTreeWidgetItemIterator(tree)
    while it.value():
        yield it.value()
        it += 1


def test_the_codebook_editor_shows_every_name_whole_in_french(team_window, qtbot):
    """Label, question and attribute names in the editor's tree are not cut off (they were, before the
    name column was sized to its contents)."""
    from annotator.gui.codebook_editor import CodebookEditor

    editor = CodebookEditor(team_window.project, team_window, "fr")
    editor.show()
    qtbot.waitExposed(editor)
    tree = editor.tree
    cut = []
    for item in _iter_items(tree):
        tree.scrollToItem(item)
        rect = tree.visualItemRect(item)
        needed = tree.fontMetrics().horizontalAdvance(item.text(0))
        indent = tree.indentation() * (1 + _depth(item))
        if rect.isValid() and tree.columnWidth(0) < needed + indent:
            cut.append(item.text(0))
    assert len(list(_iter_items(tree))) > 10 and cut == []
    assert tree.columnViewportPosition(1) + tree.columnWidth(1) <= tree.viewport().width() + tree.columnWidth(2)
    editor.close()


def _depth(item) -> int:
    depth = 0
    while item.parent() is not None:
        item, depth = item.parent(), depth + 1
    return depth


def test_the_disagreement_browsers_document_list_keeps_its_width_in_french(team_window, qtbot):
    """The French panel on the right needs more room; it once crushed the document list to 85 px."""
    from annotator.gui import review

    browser = review.open_disagreements(team_window)
    qtbot.waitUntil(lambda: browser.report is not None, timeout=60000)
    browser.resize(1280, 720)
    qtbot.wait(50)
    assert browser.minimumSizeHint().width() <= 1280 and browser.width() <= 1280  # fits a 1280 px screen
    documents = browser.documents
    assert documents.width() >= 300
    title_column = 1
    shown = documents.columnWidth(title_column)
    assert shown >= documents.fontMetrics().horizontalAdvance("M") * 12  # a dozen characters of each title
    browser.close()


def test_every_window_of_the_lead_fits_a_1280_by_720_screen_in_french(team_window, qtbot):
    from annotator.gui import review, team
    from annotator.gui.codebook_editor import CodebookEditor
    from annotator.gui.export_dialog import ExportDialog
    from annotator.gui.menus import ShortcutsDialog
    from annotator.gui.settings_dialog import SettingsDialog

    project = team_window.project
    agreement = review.open_agreement(team_window)
    agreement.resamples = 50
    qtbot.waitUntil(lambda: agreement.report is not None, timeout=60000)
    browser = review.open_disagreements(team_window)
    qtbot.waitUntil(lambda: browser.report is not None, timeout=60000)
    windows = {"agreement": agreement, "disagreements": browser, "assign": team.AssignDialog(project, team_window),
               "progress": team.ProgressDialog(project, team_window),
               "annotators": team.AnnotatorsDialog(project, "lea", team_window),
               "codebook editor": CodebookEditor(project, team_window, "fr"),
               "export": ExportDialog(project, team_window), "preferences": SettingsDialog(team_window.settings,
                                                                                          team_window),
               "shortcuts": ShortcutsDialog(team_window)}
    too_big = {}
    for name, widget in windows.items():
        widget.show()
        hint = widget.minimumSizeHint()
        if hint.width() > 1280 or hint.height() > 720:
            too_big[name] = (hint.width(), hint.height())
        widget.close()
    assert too_big == {}


@pytest.mark.parametrize("english, french_words", [
    ("1 span holds a value for 'Who'; retire it instead", "1 segment a une valeur pour"),
    ("3 spans hold a value for 'Who'; retire it instead", "3 segments ont une valeur pour"),
    ("1 answer to 'Tone' holds several choices; it must keep taking several answers", "1 réponse à"),
    ("2 answers to 'Tone' hold several choices; it must keep taking several answers", "2 réponses à"),
    ("question 'tone' keeps choice negative: answers in this project use it", "garde le choix negative"),
    ("question 'tone' keeps choices a, b: answers in this project use them", "garde les choix a, b"),
    ("only the project lead (lea) turns blind coding on or off", "seul le responsable du projet (lea)"),
])
def test_counted_refusals_of_the_store_are_shown_in_french(qapp, french, english, french_words):
    assert french_words in message_text(english)
