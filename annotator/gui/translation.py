"""Loading the interface translation (resources/translations/*.qm) for the chosen language."""

from __future__ import annotations

from PySide6.QtCore import QLibraryInfo, QTranslator
from PySide6.QtWidgets import QApplication

from annotator.core.paths import resources_dir

_installed: list[QTranslator] = []


def install_translator(app: QApplication, language: str) -> bool:
    """Install our French translation (and Qt's own) when `language` is "fr", and the matching locale for
    numbers; True if ours loaded."""
    from annotator.gui.numbers import set_language

    set_language(language)
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    if language != "fr":
        return False
    qt_translator = QTranslator(app)
    if qt_translator.load("qtbase_fr", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_translator)
        _installed.append(qt_translator)
    ours = QTranslator(app)
    loaded = ours.load(str(resources_dir() / "translations" / "framing_annotator_fr.qm"))
    if loaded:
        app.installTranslator(ours)
        _installed.append(ours)
    return loaded
