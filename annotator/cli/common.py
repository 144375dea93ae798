"""Shared pieces of the CLI: the project argument, opening a project, turning errors into one line."""

from __future__ import annotations

import errno
import functools
from pathlib import Path
from typing import Any, Callable

import click

from annotator.core.errors import AnnotatorError
from annotator.core.paths import login_name
from annotator.store import Project


def project_argument(func: Callable) -> Callable:
    """The PROJECT argument every project command takes."""
    return click.argument("project", type=click.Path(dir_okay=False, path_type=Path))(func)


def default_annotator() -> str:
    """The annotator name used when --annotator is not given: the login name."""
    return login_name()


def os_error_text(exc: OSError) -> str:
    """An operating-system error in one line, naming the file only when there is one (never ": ...")."""
    reason = exc.strerror or str(exc) or type(exc).__name__
    if exc.errno == errno.ENOSPC:
        reason = "the disk is full (no space left on device); free some space and try again"
    return f"{exc.filename}: {reason}" if exc.filename else reason


def reports_errors(func: Callable) -> Callable:
    """Turn our own errors into one clear line on stderr and exit code 1, never a traceback."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except AnnotatorError as exc:
            raise click.ClickException(str(exc)) from None
        except OSError as exc:
            raise click.ClickException(os_error_text(exc)) from None

    return wrapper


def open_project(path: Path, read_only: bool = False) -> Project:
    """Open PROJECT for a command (errors become one line).

    A command that changes the project first gets the automatic rotating backup; a command that
    only reads it (`read_only`) does not pay for one.
    """
    return Project.open(path, backup=not read_only)
