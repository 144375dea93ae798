"""The real main window at 1280x720, in French, with text at 200 %: the status bar's fields, the document
questions, the margin's label names and the document titles all fit and stay readable."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QLabel

from annotator.gui.demo_project import build_demo_project
from annotator.gui.theme import apply_theme

TITLE, STATUS = 0, 3


@pytest.fixture
def french_large_window(qtbot, tmp_path, settings):
    from annotator.gui.main_window import MainWindow
    from annotator.gui.translation import install_translator

    app = QApplication.instance()
    assert install_translator(app, "fr")
    size = app.font().pointSizeF()
    apply_theme(app, False, size * 2)
    project = build_demo_project(tmp_path / "demo.framing", "student")
    window = MainWindow(project, "student", settings, "fr")
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    window.change_font(settings.point_size)  # the article's text at twice its size too
    qtbot.waitUntil(lambda: window.workspace.document is not None)
    qtbot.waitUntil(lambda: bool(window.learning.status.text()), timeout=10000)
    qtbot.wait(50)
    yield window
    window.close()
    apply_theme(app, False, 0.0)
    install_translator(app, "en")


def inside(widget, parent) -> bool:
    """True when `widget` lies wholly inside `parent` (in `parent`'s coordinates)."""
    top_left = widget.mapTo(parent, widget.rect().topLeft())
    return parent.rect().contains(QRect(top_left, widget.size()))


def wholly_shown(widget) -> bool:
    """True when no widget it sits in (a scroll area's viewport, a splitter's pane...) cuts any of it off."""
    parent = widget.parentWidget()
    while parent is not None and not parent.isWindow():
        if not inside(widget, parent):
            return False
        parent = parent.parentWidget()
    return True


def shown_characters(label: QLabel) -> int:
    """How many characters of the label's text are drawn (without the "…" of a shortened text)."""
    return len(shown_text(label).replace("…", ""))


def shown_text(label: QLabel) -> str:
    """The text a status field draws now (a field too narrow for its text shows a shorter one)."""
    return label.shown_text() if hasattr(label, "shown_text") else label.text()


def test_the_status_bar_fields_do_not_run_into_each_other(french_large_window):
    bar = french_large_window.statusBar()
    fields = sorted((w for w in bar.findChildren(QLabel) if w.isVisible() and w.text()), key=lambda w: w.x())
    assert len(fields) == 4  # model, project, annotator, saved
    for left, right in zip(fields, fields[1:]):
        assert left.geometry().right() < right.geometry().left(), (left.text(), right.text())
    for field in fields:
        assert inside(field, bar)
        assert field.width() >= field.fontMetrics().horizontalAdvance(shown_text(field))
        shown = shown_text(field)
        assert shown in (field.text(), field.short_text()) or shown_characters(field) >= 12, shown
    assert "student" in shown_text(french_large_window.annotator_label)  # who is annotating stays whole


def test_the_document_questions_are_not_cut_off(french_large_window):
    panel = french_large_window.workspace.questions_panel
    names = [w for w in panel.findChildren(QLabel) if w.isVisible()]
    assert len(names) == 2  # "Type de source principal", "Ton envers l'acteur principal"
    for name in names:
        box = name.buddy()
        assert wholly_shown(name) and wholly_shown(box)
        assert name.height() >= name.heightForWidth(name.width())  # every wrapped line of the question
        assert box.height() >= box.sizeHint().height()  # the drop-down is not squeezed
        assert box.width() >= 12 * box.fontMetrics().averageCharWidth()


def test_four_nested_label_names_are_readable_beside_one_word(french_large_window, qtbot):
    window = french_large_window
    reader = window.workspace.reader
    text = window.workspace.document.text
    start = text.index("lithium")
    spans = []
    for key in (Qt.Key.Key_M, Qt.Key.Key_S, Qt.Key.Key_L, Qt.Key.Key_N):  # four labels on "lithium"
        reader.select_range(start, start + len("lithium"))
        qtbot.keyClick(reader, key)
        spans.append(window.workspace.selected_span)
    assert len({span.id for span in spans}) == 4
    qtbot.wait(20)
    names = {name.mark_id: name for name in reader.margin_names()}
    assert all(span.id in names for span in spans)  # drawn, not left to the tooltips
    word = reader.segments(start, start + len("lithium"))[0]
    rects = [names[span.id].rect for span in spans]
    assert all(not a.intersects(b) for i, a in enumerate(rects) for b in rects[i + 1:])
    assert all(reader.viewport().rect().contains(r.toAlignedRect()) for r in rects)
    assert all(r.right() < word.left() for r in rects)  # in the margin, not over the text
    for span in spans:
        shown = names[span.id].text
        assert len(shown.replace("…", "").replace(".", "")) >= 7, shown
    image = reader.viewport().grab().toImage()
    for span in spans:  # the swatch in the label's colour, and the name's letters in dark ink
        name = names[span.id]
        swatch = name.swatch.center()
        assert QColor(image.pixel(int(swatch.x()), int(swatch.y()))).name().upper() == \
            window.workspace.labels[span.label_id].color.upper()
        rect = name.rect.toAlignedRect()
        dark = sum(QColor(image.pixel(x, y)).lightness() < 100
                   for x in range(rect.left(), rect.right()) for y in range(rect.top(), rect.bottom()))
        assert dark > 20


def test_document_titles_keep_a_useful_number_of_characters(french_large_window):
    view = french_large_window.document_list.view
    header = view.horizontalHeader()
    characters = view.fontMetrics().averageCharWidth()
    assert not view.isColumnHidden(TITLE) and not view.isColumnHidden(STATUS)
    assert header.sectionSize(TITLE) >= 14 * characters
    left = header.sectionViewportPosition(STATUS)
    assert left >= 0 and left + header.sectionSize(STATUS) <= view.viewport().width()  # no sideways scrolling
    assert header.sectionSize(STATUS) >= view.sizeHintForColumn(STATUS)  # "à faire" whole


def test_a_message_in_the_status_bar_has_room_beside_the_fields(french_large_window, qtbot):
    bar = french_large_window.statusBar()
    message = "Annulé : Guillemets de distance ajouté"
    bar.showMessage(message, 5000)
    qtbot.wait(20)
    fields = [w for w in bar.findChildren(QLabel) if w.isVisible() and w.text()]
    assert min(field.x() for field in fields) >= bar.fontMetrics().horizontalAdvance(message)
    bar.clearMessage()
    qtbot.wait(20)
    model = french_large_window.learning.status
    assert model.width() >= model.fontMetrics().horizontalAdvance(model.short_text())  # room again after


def test_long_label_names_are_abbreviated_word_by_word_keeping_what_tells_them_apart(qapp):
    from PySide6.QtGui import QFont, QFontMetricsF

    from annotator.gui.reader_paint import abbreviated

    metrics = QFontMetricsF(QFont(qapp.font()))
    room = metrics.horizontalAdvance("V. i. connoté")
    neutral = abbreviated("Verbe introducteur neutre", metrics, room)
    loaded = abbreviated("Verbe introducteur connoté", metrics, room)
    assert (neutral, loaded) == ("V. i. neutre", "V. i. connoté")
    assert abbreviated("Atténuateur", metrics, metrics.horizontalAdvance("Atténu.")) == "Atténu."
    assert abbreviated("Hedge", metrics, room) == "Hedge"  # a name that fits stays whole
    for name in ("Discours indirect / attribution", "Guillemets de distance", "Étiquetage / dénomination"):
        for width in (room, room / 2, room / 4):
            assert metrics.horizontalAdvance(abbreviated(name, metrics, width)) <= width


def test_a_names_abbreviation_is_measured_once_not_at_every_paint(qapp):
    """Finding an abbreviation measures the name up to 26 times; the margin is painted at every key press."""
    from PySide6.QtGui import QFont, QFontMetricsF

    from annotator.gui.reader_paint import abbreviated

    font = QFont(qapp.font())
    real = QFontMetricsF(font)

    class Counting:
        calls = 0

        def horizontalAdvance(self, text):  # noqa: N802 - Qt's name
            Counting.calls += 1
            return real.horizontalAdvance(text)

        def elidedText(self, *args):  # noqa: N802 - Qt's name
            return real.elidedText(*args)

    room = real.horizontalAdvance("V. i. connoté")
    first = abbreviated("Verbe introducteur connoté", Counting(), room, font.key())
    measured = Counting.calls
    for _ in range(50):
        assert abbreviated("Verbe introducteur connoté", Counting(), room, font.key()) == first
    assert measured > 1 and Counting.calls == measured
    assert first == abbreviated("Verbe introducteur connoté", real, room)  # the same answer as unremembered
