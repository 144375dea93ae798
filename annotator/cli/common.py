"""Shared pieces of the CLI: the project argument, opening a project, turning errors into one line."""

from __future__ import annotations

import errno
import functools
import sqlite3
from pathlib import Path
from typing import Any, Callable

import click

from annotator.core.errors import (
    AnnotatorError, DamagedProject, ImportRefused, MergeNeedsConsent, NotPermitted, StorageFailure,
)
from annotator.io.import_labels import MAX_NEW_LABELS
from annotator.io.importer import Refusal
from annotator.io.readers.base import MAX_ARTICLE_SIZE
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


def restore_advice(path: str | Path) -> str:
    """How to get a damaged project's work back from the command line."""
    return f"restore the last good backup with `annotator restore {path} 1` (list them with `annotator backups {path}`)"


LIMIT_ADVICE = {
    MAX_ARTICLE_SIZE: "raise the limit with --max-article-size MB to import it",
    MAX_NEW_LABELS: "if it is, raise the limit with --max-new-labels N",
}


def refusal_advice(refusal: Refusal) -> str:
    """What to add to a refused file's line of an import summary: how to get past the limit it is over."""
    return LIMIT_ADVICE.get(refusal.limit_option, "")


def error_advice(exc: BaseException) -> str:
    """The command-line advice for one of our errors ("" when it needs none): the store and the readers
    state the problem only, the error's type and attributes say what can be done about it."""
    if isinstance(exc, DamagedProject) or (isinstance(exc, StorageFailure) and exc.kind == "damaged" and exc.path):
        return restore_advice(exc.path)
    if isinstance(exc, MergeNeedsConsent):
        if exc.option == "max_new_labels":
            return f"if that is expected, merge it with --max-new-labels {exc.needed}"
        if exc.option == "whole_copy":
            return "to merge it anyway, add --whole-copy"
    if isinstance(exc, ImportRefused):
        return LIMIT_ADVICE.get(exc.limit_option, "")
    return ""


def with_advice(message: str, advice: str) -> str:
    """`message` followed by `advice` as one line (a new sentence after a full stop, else after a semicolon)."""
    if not advice:
        return message
    if message.rstrip().endswith("."):
        return f"{message.rstrip()} {advice[0].upper()}{advice[1:]}."
    return f"{message}; {advice}"


def error_text(exc: BaseException) -> str:
    """One of our errors as the command line says it: the problem, then what to do about it."""
    return with_advice(str(exc), error_advice(exc))


def reports_errors(func: Callable) -> Callable:
    """Turn our own errors into one clear line on stderr and exit code 1, never a traceback."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except AnnotatorError as exc:
            raise click.ClickException(error_text(exc)) from None
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
            refusal = project.db.refused()
            project.close()
            raise click.ClickException(error_text(refusal))
        notice = project.open_notice()
        if project.state.damaged:
            notice = with_advice(notice, restore_advice(project.path))
        click.echo(f"Warning: {notice}", err=True)
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
