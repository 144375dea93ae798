"""Starting the desktop app: the QApplication, the project (or the demo), the annotator, the window."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QTimer
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox, QWidget

from annotator.core.errors import AnnotatorError
from annotator.core.paths import login_name, user_data_dir
from annotator.gui.screens import SCREENS, open_screen
from annotator.gui.settings import Settings
from annotator.store import Project

log = logging.getLogger(__name__)
_windows: list[QWidget] = []
# `--language` chooses the interface language for this start only; Preferences choose it for good.
_session_language: str | None = None


def set_session_language(language: str | None) -> None:
    """Use `language` ("fr" or "en") until the app quits, without changing the saved preference."""
    global _session_language
    _session_language = language if language in ("fr", "en") else None


def default_annotator_name() -> str:
    return login_name()


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


def choose_annotator(project: Project, settings: Settings, parent: QWidget | None, ask: bool) -> str | None:
    """Who is annotating: remembered per project on this machine, else asked (or the login name)."""
    remembered = settings.annotator_for(project.project_id)
    if remembered and not ask:
        return remembered
    names = [a.name for a in project.team.annotators()]
    default = remembered or default_annotator_name()
    if not ask:
        name = default
    else:
        if default not in names:
            names.insert(0, default)
        name, ok = QInputDialog.getItem(
            parent, QCoreApplication.translate("App", "Who is annotating?"),
            QCoreApplication.translate("App", "Your name (your work is recorded under it):"),
            names, names.index(default), True,
        )
        if not ok or not name.strip():
            return None
        name = name.strip()
    project.team.add(name)
    settings.set_annotator_for(project.project_id, name)
    return name


def open_window(path: Path | None, settings: Settings, parent_window: QWidget | None = None,
                annotator: str | None = None, ask: bool = True):
    """Open the project at `path` (the demo when None) in a new main window; None if refused."""
    from annotator.gui.main_window import MainWindow
    from annotator.gui.demo_project import open_demo_project

    try:
        if path is None:
            name = annotator or settings.annotator_for("demo") or default_annotator_name()
            project = open_demo_project(name)
            ask = False
        else:
            # The rotating backup is made in the background once the window is up (see below).
            project = Project.open(path, backup=False)
    except AnnotatorError as exc:
        QMessageBox.critical(parent_window, QCoreApplication.translate("App", "Cannot open project"), str(exc))
        return None
    if annotator:
        project.team.add(annotator)
        settings.set_annotator_for(project.project_id, annotator)
    else:
        annotator = choose_annotator(project, settings, parent_window, ask=ask and not settings.annotator_for(project.project_id))
        if annotator is None:
            project.close()
            return None
    if path is not None:
        settings.add_recent_project(str(Path(path).resolve()))
    window = MainWindow(project, annotator, settings, ui_language(settings))
    window.show()
    if path is not None:
        start_background_backup(window, Path(path))
    _windows.append(window)
    window.closed.connect(lambda: _forget(window))
    return window


def _forget(window: QWidget) -> None:
    """A closed window leaves the list of open windows (its project is closed already)."""
    if window in _windows:
        _windows.remove(window)
    window.deleteLater()


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
            message = str(exc)
        else:
            message = QCoreApplication.translate(
                "App", "Something went wrong: %s\n\nYour project file is intact; the last action may not "
                "have been saved.") % (str(exc) or exc_type.__name__)
        if QApplication.instance() is not None:
            QMessageBox.critical(None, QCoreApplication.translate("App", "Error"), message)

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
    args = parser.parse_args(argv)
    configure_logging()
    return run_app(args.project, args.screenshot, args.annotator, args.language, demo=args.demo, show=args.show)


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


def run_app(project: Path | None = None, screenshot: Path | None = None, annotator: str | None = None,
            language: str | None = None, demo: bool = False, show: str | None = None) -> int:
    app = application()
    settings = Settings()
    project = project_to_open(project, settings, demo=demo or screenshot is not None)
    set_session_language(language)  # this start only: the saved preference stays as it is
    from annotator.gui.translation import install_translator

    install_translator(app, ui_language(settings))
    from annotator.gui.theme import apply_theme

    apply_theme(app, settings.high_contrast, settings.ui_point_size)
    install_excepthook()
    window = open_window(project, settings, annotator=annotator, ask=screenshot is None)
    if window is None:
        return 1
    if screenshot is not None:
        window.resize(1440, 900)

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
