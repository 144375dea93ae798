"""Crash safety: a writer killed with SIGKILL at random moments loses nothing it reported as done."""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import threading
import time
from itertools import islice
from pathlib import Path

import pytest

from annotator.core.model import Document
from annotator.io.codebook_files import load_preset
from annotator.store import Project
from tests.store.scripted_writer import apply_action, empty_state, iter_actions, live_keys, snapshot

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL (POSIX)")

WRITER = Path(__file__).with_name("scripted_writer.py")
KILLS = 24
ANNOTATOR = "coder"
TEXT = ("Le gouvernement affirme que la réforme est « indispensable ». Les syndicats dénoncent "
        "un passage en force, tandis que des experts s'inquiètent de ses effets 😀.\n") * 30


class Writer:
    """One writer process whose "done <n>" lines are collected as they come."""

    def __init__(self, path: Path, run: str, seed: int):
        self.proc = subprocess.Popen(
            [sys.executable, str(WRITER), str(path), run, str(seed), ANNOTATOR],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        self.lines: list[str] = []
        self.ready = threading.Event()
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        for line in self.proc.stdout:
            self.lines.append(line.strip())
            if line.strip() == "ready":
                self.ready.set()
        self.ready.set()

    def kill(self) -> int:
        """SIGKILL the writer; the number of actions it had reported as done."""
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(timeout=30)
        self.reader.join(timeout=30)
        self.proc.stderr.close()
        done = [int(line.split()[1]) for line in self.lines if line.startswith("done ")]
        assert done == list(range(1, len(done) + 1))
        return len(done)


def replay(run: str, seed: int, count: int, start: dict) -> dict:
    """The model after the first `count` actions of a run, starting from `start`."""
    state = {"spans": dict(start["spans"]), "answers": dict(start["answers"]), "status": start["status"]}
    for action in islice(iter_actions(run, seed, len(TEXT), live_keys(start)), count):
        apply_action(state, action)
    return state


def test_killed_writer_leaves_a_sound_file_holding_every_reported_action(tmp_path):
    path = tmp_path / "crash.framing"
    with Project.create(path) as project:
        project.codebook.install(load_preset("framing-devices"))
        project.documents.add([Document(text=TEXT, title="Article")])
    rng = random.Random(20240917)
    expected = empty_state()
    killed_mid_run = 0
    total_done = 0
    for kill in range(KILLS):
        run, seed = f"k{kill}", rng.randrange(2**31)
        writer = Writer(path, run, seed)
        assert writer.ready.wait(timeout=60), writer.proc.stderr.read()
        assert writer.proc.poll() is None, writer.proc.stderr.read()
        time.sleep(rng.uniform(0.0, 0.4))
        done = writer.kill()
        assert writer.proc.returncode == -signal.SIGKILL
        total_done += done

        with Project.open(path, backup=False) as project:
            assert project.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok", f"kill {kill}"
            found = snapshot(project, ANNOTATOR)
        # Every reported action is in the file; the action under way when the kill came is
        # either wholly there (it committed before its "done" line was printed) or not at all.
        reported, one_more = replay(run, seed, done, expected), replay(run, seed, done + 1, expected)
        assert found in (reported, one_more), f"kill {kill} after {done} reported actions"
        killed_mid_run += found == one_more and found != reported
        expected = found

    assert total_done > KILLS * 5, "the writer was killed before it could do anything"
    assert not list(tmp_path.glob("*.framing-journal"))
    print(f"{KILLS} kills, {total_done} actions reported, {killed_mid_run} committed but unreported")


def test_a_kill_during_a_backup_leaves_no_half_backup_and_a_sound_project(tmp_path):
    from annotator.store import backup as backups

    path = tmp_path / "big.framing"
    with Project.create(path) as project:
        project.codebook.install(load_preset("framing-devices"))
        project.documents.add([Document(text=TEXT)] + [Document(text=f"{n} " + TEXT * 40) for n in range(150)])
    rng = random.Random(7)
    interrupted = 0
    for kill in range(6):
        writer = subprocess.Popen([sys.executable, str(WRITER), str(path), f"b{kill}", str(kill), ANNOTATOR,
                                   "--backup-first"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        assert writer.stdout.readline().strip() == "backing up"
        time.sleep(rng.uniform(0.0, 0.05))  # a 30 MB backup takes longer than this
        writer.send_signal(signal.SIGKILL)
        writer.wait(timeout=30)
        writer.stdout.close()
        interrupted = len(list(backups.backups_root().rglob("*.partial")))
        for info in backups.list_backups(path):
            with Project.open(info.path, backup=False) as copy:
                assert copy.integrity_ok() and copy.counts()["documents"] == 151
        with Project.open(path, backup=False) as project:
            assert project.integrity_ok()
    assert interrupted >= 1, "no kill landed during a backup"
    assert len(backups.list_backups(path)) <= backups.BACKUP_KEEP
