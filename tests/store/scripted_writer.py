"""A writer process for the crash and concurrency tests: scripted annotation actions on one document.

Run as `python scripted_writer.py PROJECT RUN SEED ANNOTATOR [--count N] [--wait-go]`. It opens the
project, prints "ready", (with --wait-go, waits for a line on stdin), then performs the actions of
`iter_actions(RUN, SEED, ...)` on the project's first document, printing "done <n>" after the n-th
action has returned, and "finished" after --count actions (forever without --count).

The test process replays the same actions on a plain-Python model (`apply_action`) and compares it
with what the file holds (`snapshot`).
"""

from __future__ import annotations

import argparse
import random
import sys
from dataclasses import dataclass
from itertools import count as counter
from typing import Iterable, Iterator

SPAN_LABELS = ("scare_quote", "direct_quote", "hedge", "loaded_term", "naming")
QUESTIONS = {"tone": ("negative", "neutral", "positive"),
             "source_type": ("official", "corporate", "legal", "expert", "citizen", "media")}
STATUSES = ("todo", "in progress", "done")


@dataclass(frozen=True)
class Action:
    """One scripted annotation action; only the fields of its kind are used."""

    kind: str
    span_id: str = ""
    label: str = ""
    start: int = 0
    end: int = 0
    note: str = ""
    question: str = ""
    value: str = ""
    status: str = ""


def iter_actions(run: str, seed: int, text_length: int, taken: Iterable[tuple[str, int, int]] = ()) -> Iterator[Action]:
    """The endless, reproducible action sequence of one writer run. It never makes two live spans
    alike (the store refuses an exact duplicate), nor one like the (label, start, end) in `taken`:
    the live spans earlier runs left in the file."""
    rng = random.Random(seed)
    live: dict[str, tuple[str, int, int]] = {f"taken-{i}": key for i, key in enumerate(sorted(taken))}
    own: set[str] = set()

    def fresh(span_id: str, longest: int) -> tuple[str, int, int]:
        while True:
            start = rng.randrange(0, text_length - 1)
            key = (rng.choice(SPAN_LABELS), start, min(text_length, start + rng.randint(1, longest)))
            if all(key != other for other_id, other in live.items() if other_id != span_id):
                return key

    for n in counter(1):
        roll = rng.random()
        if roll < 0.4 or not own:
            span_id = f"{run}-{n}"
            label, start, end = live[span_id] = fresh(span_id, 40)
            own.add(span_id)
            yield Action("add_span", span_id=span_id, label=label, start=start, end=end)
        elif roll < 0.6:
            span_id = rng.choice(sorted(own))
            label, start, end = live[span_id] = fresh(span_id, 60)
            yield Action("update_span", span_id=span_id, label=label, start=start, end=end, note=f"edit {n}")
        elif roll < 0.7:
            span_id = rng.choice(sorted(own))
            del live[span_id]
            own.discard(span_id)
            yield Action("delete_span", span_id=span_id)
        elif roll < 0.88:
            question = rng.choice(sorted(QUESTIONS))
            value = "" if rng.random() < 0.2 else rng.choice(QUESTIONS[question])
            yield Action("set_document_label", question=question, value=value)
        else:
            yield Action("set_status", status=rng.choice(STATUSES))


def empty_state() -> dict:
    """The model of what one annotator has in the file: spans, live answers, status."""
    return {"spans": {}, "answers": {}, "status": None}


def apply_action(state: dict, action: Action) -> None:
    """What `action` does to the model (mirrors `perform` on the project)."""
    if action.kind == "add_span":
        state["spans"][action.span_id] = (action.label, action.start, action.end, "", False)
    elif action.kind == "update_span":
        state["spans"][action.span_id] = (action.label, action.start, action.end, action.note, False)
    elif action.kind == "delete_span":
        label, start, end, note, _ = state["spans"][action.span_id]
        state["spans"][action.span_id] = (label, start, end, note, True)
    elif action.kind == "set_document_label":
        if action.value:
            state["answers"][action.question] = action.value
        else:
            state["answers"].pop(action.question, None)
    else:
        state["status"] = action.status


def perform(project, document_id: str, text: str, annotator: str, action: Action) -> None:
    """Carry out one action through the Project's public methods."""
    from annotator.core.model import Span

    if action.kind == "add_span":
        project.spans.add(Span(id=action.span_id, document_id=document_id, annotator=annotator,
                              label_id=action.label, start=action.start, end=action.end,
                              text=text[action.start:action.end]))
    elif action.kind == "update_span":
        project.spans.update(action.span_id, label_id=action.label, start=action.start, end=action.end,
                            note=action.note)
    elif action.kind == "delete_span":
        project.spans.delete(action.span_id)
    elif action.kind == "set_document_label":
        project.answers.set(document_id, annotator, action.question, action.value)
    else:
        project.assignments.set_status(annotator, document_id, action.status)


def live_keys(state: dict) -> set[tuple[str, int, int]]:
    """(label, start, end) of the live spans of a state (see `snapshot`)."""
    return {(label, start, end) for label, start, end, _note, deleted in state["spans"].values() if not deleted}


def snapshot(project, annotator: str) -> dict:
    """What the file holds for `annotator`, in the shape of the model."""
    document_id = project.documents.ids()[0]
    spans = {s.id: (s.label_id, s.start, s.end, s.note, s.deleted)
             for s in project.spans.of_document(document_id, annotator=annotator, include_deleted=True)}
    answers = {a.question: a.value for a in project.answers.find(document_id, annotator)}
    row = project.db.execute("SELECT status FROM assignments WHERE annotator = ? AND document_id = ?",
                             [annotator, document_id]).fetchone()
    return {"spans": spans, "answers": answers, "status": row[0] if row else None}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("project")
    parser.add_argument("run")
    parser.add_argument("seed", type=int)
    parser.add_argument("annotator")
    parser.add_argument("--count", type=int, default=0, help="stop after this many actions (0: never)")
    parser.add_argument("--wait-go", action="store_true", help="wait for a line on stdin before writing")
    parser.add_argument("--backup-first", action="store_true", help="make a backup (as `backups --now`) first")
    args = parser.parse_args(argv)

    from annotator.store import Project
    from annotator.store.backup import make_backup

    if args.backup_first:
        print("backing up", flush=True)
        make_backup(args.project)

    project = Project.open(args.project, backup=False)
    document_id = project.documents.ids()[0]
    text = project.documents.text(document_id)
    print("ready", flush=True)
    if args.wait_go:
        sys.stdin.readline()
    taken = live_keys(snapshot(project, args.annotator))
    for n, action in enumerate(iter_actions(args.run, args.seed, len(text), taken), start=1):
        perform(project, document_id, text, args.annotator, action)
        print(f"done {n}", flush=True)
        if n == args.count:
            break
    project.close()
    print("finished", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
