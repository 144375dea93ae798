"""Planning a codebook import into a project that may hold annotations: match by id, never orphan."""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING

from annotator.core.codebook import UNSURE_CHOICE, Codebook, check_codebook, shortcut_owner
from annotator.core.codebook_diff import CodebookDiff, diff_codebooks, label_field_differences
from annotator.core.errors import CodebookError
from annotator.core.model import AttributeDef, Label

if TYPE_CHECKING:
    from annotator.store.codebook_store import CodebookStore


def plan_import(store: "CodebookStore", book: Codebook) -> tuple[list[Label], list[AttributeDef], CodebookDiff]:
    """The labels and attributes the project would hold after importing `book`, and the report.

    Reads the project's codebook and label usage through `store`; writes nothing.
    """
    check_codebook(book)
    current = store.current()
    diff = diff_codebooks(current, book)
    old = {label.id: label for label in current.labels}
    incoming = [copy.deepcopy(label) for label in book.labels]
    for label in incoming:
        before = old.get(label.id)
        if before is None:
            continue
        usage = store.usage(label.id)
        if before.kind != label.kind and usage.used:
            kinds = {"span": "a span label", "document": "a document question"}
            raise CodebookError(
                f"label {label.id!r} is {kinds[before.kind]} used by annotations in this project, "
                f"and the file makes it {kinds[label.kind]}; give the new one another id"
            )
        if label.kind == "document":
            present = {c.id for c in label.choices}
            kept = [c for c in before.choices if c.id in store.used_choices(label.id) - present]
            if kept:
                at = next((i for i, c in enumerate(label.choices) if c.id == UNSURE_CHOICE.id),
                          len(label.choices))
                label.choices[at:at] = kept
                diff.notes.append(
                    f"question {label.id!r} keeps {'choice' if len(kept) == 1 else 'choices'} "
                    f"{', '.join(c.id for c in kept)}: answers in this project use {'it' if len(kept) == 1 else 'them'}"
                )
    count = len(incoming)
    missing = [copy.deepcopy(old[label_id]) for label_id in diff.missing]
    kinds = {label.id: label.kind for label in incoming + missing}
    _keep_project_shortcuts(current.labels, incoming, missing, diff)
    for label in missing:
        label.position += count
        if label.parent and kinds.get(label.parent) != label.kind:
            diff.notes.append(f"label {label.id!r} (kept) moved to the top level: its parent "
                              f"{label.parent!r} is no longer of the same kind")
            label.parent = None
    attributes = [copy.deepcopy(attr) for attr in book.attributes]
    names = {attr.id for attr in attributes}
    for attr in (copy.deepcopy(attr) for attr in current.attributes if attr.id not in names):
        # A kept attribute may name a label the file turns into a question (allowed only for
        # unused labels, so no span holds a value for it there): it no longer applies to it.
        spans_only = [label_id for label_id in attr.labels if kinds.get(label_id) == "span"]
        if spans_only != attr.labels:
            dropped = sorted(set(attr.labels) - set(spans_only))
            if not spans_only:
                diff.notes.append(f"attribute {attr.id!r} (kept) removed: its labels "
                                  f"{', '.join(dropped)} are now questions")
                continue
            diff.notes.append(f"attribute {attr.id!r} (kept) no longer applies to {', '.join(dropped)}")
            attr.labels = spans_only
        attributes.append(attr)
    _describe_final(old, incoming, diff)
    return incoming + missing, attributes, diff


def _keep_project_shortcuts(current: list, incoming: list, missing: list, diff: CodebookDiff) -> None:
    """A label keeps the key it has in the project: a label of the file asking for a key another label of the
    project uses goes without it (its own former key when free), said in a note."""
    taken = {label.shortcut.lower(): label.id for label in current if label.shortcut and not label.retired}
    before = {label.id: label.shortcut for label in current}
    for label in incoming:
        owner = taken.get(label.shortcut.lower()) if label.shortcut else None
        if owner is not None and owner != label.id:
            own = before.get(label.id, "")
            diff.notes.append(f"label {label.id!r} does not take the shortcut {label.shortcut!r} from label "
                              f"{owner!r} of the project" + (f"; it keeps {own!r}" if own else ""))
            label.shortcut = own if own and taken.get(own.lower()) in (None, label.id) else ""
    for i, label in enumerate(incoming + missing):  # whatever still clashes, the earlier label keeps
        if label.shortcut and not label.retired and shortcut_owner((incoming + missing)[:i], label.shortcut):
            diff.notes.append(f"label {label.id!r} lost its shortcut {label.shortcut!r}: another label has it")
            label.shortcut = ""


def _describe_final(old: dict, incoming: list, diff: CodebookDiff) -> None:
    """Describe, field by field and choice by choice, what the import will really change (after the keys and
    choices kept above), so that a preview shows every change before it is made."""
    diff.changed, diff.unchanged = {}, []
    label_changes = []
    for label in incoming:
        if label.id in diff.new:
            continue
        found = label_field_differences(old[label.id], label)
        if found:
            diff.changed[label.id] = list(dict.fromkeys(d.field if d.field != "choice" else "choices" for d in found))
            label_changes += found
        else:
            diff.unchanged.append(label.id)
    diff.differences = label_changes + [d for d in diff.differences if d.attribute]
