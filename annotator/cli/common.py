"""Shared pieces of the CLI: the project argument, opening a project, turning errors into one line."""

from __future__ import annotations

import errno
import functools
import sqlite3
from pathlib import Path
from typing import Any, Callable

import click

from annotator.core.errors import AnnotatorError, NotPermitted
from annotator.services import identity
from annotator.store import Project


def project_argument(func: Callable) -> Callable:
    """The PROJECT argument every project command takes."""
    return click.argument("project", type=click.Path(dir_okay=False, path_type=Path))(func)


def recording_name(project: Project, given: str | None) -> str:
    """Whose name new work is recorded under: --annotator NAME, else the name remembered for this
    project on this machine; else a one-line refusal saying how to give one (never the login name)."""
    if given:
        return identity.checked_name(given)
    remembered = identity.remembered(project.project_id)
    if remembered:
        return remembered
    raise click.ClickException(
        "whose work is this? Give the annotator's name with --annotator NAME (or -a NAME); "
        "the name you give in the app is remembered for this project and used when you leave it out"
    )


def remembered_name(project: Project, given: str | None) -> str | None:
    """--annotator NAME if given, else the name remembered for this project, else None."""
    return identity.checked_name(given) if given else identity.remembered(project.project_id)


def os_error_text(exc: OSError) -> str:
    """An operating-system error in one line, naming the file or files only when there are some (never ": ...")."""
    reason = exc.strerror or str(exc) or type(exc).__name__
    if exc.errno == errno.ENOSPC:
        reason = "the disk is full (no space left on device); free some space and try again"
    names = [str(name) for name in (exc.filename, exc.filename2) if name not in (None, "")]
    return f"{' -> '.join(names)}: {reason}" if names else reason


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
        except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:  # a read that met a damaged page
            raise click.ClickException(
                f"the project file is damaged ({exc}); what could be read was shown. Restore the last good "
                "backup: `annotator backups PROJECT` lists them, `annotator restore PROJECT 1` brings one back"
            ) from None
        except RecursionError:
            raise click.ClickException("the input is nested too deeply to be read") from None

    return wrapper


def open_project(path: Path, read_only: bool = False) -> Project:
    """Open PROJECT for a command (errors become one line).

    A command that changes the project first gets the automatic rotating backup; a command that
    only reads it (`read_only`) does not pay for one. A project that can only be read (damaged, or
    a read-only file or folder) is refused at once to a command that changes it, and a command that
    reads it prints why it is read-only first.
    """
    project = Project.open(path, backup=not read_only)
    if project.read_only:
        if not read_only:
            message = project.state.refusal(project.path)
            project.close()
            raise click.ClickException(message)
        click.echo(f"Warning: {project.open_notice()}", err=True)
    return project


def require_lead(project: Project, task: str) -> str:
    """The person running the command (see `open_as`), who must be the project's lead (anyone, in a project
    without a lead) to do `task` ("builds the gold standard"); NotPermitted otherwise, naming the lead."""
    name = project.team.viewer
    if name is None or not project.team.may_adjudicate(name):
        leads = ", ".join(project.team.leads())
        raise NotPermitted(f"only the project lead ({leads}) {task}; run this with --as the lead's name" if leads
                           else "say who you are with --as NAME")
    return name


def open_as(path: Path, acting_as: str | None, read_only: bool = True) -> Project:
    """Open PROJECT for the person running the command: `--as NAME`, else the name remembered for this
    project on this machine (services.identity); every reading path then shows what they may see.

    Under blind coding a command run by nobody in particular is refused (NotPermitted, saying how to give
    a name) rather than showing an empty or partial result as if it were the whole.
    """
    from annotator.services.identity import remembered

    project = open_project(path, read_only=read_only)
    try:
        name = (acting_as or "").strip() or remembered(project.project_id)
        if acting_as and name not in project.team.coders():
            project.team.get(name)  # an unknown name is a typo: refuse it, naming the project's annotators
        project.team.identify(name)
        visibility = project.team.visibility()
        if visibility.blind and visibility.viewer is None:
            raise NotPermitted(visibility.refusal())
    except BaseException:
        project.close()
        raise
    return project
