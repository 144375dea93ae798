"""What a project without articles shows in place of the reader: how to bring articles in."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget


class EmptyProjectPrompt(QWidget):
    """A short explanation (File > Import, Ctrl+I, or drop files here) and an import button."""

    import_requested = Signal()
    folder_requested = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("emptyProjectPrompt")
        self.message = QLabel(self.tr(
            "<h2>This project has no articles yet</h2>"
            "<p>Import web pages, text, XML or CSV/JSON Lines corpora with <b>File &gt; Import articles…</b> "
            "(<b>Ctrl+I</b>), a whole folder with <b>File &gt; Import a folder…</b>, or drop files or folders here.</p>"
            "<p>Once an article is open, select words and press a label's key to annotate them.</p>"), self)
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setTextFormat(Qt.TextFormat.RichText)
        self.button = QPushButton(self.tr("Import articles…"), self)
        self.button.setAccessibleName(self.tr("Import articles"))
        self.button.clicked.connect(self.import_requested)
        self.folder_button = QPushButton(self.tr("Import a folder…"), self)
        self.folder_button.clicked.connect(self.folder_requested)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 40, 40, 40)
        layout.addStretch(1)
        layout.addWidget(self.message)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.button)
        buttons.addWidget(self.folder_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addStretch(2)
        self.setStyleSheet("#emptyProjectPrompt { background: #FFFFFF; border: 2px dashed #B0B0B0; }")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)

    def text(self) -> str:
        """The explanation shown, as plain text."""
        from PySide6.QtGui import QTextDocument

        document = QTextDocument()
        document.setHtml(self.message.text())
        return document.toPlainText()
