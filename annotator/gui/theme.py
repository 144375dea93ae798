"""The look of the app: the normal theme or a high-contrast one, and the interface font size."""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication, QWidget

# Black on white: label colours (chosen for a white page) keep their meaning, text reaches WCAG AAA (7:1).
HIGH_CONTRAST = {
    "window": "#FFFFFF", "text": "#000000", "base": "#FFFFFF", "alternate": "#EDEDED",
    "highlight": "#00008B", "highlighted_text": "#FFFFFF", "disabled_text": "#4D4D4D", "link": "#00008B",
    "tooltip": "#FFFFE0", "focus": "#00008B",
}

HIGH_CONTRAST_STYLE = """
QLineEdit:focus, QComboBox:focus, QAbstractItemView:focus, QPlainTextEdit:focus, QSpinBox:focus,
QDoubleSpinBox:focus { border: 3px solid %(focus)s; }
QPushButton { border: 2px solid #000000; border-radius: 3px; padding: 4px 12px; background: #FFFFFF; }
QPushButton:focus, QCheckBox:focus, QRadioButton:focus { border: 3px solid %(focus)s; }
QPushButton:disabled { border-color: %(disabled_text)s; }
QHeaderView::section { color: #000000; background: #E0E0E0; border: 1px solid #000000; padding: 2px 4px; }
QToolTip { color: #000000; background: %(tooltip)s; border: 1px solid #000000; }
QMenu::item:selected, QMenuBar::item:selected { color: #FFFFFF; background: %(highlight)s; }
""" % HIGH_CONTRAST

READER_STYLE = {
    False: "QTextEdit { background: #FFFFFF; color: #1A1A1A; }",
    True: "QTextEdit { background: #FFFFFF; color: #000000; border: 3px solid transparent; }"
          "QTextEdit:focus { border: 3px solid %s; }" % HIGH_CONTRAST["focus"],
}

_default_font: QFont | None = None
_high_contrast_on = False


def high_contrast_palette() -> QPalette:
    """A palette of black text on white with a dark blue selection."""
    c = {key: QColor(value) for key, value in HIGH_CONTRAST.items()}
    palette = QPalette()
    roles = QPalette.ColorRole
    for role, colour in ((roles.Window, c["window"]), (roles.WindowText, c["text"]), (roles.Base, c["base"]),
                         (roles.AlternateBase, c["alternate"]), (roles.Text, c["text"]),
                         (roles.Button, c["window"]), (roles.ButtonText, c["text"]),
                         (roles.BrightText, c["text"]), (roles.Highlight, c["highlight"]),
                         (roles.HighlightedText, c["highlighted_text"]), (roles.Link, c["link"]),
                         (roles.ToolTipBase, c["tooltip"]), (roles.ToolTipText, c["text"]),
                         (roles.PlaceholderText, c["disabled_text"])):
        palette.setColor(QPalette.ColorGroup.All, role, colour)
    for role in (roles.WindowText, roles.Text, roles.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, c["disabled_text"])
    return palette


def apply_theme(app: QApplication, high_contrast: bool, ui_point_size: float = 0.0) -> None:
    """Set the whole app's palette, style sheet and font (0 keeps the system's font size)."""
    global _default_font, _high_contrast_on
    if _default_font is None:
        _default_font = QFont(app.font())
    if high_contrast:
        app.setPalette(high_contrast_palette())
        app.setStyleSheet(HIGH_CONTRAST_STYLE)
    elif _high_contrast_on:
        app.setPalette(QPalette())  # an empty palette gives the platform's back
        app.setStyleSheet("")
    _high_contrast_on = high_contrast
    font = QFont(_default_font)
    if ui_point_size > 0:
        font.setPointSizeF(ui_point_size)
    app.setFont(font)


def style_window(window: QWidget, high_contrast: bool) -> None:
    """The main window's own styled parts (reader page, document details line) for the chosen theme."""
    window.workspace.reader.setStyleSheet(READER_STYLE[high_contrast])
    grey = "#000000" if high_contrast else "#555555"
    window.meta_label.setStyleSheet(f"color: {grey}; padding: 6px 28px 0 28px;")


def contrast_ratio(foreground: str, background: str) -> float:
    """WCAG 2 contrast ratio of two colours (1 to 21)."""

    def luminance(colour: str) -> float:
        q = QColor(colour)
        channels = []
        for value in (q.redF(), q.greenF(), q.blueF()):
            channels.append(value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4)
        r, g, b = channels
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    light, dark = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (light + 0.05) / (dark + 0.05)
