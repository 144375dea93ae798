"""Backup commands: list a project's automatic backups (or make one now), restore one, and copy a project whole."""

from __future__ import annotations

from pathlib import Path

import click

from annotator.cli.common import open_project, project_argument, reports_errors
from annotator.core.errors import ProjectError
from annotator.store import backup as backups


def _size(n: int) -> str:
    for unit in ("bytes", "kB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n:.0f} {unit}" if unit == "bytes" else f"{n:.1f} {unit}"
        n /= 1024
    return str(n)


@click.command(name="backups")
@project_argument
@click.option("--now", is_flag=True, help="Make a backup now, even if a recent one exists.")
@reports_errors
def list_backups(project: Path, now: bool) -> None:
    """List PROJECT's backups, newest first (one is made automatically when the project is opened).

    The newest five are kept, in the backups folder of your user data folder. Restore one with
    `annotator restore PROJECT NUMBER`.
    """
    if now:
        made = backups.make_backup(project)
        click.echo(f"Backup made: {made}")
    found = backups.list_backups(project)
    if not found:
        click.echo(f"No backups of {project.name} yet; one is made when the project is opened.")
        return
    folders = sorted({str(info.path.parent) for info in found})
    if not project.exists():
        click.echo(f"{project} does not exist any more. Its backups are in {', '.join(folders)}; bring one "
                   f"back with `annotator restore {project} NUMBER`:")
    else:
        click.echo(f"Backups of {project.name} in {', '.join(folders)}:")
    for number, info in enumerate(found, start=1):
        when = info.created.astimezone().strftime("%Y-%m-%d %H:%M:%S")
        click.echo(f"  {number}  {when}  {_size(info.size):>9}  {info.path.name}")
    others = backups.other_backup_folders(project)
    if others:
        click.echo(f"Copies of this project kept elsewhere (or this file before it moved) have backups in: "
                   f"{', '.join(str(folder) for folder in others)}")


@click.command()
@project_argument
@click.argument("backup")
@reports_errors
def restore(project: Path, backup: str) -> None:
    """Replace PROJECT by BACKUP (a number from `annotator backups PROJECT`, or a backup file).

    The current file is kept beside it as NAME.before-restore-TIME.framing. Close every window
    that has the project open first.
    """
    if backup.isdigit():
        found = backups.list_backups(project)
        if not 1 <= int(backup) <= len(found):
            raise ProjectError(f"{project}: there is no backup number {backup} "
                               f"(see `annotator backups {project}`)")
        backup_path = found[int(backup) - 1].path
    else:
        backup_path = Path(backup)
    saved = backups.restore_backup(project, backup_path)
    click.echo(f"Restored {project} from {backup_path.name}.")
    if saved is not None:
        click.echo(f"The file it replaced is kept as {saved}.")


@click.command(name="copy")
@project_argument
@click.argument("output", type=click.Path(dir_okay=False, path_type=Path))
@reports_errors
def copy_project(project: Path, output: Path) -> None:
    """Write one complete copy of PROJECT to OUTPUT, a single file to send or archive.

    While the app has a project open, its most recent work can sit in a second file beside it
    (PROJECT-wal); copying the .framing file alone may miss it. This command copies everything,
    checks the copy, and never replaces an existing file.
    """
    with open_project(project, read_only=True) as proj:
        made = proj.save_copy(output)
    click.echo(f"Copied {project} to {made} (one complete file).")

