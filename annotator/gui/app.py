"""Starting the desktop app: the QApplication, the project (or the demo), the annotator, the window."""

from __future__ import annotations

import argparse
import logging
import sqlite3
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QTimer
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox, QWidget

from annotator.core.errors import AnnotatorError, DamagedProject
from annotator.core.model import GOLD_ANNOTATOR
from annotator.core.paths import user_data_dir
from annotator.gui.plain_text import message
from annotator.gui.reasons import error_message, message_text
from annotator.gui.screens import SCREENS, open_screen
from annotator.gui.settings import Settings
from annotator.services import identity
from annotator.store import Project

log = logging.getLogger(__name__)
_windows: list[QWidget] = []
# The name a window works under when nobody can be asked (a screenshot) and none was given: never
# remembered, never added to the project.
UNNAMED_VIEWER = "viewer"
# `--language` chooses the interface language for this start only; Preferences choose it for good.
_session_language: str | None = None


def set_session_language(language: str | None) -> None:
    """Use `language` ("fr" or "en") until the app quits, without changing the saved preference."""
    global _session_language
    _session_language = language if language in ("fr", "en") else None



def application(argv: list[str] | None = None) -> QApplication:
    """The running QApplication, created once with the names QSettings uses."""
    app = QApplication.instance()
    if app is None:
        app = QApplication(argv or [sys.argv[0]])
    QCoreApplication.setOrganizationName("FramingAnnotator")
    QCoreApplication.setApplicationName("Framing Annotator")
    return app


def ui_language(settings: Settings) -> str:
    """'fr' or 'en': the language given for this start (--language), else the setting if made, else the
    system locale."""
    if _session_language:
        return _session_language
    chosen = settings.language
    if chosen in ("fr", "en"):
        return chosen
    return "fr" if QLocale.system().name().startswith("fr") else "en"


def remembered_annotator(settings: Settings, project_id: str) -> str | None:
    """The name remembered for this project on this machine (services.identity). A name the app
    kept in its own settings before is read once, moved there, and forgotten by the settings."""
    name = identity.remembered(project_id)
    if name:
        return name
    legacy = settings.annotator_for(project_id)
    if legacy:
        settings.forget_annotator_for(project_id)
        if not identity.name_problem(legacy):
            identity.remember(project_id, legacy)
            return legacy.strip()
    return None


def ask_annotator(names: list[str], parent: QWidget | None) -> str | None:
    """Ask who is annotating (the project's annotators offered, none chosen for them); None if cancelled."""
    names = [n for n in names if n != GOLD_ANNOTATOR]
    while True:
        name, ok = QInputDialog.getItem(
            parent, QCoreApplication.translate("App", "Who is annotating?"),
            QCoreApplication.translate("App", "Your name (your work is recorded under it; it is remembered for "
                                              "this project on this computer):"),
            names, -1, True,
        )
        if not ok:
            return None
        problem = identity.name_problem(name)
        if not problem:
            return name.strip()
        message(parent, QMessageBox.Icon.Warning, QCoreApplication.translate("App", "Who is annotating?"),
                message_text(problem))


def choose_annotator(project: Project, settings: Settings, parent: QWidget | None, ask: bool) -> str | None:
    """Who is annotating: the name remembered for this project on this machine, else asked (never the
    computer's login name). Without `ask` (a screenshot) and nothing remembered, the project's first
    annotator, else a viewer's name, neither added nor remembered. None when the person cancels."""
    remembered = remembered_annotator(settings, project.project_id)
    if remembered:
        name = remembered
    elif not ask:
        # A screenshot shows the project as its first annotator sees it (neither added nor remembered).
        coders = project.team.coders()
        return coders[0] if coders else UNNAMED_VIEWER
    else:
        name = ask_annotator([a.name for a in project.team.annotators()], parent)
        if name is None:
            return None
    if not project.read_only:
        project.team.add(name)
    identity.remember(project.project_id, name)
    return name


def _demo_annotator(annotator: str | None, ask: bool, parent: QWidget | None) -> str | None:
    """The name the demo is built for on its first opening (its example spans are theirs)."""
    from annotator.gui.demo_project import DEMO_FILE_NAME

    if annotator or (user_data_dir() / DEMO_FILE_NAME).exists():
        return annotator or ""
    return ask_annotator([], parent) if ask else UNNAMED_VIEWER


