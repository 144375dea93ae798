"""Faults for the trust tests: damaged pages, read-only files and folders (also when the tests run as root)."""

from __future__ import annotations

import contextlib
import os
import random
import shutil
import sqlite3
import stat
import subprocess
from pathlib import Path
from typing import Iterator

import pytest


def page_size_and_count(path: Path) -> tuple[int, int]:
    conn = sqlite3.connect(str(path))
    try:
        return conn.execute("PRAGMA page_size").fetchone()[0], conn.execute("PRAGMA page_count").fetchone()[0]
    finally:
        conn.close()


def table_root(path: Path, table: str) -> int:
    conn = sqlite3.connect(str(path))
    try:
        return conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", [table]).fetchone()[0]
    finally:
        conn.close()


def overwrite(path: Path, offset: int, data: bytes) -> None:
    with open(path, "r+b") as handle:
        handle.seek(offset)
        handle.write(data)


def damage_page(path: Path, page: int, seed: int = 0) -> None:
    """Overwrite page number `page` (1-based) of the file with random bytes."""
    size, _ = page_size_and_count(path)
    overwrite(path, (page - 1) * size, random.Random(seed).randbytes(size))


def damage_middle(path: Path, seed: int, length: int = 8192) -> int:
    """Overwrite `length` random bytes somewhere in the middle half of the file; return the offset."""
    total = path.stat().st_size
    rng = random.Random(seed)
    offset = rng.randrange(total // 4, max(total // 4 + 1, 3 * total // 4 - length))
    overwrite(path, offset, rng.randbytes(length))
    return offset


def _can_write(path: Path) -> bool:
    try:
        if path.is_dir():
            probe = path / ".probe"
            probe.write_bytes(b"")
            probe.unlink()
        else:
            with open(path, "ab"):
                pass
        return True
    except OSError:
        return False


def _chattr(flag: str, path: Path) -> bool:
    if shutil.which("chattr") is None:
        return False
    return subprocess.run(["chattr", flag, str(path)], capture_output=True).returncode == 0


@contextlib.contextmanager
def read_only(path: Path) -> Iterator[Path]:
    """Make a file or folder read-only for the duration of the block (immutable when running as root)."""
    mode = path.stat().st_mode
    os.chmod(path, mode & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))
    immutable = os.geteuid() == 0 and _chattr("+i", path) if hasattr(os, "geteuid") else False
    try:
        if _can_write(path):
            pytest.skip("cannot make a read-only file here")
        yield path
    finally:
        if immutable:
            _chattr("-i", path)
        os.chmod(path, mode)
