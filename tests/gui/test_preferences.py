"""Edit > Preferences: language (next start), text sizes, high contrast and snapping, kept in the settings."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QDialog

from annotator.gui.settings_dialog import SettingsDialog, edit_preferences
from annotator.gui.theme import HIGH_CONTRAST, apply_theme, contrast_ratio, high_contrast_palette


@pytest.fixture
def restore_theme(qapp):
    font = qapp.font()
    yield
    apply_theme(qapp, False)
    qapp.setFont(font)


def test_dialog_shows_the_current_settings(qtbot, settings):
    settings.language, settings.point_size, settings.high_contrast, settings.snap_to_words = "fr", 15.0, True, False
    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    assert dialog.language_combo.currentData() == "fr"
    assert dialog.text_size.value() == 15.0
    assert dialog.high_contrast.isChecked() and not dialog.snap.isChecked()
    assert dialog.ui_size.value() == 0.0 and dialog.ui_size.text() == "System size"


def test_saved_preferences_apply_at_once_but_the_language(window, settings, monkeypatch, restore_theme, qapp):
    def choose(dialog: SettingsDialog) -> int:
        dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("fr"))
        dialog.text_size.setValue(18)
        dialog.ui_size.setValue(14)
        dialog.high_contrast.setChecked(True)
        dialog.snap.setChecked(False)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(SettingsDialog, "exec", choose)
    assert edit_preferences(window)
    assert (settings.language, settings.point_size, settings.ui_point_size) == ("fr", 18.0, 14.0)
    assert settings.high_contrast and not settings.snap_to_words
    assert window.workspace.reader.font().pointSizeF() == 18.0
    assert qapp.font().pointSizeF() == 14.0
    assert not window.workspace.snap_to_words and not window.actions["snap"].isChecked()
    assert qapp.palette().color(QPalette.ColorRole.WindowText).name() == "#000000"
    assert "#000000" in window.workspace.reader.styleSheet()
    assert window.menuBar().actions()[0].text() == "&File"  # French only from the next start


def test_cancel_changes_nothing(window, settings, monkeypatch):
    monkeypatch.setattr(SettingsDialog, "exec", lambda dialog: QDialog.DialogCode.Rejected)
    before = (settings.language, settings.point_size, settings.high_contrast)
    assert not edit_preferences(window)
    assert (settings.language, settings.point_size, settings.high_contrast) == before


def test_follow_the_system_is_stored_as_no_choice(qtbot, settings):
    settings.language = "en"
    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    dialog.language_combo.setCurrentIndex(0)
    dialog.save()
    assert settings.language == ""


def test_high_contrast_palette_reaches_wcag_aaa():
    palette = high_contrast_palette()
    roles = QPalette.ColorRole
    for fg, bg in ((roles.WindowText, roles.Window), (roles.Text, roles.Base), (roles.ButtonText, roles.Button),
                   (roles.HighlightedText, roles.Highlight), (roles.ToolTipText, roles.ToolTipBase),
                   (roles.Text, roles.AlternateBase)):
        assert contrast_ratio(palette.color(fg).name(), palette.color(bg).name()) >= 7.0, (fg, bg)
    disabled = palette.color(QPalette.ColorGroup.Disabled, roles.Text).name()
    assert contrast_ratio(disabled, HIGH_CONTRAST["base"]) >= 4.5


def test_contrast_ratio_of_known_pairs():
    assert contrast_ratio("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert contrast_ratio("#777777", "#FFFFFF") == pytest.approx(4.48, abs=0.01)
    assert contrast_ratio("#FFFFFF", "#FFFFFF") == pytest.approx(1.0)


def test_turning_high_contrast_off_gives_the_normal_look_back(qapp, restore_theme):
    normal = qapp.palette().color(QPalette.ColorRole.Highlight).name()
    apply_theme(qapp, True)
    assert qapp.palette().color(QPalette.ColorRole.Highlight).name() == HIGH_CONTRAST["highlight"].lower()
    assert qapp.styleSheet()
    apply_theme(qapp, False)
    assert qapp.palette().color(QPalette.ColorRole.Highlight).name() == normal
    assert qapp.styleSheet() == ""


def test_language_given_at_start_applies_to_that_start_only(settings, monkeypatch):
    from annotator.gui import app

    settings.language = "en"
    monkeypatch.setattr(app, "Settings", lambda: settings)
    monkeypatch.setattr(app, "open_window", lambda *a, **k: None)  # stop before the event loop
    try:
        assert app.run_app(language="fr") == 1
        assert app.ui_language(settings) == "fr"  # this start speaks French...
        assert settings.language == "en"  # ...and the saved preference is untouched
    finally:
        app.set_session_language(None)
        from annotator.gui.translation import install_translator

        install_translator(app.application(), "en")
    assert app.ui_language(settings) == "en"