def open_window(path: Path | None, settings: Settings, parent_window: QWidget | None = None,
                annotator: str | None = None, ask: bool = True):
    """Open the project at `path` (the demo when None) in a new main window; None if refused."""
    from annotator.gui.main_window import MainWindow
    from annotator.gui.demo_project import open_demo_project

    from annotator.gui.file_care import install_file_care, offer_restore, restore_refused_project, show_plain

    try:
        if path is None:
            demo_name = _demo_annotator(annotator, ask, parent_window)
            if demo_name is None:
                return None
            project = open_demo_project(demo_name)
            if ask and demo_name and not annotator:
                annotator = demo_name  # asked just now to build the demo for them: not asked a second time
        else:
            # The rotating backup is made in the background once the window is up (see below).
            project = Project.open(path, backup=False)
    except DamagedProject as exc:
        project = restore_refused_project(exc, parent_window)
        if project is None:
            return None
    except AnnotatorError as exc:
        show_plain(parent_window, QMessageBox.Icon.Critical, QCoreApplication.translate("App", "Cannot open project"),
                   error_message(exc))
        return None
    if project.read_only and path is not None:
        project = offer_restore(project, parent_window)
        if project is None:
            return None
    try:
        if annotator:
            annotator = identity.checked_name(annotator)
            if not project.read_only:
                project.team.add(annotator)
            identity.remember(project.project_id, annotator)
        else:
            annotator = choose_annotator(project, settings, parent_window, ask=ask)
    except AnnotatorError as exc:
        show_plain(parent_window, QMessageBox.Icon.Critical, QCoreApplication.translate("App", "Cannot open project"),
                   error_message(exc))
        annotator = None
    if annotator is None:
        project.close()
        return None
    if path is not None:
        settings.add_recent_project(str(Path(path).resolve()))
    try:
        window = MainWindow(project, annotator, settings, ui_language(settings))
    except sqlite3.DatabaseError as exc:  # read-only and too damaged to show even the list of documents
        project.close()
        show_plain(parent_window, QMessageBox.Icon.Critical, QCoreApplication.translate("App", "Cannot open project"),
                   QCoreApplication.translate(
                       "App", "%1 is too damaged to show (%2). Open it again and choose Restore a backup….").replace("%1", str(path)).replace("%2", str(exc)))
        return None
    window.show()
    install_file_care(window)
    if path is not None and not project.read_only:
        start_background_backup(window, Path(path))
    _windows.append(window)
    window.closed.connect(lambda: _forget(window))
    return window


def _forget(window: QWidget) -> None:
    """A closed window leaves the list of open windows (its project is closed already); Qt frees it once
    nothing refers to it any more."""
    if window in _windows:
        _windows.remove(window)


def open_windows() -> list[QWidget]:
    """The main windows open now."""
    return list(_windows)


def start_background_backup(window, path: Path):
    """Make the automatic rotating backup off the GUI thread, so a large project opens at once."""
    from annotator.store.backup import backup_if_due

    return window.tasks.start("backup", lambda progress, cancelled: backup_if_due(path), lambda result, error: None)


def install_excepthook() -> None:
    """An unexpected error is logged and shown in a dialog, never silently lost."""

    def hook(exc_type, exc, tb):
        log.error("unexpected error", exc_info=(exc_type, exc, tb))
        if isinstance(exc, AnnotatorError):
            message = error_message(exc)
        elif isinstance(exc, sqlite3.DatabaseError):
            message = QCoreApplication.translate(
                "App", "The project file is damaged (%s). Choose File > Restore a backup… to bring your work "
                "back as it was when a backup was made.") % exc
        else:
            message = QCoreApplication.translate(
                "App", "Something went wrong: %s\n\nYour project file is intact; the last action may not "
                "have been saved.") % (str(exc) or exc_type.__name__)
        if QApplication.instance() is not None:
            from annotator.gui.file_care import show_plain

            show_plain(None, QMessageBox.Icon.Critical, QCoreApplication.translate("App", "Error"), message)

    sys.excepthook = hook


