"""Edit > Preferences: interface language, text sizes, high contrast, snapping to words."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QApplication, QCheckBox, QComboBox, QDialog, QDialogButtonBox, QDoubleSpinBox, QFormLayout, QLabel, QWidget,
)

from annotator.gui.settings import Settings
from annotator.gui.theme import apply_theme, style_window

LANGUAGES = ("", "en", "fr")  # "" follows the system


class SettingsDialog(QDialog):
    """The user's preferences; `save` writes them to Settings."""

    def __init__(self, settings: Settings, parent: QWidget | None = None):
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(self.tr("Preferences"))
        layout = QFormLayout(self)

        self.language_combo = QComboBox(self)
        # Language names are written in their own language, so anyone can find theirs.
        for code, name in zip(LANGUAGES, (self.tr("Follow the system"), self.tr("English"), self.tr("Français"))):
            self.language_combo.addItem(name, code)
        current = settings.language if settings.language in LANGUAGES else ""
        self.language_combo.setCurrentIndex(LANGUAGES.index(current))
        self.language_combo.setAccessibleName(self.tr("Interface language"))
        language_note = QLabel(self.tr("The new language takes effect the next time the app starts."), self)
        language_note.setWordWrap(True)

        self.text_size = QDoubleSpinBox(self)
        self.text_size.setRange(8.0, 32.0)
        self.text_size.setDecimals(0)
        self.text_size.setSuffix(self.tr(" pt"))
        self.text_size.setValue(settings.point_size)
        self.text_size.setAccessibleName(self.tr("Article text size"))

        self.ui_size = QDoubleSpinBox(self)
        self.ui_size.setRange(0.0, 24.0)
        self.ui_size.setDecimals(0)
        self.ui_size.setSuffix(self.tr(" pt"))
        self.ui_size.setSpecialValueText(self.tr("System size"))
        self.ui_size.setValue(settings.ui_point_size)
        self.ui_size.setAccessibleName(self.tr("Interface text size"))

        self.high_contrast = QCheckBox(self.tr("High contrast (black on white, strong focus frames)"), self)
        self.high_contrast.setChecked(settings.high_contrast)
        self.snap = QCheckBox(self.tr("Snap selections to whole words"), self)
        self.snap.setChecked(settings.snap_to_words)

        layout.addRow(self.tr("Interface language:"), self.language_combo)
        layout.addRow("", language_note)
        layout.addRow(self.tr("Article text size:"), self.text_size)
        layout.addRow(self.tr("Interface text size:"), self.ui_size)
        layout.addRow("", self.high_contrast)
        layout.addRow("", self.snap)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addRow(buttons)

    def save(self) -> None:
        """Write the chosen values to the settings."""
        self.settings.language = self.language_combo.currentData()
        self.settings.point_size = self.text_size.value()
        self.settings.ui_point_size = self.ui_size.value()
        self.settings.high_contrast = self.high_contrast.isChecked()
        self.settings.snap_to_words = self.snap.isChecked()


def apply_settings(window) -> None:
    """Show a MainWindow with its settings: theme, interface font, article text size, snapping."""
    settings = window.settings
    app = QApplication.instance()
    if app is not None:
        apply_theme(app, settings.high_contrast, settings.ui_point_size)
    style_window(window, settings.high_contrast)
    window.workspace.reader.set_point_size(settings.point_size)
    snap = window.actions.get("snap")
    if snap is not None and snap.isChecked() != settings.snap_to_words:
        snap.setChecked(settings.snap_to_words)  # its toggled signal calls window.set_snapping
    window.set_snapping(settings.snap_to_words)


def edit_preferences(window) -> bool:
    """Edit > Preferences…: True when the user saved new preferences (applied at once but the language)."""
    dialog = SettingsDialog(window.settings, window)
    if not dialog.exec():
        return False
    dialog.save()
    apply_settings(window)
    return True
