"""Scratch files of work in progress (named with the process that owns them) and removing those a killed run left behind."""

from __future__ import annotations

import os
import re
import shutil
import time
import uuid
from pathlib import Path

# A scratch name made by `scratch_name`: ".<target name>.<pid>-<random>.<suffix>".
_SCRATCH = re.compile(r"^\.(?P<target>.+)\.(?P<pid>\d+)-[0-9a-f]{12}\.(?P<suffix>partial|old|restoring)"
                      r"(?:-wal|-shm|-journal)?$")  # with SQLite's companion files
# Scratch names of earlier versions carried no process id: these are removed once old enough.
_OLD_SCRATCH = re.compile(r"^\.(?P<target>.+)\.(?:[0-9a-f]{12}\.(?:partial|old)|(?P<pid>\d+)\.partial|"
                          r"restoring\.(?P<rpid>\d+))(?:-wal|-shm|-journal)?$")
STALE_AFTER = 3600.0  # seconds: a scratch file of unknown owner older than this is a leftover


def scratch_name(target: Path, suffix: str) -> Path:
    """A hidden, unused name beside `target` for work in progress, owned by this process.

    `suffix` is "partial" (a file being written), "old" (a file being replaced) or "restoring".
    """
    return target.parent / f".{target.name}.{os.getpid()}-{uuid.uuid4().hex[:12]}.{suffix}"


def process_alive(pid: int) -> bool:
    """True when a process with this id runs on this machine (or cannot be asked about)."""
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True
    return True


def _stale(entry: Path, pid: str | None) -> bool:
    if pid is not None:
        return not process_alive(int(pid))
    try:
        return entry.lstat().st_mtime < time.time() - STALE_AFTER
    except OSError:
        return False


def remove_leftovers(target: Path) -> list[Path]:
    """Remove the scratch files and folders of `target` left by runs that were killed; return them.

    Only names made by `scratch_name` (or by earlier versions of the app) are touched, and only
    when the process that made them is gone (or, for a name without one, after an hour).
    """
    target = Path(target)
    try:
        entries = list(target.parent.glob(f".{glob_escape(target.name)}.*"))
    except OSError:
        return []
    return _remove(entries, target.name)


def remove_leftovers_in(folder: Path) -> list[Path]:
    """Remove every scratch file in `folder` (whatever it was for) left by a run that was killed."""
    try:
        entries = list(Path(folder).glob(".*"))
    except OSError:
        return []
    return _remove(entries, None)


def _remove(entries: list[Path], target_name: str | None) -> list[Path]:
    removed: list[Path] = []
    for entry in entries:
        match = _SCRATCH.match(entry.name) or _OLD_SCRATCH.match(entry.name)
        if match is None or (target_name is not None and match.group("target") != target_name):
            continue
        groups = match.groupdict()
        if ".old" in entry.name and not (entry.parent / groups["target"]).exists():
            continue  # killed between two renames: the previous version is all there is
        pid = groups.get("pid") or groups.get("rpid")
        if not _stale(entry, pid):
            continue
        try:
            if entry.is_dir() and not entry.is_symlink():
                shutil.rmtree(entry)
            else:
                entry.unlink()
            removed.append(entry)
        except OSError:
            continue
    return removed


def glob_escape(name: str) -> str:
    """`name` with glob's special characters escaped."""
    return re.sub(r"([*?\[])", r"[\1]", name)


def remove_stale_folders(parent: Path, prefix: str) -> list[Path]:
    """Remove folders `<prefix><pid>-...` under `parent` whose process is gone (temporary work folders)."""
    removed: list[Path] = []
    try:
        entries = list(parent.glob(f"{glob_escape(prefix)}*"))
    except OSError:
        return removed
    for entry in entries:
        match = re.match(rf"^{re.escape(prefix)}(\d+)-", entry.name)
        pid = match.group(1) if match else None
        if entry.is_dir() and not entry.is_symlink() and _stale(entry, pid):
            shutil.rmtree(entry, ignore_errors=True)
            removed.append(entry)
    return removed
