"""Planning a codebook import into a project that may hold annotations: match by id, never orphan."""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING

from annotator.core.codebook import UNSURE_CHOICE, Codebook, check_codebook, shortcut_owner
from annotator.core.codebook_diff import CodebookDiff, diff_codebooks
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
                    f"question {label.id!r} keeps choice(s) {', '.join(c.id for c in kept)}: "
                    "answers in this project use them"
                )
    count = len(incoming)
    missing = [copy.deepcopy(old[label_id]) for label_id in diff.missing]
    kinds = {label.id: label.kind for label in incoming + missing}
    for label in missing:
        label.position += count
        if label.shortcut and not label.retired and shortcut_owner(incoming, label.shortcut):
            diff.notes.append(f"label {label.id!r} (kept) lost its shortcut {label.shortcut!r} "
                              "to a label of the imported codebook")
            label.shortcut = ""
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
    return incoming + missing, attributes, diff
