"""Two processes writing to one project file at once (two windows on the same project)."""

from __future__ import annotations

import subprocess
import sys
import threading
from itertools import islice
from pathlib import Path

from annotator.core.model import Document
from annotator.io.codebook_files import load_preset
from annotator.store import Project
from tests.store.scripted_writer import apply_action, empty_state, iter_actions, snapshot

WRITER = Path(__file__).with_name("scripted_writer.py")
ACTIONS = 300
TEXT = ("The minister said the reform was « necessary ». Critics call it a disaster, "
        "while experts remain cautious about its effects. ") * 40


def make_project(path: Path) -> None:
    with Project.create(path) as project:
        project.codebook.install(load_preset("framing-devices"))
        project.documents.add([Document(text=TEXT, title="Shared article")])


def start_writer(path: Path, run: str, seed: int, annotator: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, str(WRITER), str(path), run, str(seed), annotator, "--count", str(ACTIONS), "--wait-go"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )


def test_two_writers_on_one_document_keep_every_write_and_never_see_locked(tmp_path):
    path = tmp_path / "shared.framing"
    make_project(path)
    writers = {"alice": ("a", 11), "bruno": ("b", 22)}
    procs = {name: start_writer(path, run, seed, name) for name, (run, seed) in writers.items()}
    for proc in procs.values():
        assert proc.stdout.readline().strip() == "ready", proc.stderr.read()
    for proc in procs.values():  # both start writing at the same moment
        proc.stdin.write("go\n")
        proc.stdin.flush()
    outputs: dict[str, tuple[str, str]] = {}

    def collect(name: str, proc: subprocess.Popen) -> None:
        outputs[name] = proc.communicate(timeout=120)

    threads = [threading.Thread(target=collect, args=item) for item in procs.items()]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    for name, proc in procs.items():
        out, err = outputs[name]
        assert "database is locked" not in err, f"{name} saw 'database is locked':\n{err}"
        assert proc.returncode == 0, f"{name} failed:\n{err}"
        assert out.split()[-1] == "finished"
        assert f"done {ACTIONS}" in out

    with Project.open(path, backup=False) as project:
        assert project.integrity_ok()
        for name, (run, seed) in writers.items():
            expected = empty_state()
            for action in islice(iter_actions(run, seed, len(TEXT)), ACTIONS):
                apply_action(expected, action)
            assert snapshot(project, name) == expected, f"{name}'s writes differ from what it did"
