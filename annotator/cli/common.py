"""Shared pieces of the CLI: the project argument, opening a project, turning errors into one line."""

from __future__ import annotations

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


def reports_errors(func: Callable) -> Callable:
    """Turn our own errors into one clear line on stderr and exit code 1, never a traceback."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except AnnotatorError as exc:
            raise click.ClickException(str(exc)) from None
        except OSError as exc:
            raise click.ClickException(f"{exc.filename or ''}: {exc.strerror or exc}") from None

    return wrapper


def open_project(path: Path, read_only: bool = False) -> Project:
    """Open PROJECT for a command (errors become one line).

    A command that changes the project first gets the automatic rotating backup; a command that
    only reads it (`read_only`) does not pay for one.
    """
    return Project.open(path, backup=not read_only)


def open_as(path: Path, acting_as: str | None, read_only: bool = True) -> Project:
    """Open PROJECT for the person running the command: `--as NAME`, else the name remembered for this
    project on this machine (services.identity); every reading path then shows what they may see."""
    from annotator.services.identity import remembered

    project = open_project(path, read_only=read_only)
    try:
        name = (acting_as or "").strip() or remembered(project.project_id)
        if acting_as and name not in project.team.coders():
            project.team.get(name)  # an unknown name is a typo: refuse it, naming the project's annotators
        project.team.identify(name)
    except BaseException:
        project.close()
        raise
    return project