def main(argv: list[str]) -> int:
    """Entry point of `python main.py [PROJECT] [--screenshot FILE.png] [--annotator NAME]`."""
    parser = argparse.ArgumentParser(prog="main.py", description="Framing Annotator desktop app.")
    parser.add_argument("project", nargs="?", type=Path,
                        help="project file to open (default: the last project, or the demo on first run)")
    parser.add_argument("--demo", action="store_true", help="open the demo project")
    parser.add_argument("--screenshot", type=Path, help="render the main window to this PNG file and exit")
    parser.add_argument("--annotator", help="annotate under this name (skips the question)")
    parser.add_argument("--language", choices=("en", "fr"), help="language of the interface")
    parser.add_argument("--show", choices=sorted(SCREENS),
                        help="with --screenshot: open this dialog and render it instead of the main window")
    parser.add_argument("--size", type=_size, default=(1440, 900), metavar="WIDTHxHEIGHT",
                        help="with --screenshot: the window's size (default 1440x900)")
    parser.add_argument("--text-scale", type=float, default=1.0, metavar="FACTOR",
                        help="with --screenshot: interface and article text this many times larger (2 = 200 %%)")
    parser.add_argument("--find", metavar="TEXT", help="with --screenshot: open the find bar and find TEXT")
    args = parser.parse_args(argv)
    configure_logging()
    return run_app(args.project, args.screenshot, args.annotator, args.language, demo=args.demo, show=args.show,
                   shot=ScreenshotOptions(args.size, args.text_scale, args.find))


def configure_logging() -> Path | None:
    """Log to stderr and to a file in the user's data folder, so an unexpected error is never lost."""
    handlers: list[logging.Handler] = [logging.StreamHandler()]
    log_file = None
    try:
        folder = user_data_dir()
        folder.mkdir(parents=True, exist_ok=True)
        log_file = folder / "framing-annotator.log"
        handlers.append(logging.FileHandler(log_file, encoding="utf-8"))
    except OSError:
        log_file = None
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s",
                        handlers=handlers)
    return log_file


def project_to_open(project: Path | None, settings: Settings, demo: bool = False) -> Path | None:
    """The project given, else the last one opened (if it still exists), else None for the demo."""
    if project is not None or demo:
        return project
    last = Path(settings.last_project) if settings.last_project else None
    return last if last is not None and last.is_file() else None


def _size(text: str) -> tuple[int, int]:
    try:
        width, height = (int(part) for part in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a size such as 1280x720") from None
    return width, height


@dataclass(frozen=True)
class ScreenshotOptions:
    """How the screenshot mode shows the window: its size, text scale and an optional search."""

    size: tuple[int, int] = (1440, 900)
    text_scale: float = 1.0
    find: str | None = None


def run_app(project: Path | None = None, screenshot: Path | None = None, annotator: str | None = None,
            language: str | None = None, demo: bool = False, show: str | None = None,
            shot: ScreenshotOptions = ScreenshotOptions()) -> int:
    from annotator.gui.platform_check import missing_library_message

    missing = missing_library_message()
    if missing:
        print(missing, file=sys.stderr)
        return 1
    app = application()
    settings = Settings()
    if screenshot is not None:  # a picture changes nothing of the person's settings
        scratch = tempfile.TemporaryDirectory(prefix="framing-screenshot-")
        settings = settings.scratch_copy(scratch.name)
    project = project_to_open(project, settings, demo=demo or screenshot is not None)
    set_session_language(language)  # this start only: the saved preference stays as it is
    from annotator.gui.translation import install_translator

    install_translator(app, ui_language(settings))
    from annotator.gui.theme import apply_theme

    ui_point_size = settings.ui_point_size
    scale = shot.text_scale if screenshot is not None else 1.0
    if scale != 1.0:  # for this screenshot only: nothing is saved in the settings
        ui_point_size = (ui_point_size or app.font().pointSizeF()) * scale
    apply_theme(app, settings.high_contrast, ui_point_size)
    install_excepthook()
    window = open_window(project, settings, annotator=annotator, ask=screenshot is None)
    if window is None:
        return 1
    if screenshot is not None:
        window.resize(*shot.size)
        if scale != 1.0:
            window.workspace.reader.set_point_size(settings.point_size * scale)
        if shot.find:
            def find() -> None:  # once the first article is open
                window.show_find()
                window.find_bar.query_edit.setText(shot.find)
                window.find_in_document(shot.find, 1)

            QTimer.singleShot(150, find)

        shown = open_screen(window, show) if show else None
        waited = [0]

        def shoot() -> None:
            from annotator.gui.screens import ready

            if not ready(shown) and waited[0] < 120:  # a report computing in the background: up to a minute
                waited[0] += 1
                QTimer.singleShot(500, shoot)
                return
            (shown or window).grab().save(str(screenshot))
            if shown is not None:
                shown.close()
            print(f"screenshot written to {screenshot}")
            window.close()
            app.quit()

        QTimer.singleShot(400, shoot)
    return app.exec()
