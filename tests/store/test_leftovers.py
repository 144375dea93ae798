"""Runs that are killed leave nothing that looks complete, and the next run cleans what they left."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from click.testing import CliRunner

from annotator.cli.main import cli
from annotator.store import Project
from tests.store.team_helpers import make_lead

REPO = Path(__file__).resolve().parents[2]
DEAD = 2 ** 22 + 4321  # a process id no process has here


def kill_package_midway(lead: Path, out: Path) -> subprocess.CompletedProcess:
    """Run `annotator package` in a child process that is killed (SIGKILL) while it copies the spans."""
    script = f"""
import os, signal, sys
from annotator.store import packages
real = packages.Packages._copy_rows
def copy_then_die(self, table, where, params):
    real(self, table, where, params)
    if table == "spans":
        os.kill(os.getpid(), signal.SIGKILL)
packages.Packages._copy_rows = copy_then_die
from annotator.cli.main import cli
sys.exit(cli(["package", {str(lead)!r}, "-a", "ana", "-o", {str(out)!r}]))
"""
    return subprocess.run([sys.executable, "-c", script], cwd=REPO, capture_output=True, text=True, timeout=120,
                          env=dict(os.environ, PYTHONPATH=str(REPO)))


def test_a_killed_package_run_leaves_no_package_and_the_next_run_cleans_up(tmp_path):
    lead = make_lead(tmp_path / "lead.framing", documents=6)
    out = tmp_path / "ana.framing"
    killed = kill_package_midway(lead, out)
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    assert not out.exists()  # nothing at -o that could be sent as if complete
    left = [p for p in tmp_path.iterdir() if p.name.startswith(".ana.framing.")]
    assert left  # the killed run's scratch file
    result = CliRunner().invoke(cli, ["package", str(lead), "-a", "ana", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".ana.framing.")]
    with Project.open(out, backup=False) as pkg:
        assert pkg.packages.info()["package_annotator"] == "ana" and pkg.integrity_ok()


def test_a_package_is_one_self_contained_file(tmp_path):
    lead = make_lead(tmp_path / "lead.framing", documents=4)
    out = tmp_path / "ana.framing"
    with Project.open(lead, backup=False) as proj:
        proj.packages.write("ana", out)
    assert not Path(f"{out}-wal").exists() and not Path(f"{out}-journal").exists()
    assert out.read_bytes()[:16] == b"SQLite format 3\x00"


def test_private_copies_of_killed_merges_are_removed_by_the_next_merge(tmp_path):
    lead = make_lead(tmp_path / "lead.framing", documents=4)
    with Project.open(lead, backup=False) as proj:
        proj.packages.write("ana", tmp_path / "ana.framing")
    temp_root = Path(tempfile.gettempdir())
    dead = temp_root / f"annotator-merge-{DEAD}-abcd1234"
    dead.mkdir()
    (dead / "source.sqlite").write_bytes(b"SQLite format 3\x00" + b"\0" * 100)
    old_style = Path(tempfile.mkdtemp(prefix="annotator-merge-"))  # as older versions named them
    (old_style / "source.sqlite").write_bytes(b"x")
    hours_ago = time.time() - 3 * 3600
    os.utime(old_style, (hours_ago, hours_ago))
    alive = temp_root / f"annotator-merge-{os.getpid()}-live0000"  # a merge running now: left alone
    alive.mkdir()
    try:
        with Project.open(lead, backup=False) as proj:
            proj.merges.merge(tmp_path / "ana.framing")
        assert not dead.exists() and not old_style.exists()
        assert alive.exists()
    finally:
        for folder in (dead, old_style, alive):
            if folder.exists():
                for child in folder.iterdir():
                    child.unlink()
                folder.rmdir()


def test_partial_files_of_a_killed_export_are_removed_by_the_next_export(tmp_path):
    lead = make_lead(tmp_path / "lead.framing", documents=3)
    out = tmp_path / "spans.csv"
    dead = tmp_path / f".spans.csv.{DEAD}-0123456789ab.partial"
    dead.write_text("half an export")
    old_style = tmp_path / ".spans.csv.0123456789ab.partial"  # as older versions named them
    old_style.write_text("half")
    hours_ago = time.time() - 3 * 3600
    os.utime(old_style, (hours_ago, hours_ago))
    recent_unknown = tmp_path / ".spans.csv.fedcba987654.partial"  # maybe an export running now
    recent_unknown.write_text("busy")
    result = CliRunner().invoke(cli, ["export", str(lead), "--format", "csv", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.exists() and not dead.exists() and not old_style.exists()
    assert recent_unknown.exists()
