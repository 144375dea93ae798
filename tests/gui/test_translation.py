"""The interface speaks French: every visible string is translatable and translated, the .qm is built from
the .ts, and the app starts in French under a French locale."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
import textwrap
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QApplication

from annotator.core.paths import resources_dir
from tests.gui.translatable_strings import find_untranslated, find_untranslated_in, is_human_text

REPO = Path(__file__).resolve().parents[2]
GUI = REPO / "annotator" / "gui"
TS = resources_dir() / "translations" / "framing_annotator_fr.ts"
QM = resources_dir() / "translations" / "framing_annotator_fr.qm"


def load_update_script():
    spec = importlib.util.spec_from_file_location("update_translations", REPO / "scripts" / "update_translations.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def ts_messages() -> list[tuple[str, str, bool, list[str]]]:
    """(context, source, numerus, translations) of every message of the committed .ts."""
    found = []
    for context in ET.parse(TS).getroot().iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            numerus = message.get("numerus") == "yes"
            texts = [f.text or "" for f in translation.iter("numerusform")] if numerus else [translation.text or ""]
            found.append((context.findtext("name"), message.findtext("source"), numerus, texts))
    return found


# -- (a) every user-visible literal goes through tr/translate -------------------------------------------------


def test_no_untranslatable_literal_in_gui():
    findings = find_untranslated_in(GUI)
    assert findings == [], "wrap these in self.tr(...) or QCoreApplication.translate(...):\n" + "\n".join(
        str(f) for f in findings)


def test_the_detector_catches_unwrapped_literals_and_passes_wrapped_ones():
    source = textwrap.dedent('''
        class Panel(QWidget):
            def __init__(self):
                QLabel("Hello there", self)                                    # 3: flagged
                self.setWindowTitle("Settings")                                # 4: flagged
                QMessageBox.warning(self, "Oops", self.tr("It failed"))        # 5: "Oops" flagged
                self.button.setText(f"Found {count} items")                    # 6: flagged
                self.status.showMessage(self.tr("Saved") + " just now")        # 7: " just now" flagged
                action = QAction(_tr("&Open"), self)                           # 8: flagged (lupdate cannot read _tr)
                self.combo.addItem("Choose one", "choice")                     # 9: "Choose one" flagged
                QLabel(self.tr("Fine"), self)                                  # 10
                QLabel(QCoreApplication.translate("Ctx", "Fine too"), self)    # 11
                self.setObjectName("mainPanel")                                # 12: not shown
                self.close_button.setText("✕")                                 # 13: no words
                self.action.setShortcut("Ctrl+Shift+K")                        # 14: not a text sink
                _add(window, menu, "quit", self.tr("&Quit"), slot, "Ctrl+Q")   # 15: key and shortcut
                self.combo.addItem(label.display_name(language), label.id)     # 16: data, not a literal
                self.label.setText(NAMES[QT_TRANSLATE_NOOP("Ctx", "Marked")])  # 17
                self.label.setText({"todo": self.tr("to do")}["todo"])         # 18: keys select

            def headerData(self, section, orientation, role):
                return ("Title", self.tr("Date"))[section]                     # 21: "Title" flagged
    ''').lstrip("\n")
    flagged = {(f.line, f.text) for f in find_untranslated(source)}
    assert flagged == {(3, "Hello there"), (4, "Settings"), (5, "Oops"), (6, "Found "), (6, " items"),
                       (7, " just now"), (8, "&Open"), (9, "Choose one"), (21, "Title")}


@pytest.mark.parametrize("text, human", [
    ("Export", True), ("n/a", True), ("&File", True), ("<b>Note</b>", True), ("%1 of %2", True),
    ("todo", False), ("label_id", False), (".framing", False), ("Ctrl+Shift+K", False), ("F1", False),
    ("  ·  ", False), ("✕", False), ("%s", False), ("<br>", False),
])
def test_what_counts_as_human_text(text, human):
    assert is_human_text(text) is human


def test_tr_is_only_called_on_self():
    """`window.tr(...)` is extracted under the context "window" but looked up as "MainWindow" at run time."""
    import ast

    wrong = []
    for path in sorted(GUI.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "tr"
                    and not (isinstance(node.func.value, ast.Name) and node.func.value.id == "self")):
                wrong.append(f"{path.name}:{node.lineno}")
    assert wrong == []


# -- (b) the .ts has a French text for every message, and the .qm is built from it ---------------------------


def test_every_message_of_the_ts_has_a_french_translation():
    assert load_update_script().untranslated(TS) == []
    assert len(ts_messages()) > 300


def test_the_ts_covers_the_current_code_and_the_qm_is_built_from_it():
    """Runs lupdate over annotator/gui into a copy of the .ts and lrelease into a copy of the .qm."""
    problems = load_update_script().check()
    assert problems == [], "run scripts/update_translations.py and translate:\n" + "\n".join(problems)


def test_the_check_fails_on_an_untranslated_message(tmp_path):
    ts = tmp_path / "x.ts"
    ts.write_text(TS.read_text(encoding="utf-8").replace(
        "<translation>&amp;Fichier</translation>", '<translation type="unfinished"></translation>'), encoding="utf-8")
    assert load_update_script().untranslated(ts) == ["Menus: &File"]


def test_the_qm_gives_every_translation_of_the_ts(qapp):
    translator = QTranslator()
    assert translator.load(str(QM))
    for context, source, numerus, texts in ts_messages():
        if numerus:  # the form follows n; %n itself is filled in by QCoreApplication.translate
            assert translator.translate(context, source, None, 1) == texts[0]
            assert translator.translate(context, source, None, 5) == texts[1]
        else:
            assert translator.translate(context, source) == texts[0], (context, source)


def test_french_typography_in_translations():
    """French puts a no-break space before : ; ? ! and inside « », never a plain one."""
    for context, source, _numerus, texts in ts_messages():
        for text in texts:
            for mark in (" :", " ;", " ?", " !", "« ", " »"):
                assert mark not in text, (context, source, text)


# -- (c) the interface in French ------------------------------------------------------------------------------


@pytest.fixture
def french(qapp):
    from annotator.gui.translation import install_translator

    assert install_translator(qapp, "fr")
    yield
    install_translator(qapp, "en")


@pytest.fixture
def french_window(qtbot, project, documents, settings, french):
    from annotator.gui.main_window import MainWindow

    win = MainWindow(project, "alice", settings, "fr")
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: win.workspace.document is not None)
    return win


def test_main_window_menus_read_in_french(french_window):
    titles = [a.text() for a in french_window.menuBar().actions()]
    assert titles[0] == "&Fichier"
    assert {"É&dition", "A&ller", "Affic&hage", "É&quipe", "&Révision", "&Aide"} <= set(titles)
    texts = {a.text() for a in french_window.actions.values()}
    assert "&Marquer comme terminé (et passer au suivant)" in texts
    model = french_window.document_list.model
    from PySide6.QtCore import Qt

    assert model.headerData(0, Qt.Orientation.Horizontal) == "Titre"


def test_codebook_labels_and_questions_show_their_french_names(french_window, project):
    panel = french_window.workspace.codebook_panel
    names = {panel.topLevelItem(i).text(0) for i in range(panel.topLevelItemCount())}
    scare = project.codebook.label("scare_quote")
    assert scare.name_fr and scare.name_fr != scare.name
    assert scare.name_fr in names and scare.name not in names
    question = next(l for l in project.codebook.labels() if l.kind == "document" and l.name_fr)
    widget = french_window.workspace.questions_panel.widget_for(question.id)
    assert widget.accessibleName() == question.name_fr


def test_english_window_keeps_english_names(window, project):
    panel = window.workspace.codebook_panel
    names = {panel.topLevelItem(i).text(0) for i in range(panel.topLevelItemCount())}
    assert project.codebook.label("scare_quote").name in names
    assert window.menuBar().actions()[0].text() == "&File"


def test_the_app_starts_in_french_under_a_french_locale(tmp_path):
    """A fresh start (no language chosen) with LANG=fr_FR: the app picks French and its menus read in French."""
    script = textwrap.dedent(f'''
        import json
        from pathlib import Path
        from PySide6.QtCore import QSettings
        from annotator.gui.app import application, ui_language
        from annotator.gui.settings import Settings
        from annotator.gui.translation import install_translator
        from annotator.gui.demo_project import build_demo_project
        from annotator.gui.main_window import MainWindow

        app = application()
        settings = Settings(QSettings(r"{tmp_path / 'settings.ini'}", QSettings.Format.IniFormat))
        language = ui_language(settings)
        install_translator(app, language)
        project = build_demo_project(Path(r"{tmp_path / 'demo.framing'}"), "lea")
        window = MainWindow(project, "lea", settings, language)
        print(json.dumps({{"language": language, "menus": [a.text() for a in window.menuBar().actions()]}}))
    ''')
    env = {k: v for k, v in os.environ.items() if not k.startswith("LC_")}
    env.update(QT_QPA_PLATFORM="offscreen", LANG="fr_FR.UTF-8", LANGUAGE="fr", FRAMING_ANNOTATOR_DATA=str(tmp_path))
    result = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=120,
                            cwd=REPO)
    assert result.returncode == 0, result.stderr
    shown = json.loads(result.stdout.strip().splitlines()[-1])
    assert shown["language"] == "fr"
    assert shown["menus"][0] == "&Fichier"


def test_language_setting_wins_over_the_system(settings):
    from annotator.gui.app import ui_language

    settings.language = "fr"
    assert ui_language(settings) == "fr"
    settings.language = "en"
    assert ui_language(settings) == "en"


def test_install_translator_switches_back_to_english(qapp):
    from PySide6.QtCore import QCoreApplication

    from annotator.gui.translation import install_translator

    assert install_translator(qapp, "fr")
    assert QCoreApplication.translate("Menus", "&File") == "&Fichier"
    assert QCoreApplication.translate("SuggestionPanel", "%n suggestion(s) to review", None, 1) == \
        "1 suggestion à examiner"
    assert QCoreApplication.translate("SuggestionPanel", "%n suggestion(s) to review", None, 3) == \
        "3 suggestions à examiner"
    assert not install_translator(qapp, "en")
    assert QCoreApplication.translate("Menus", "&File") == "&File"
    assert isinstance(QApplication.instance(), QApplication)


def test_a_stale_qm_is_told_apart_from_one_built_by_another_lrelease(tmp_path):
    script = load_update_script()
    stale_ts = tmp_path / "stale.ts"
    stale_ts.write_text(TS.read_text(encoding="utf-8").replace("<translation>&amp;Fichier</translation>",
                                                              "<translation>&amp;Dossier</translation>"),
                        encoding="utf-8")
    stale_qm = tmp_path / "stale.qm"
    script.run_lrelease(stale_ts, stale_qm)
    assert not script.same_translations(stale_qm, QM, TS)
    assert script.same_translations(QM, QM, TS)


def test_every_suggestion_kind_has_an_english_and_a_french_name(qapp):
    from annotator.gui.suggestion_panel import KIND_NAMES, kind_name
    from annotator.gui.translation import install_translator
    from annotator.suggest import KINDS

    assert set(KIND_NAMES) == set(KINDS)
    assert kind_name("cited_name") == "Cited name"
    assert install_translator(qapp, "fr")
    try:
        french = {kind: kind_name(kind) for kind in KINDS}
        assert french["cited_name"] == "Nom cité" and french["scare_quote"] == "Guillemets de distance"
        assert all(french[kind] != KIND_NAMES[kind] or kind == "attribution" for kind in KINDS), french
    finally:
        install_translator(qapp, "en")
