"""Pure helpers for editing a codebook's label tree: order, moves, fresh ids and colours."""

from __future__ import annotations

import re
import unicodedata

from annotator.core.colours import distinct_colour
from annotator.core.errors import CodebookError
from annotator.core.model import Label


def children_of(labels: list[Label], parent: str | None) -> list[Label]:
    """The labels directly under `parent` (None: the top level), in codebook order."""
    ids = {label.id for label in labels}
    return sorted(
        (label for label in labels if (label.parent if label.parent in ids else None) == parent),
        key=lambda label: label.position,
    )


def descendants(labels: list[Label], label_id: str) -> list[str]:
    """Ids of every label below `label_id`, nearest first."""
    found: list[str] = []
    frontier = [label_id]
    while frontier:
        current = frontier.pop(0)
        for label in labels:
            if label.parent == current and label.id not in found and label.id != label_id:
                found.append(label.id)
                frontier.append(label.id)
    return found


def ancestors(labels: list[Label], label_id: str) -> list[str]:
    """Ids of the labels above `label_id`, its parent first."""
    by_id = {label.id: label for label in labels}
    found: list[str] = []
    node = by_id.get(label_id)
    while node is not None and node.parent and node.parent in by_id and node.parent not in found:
        found.append(node.parent)
        node = by_id[node.parent]
    return found


def tree_order(labels: list[Label]) -> list[Label]:
    """Labels in tree order (each parent before its children, siblings by position),
    span labels first, then document questions; positions are renumbered 0, 1, 2..."""
    ordered: list[Label] = []
    for kind in ("span", "document"):
        kind_labels = [label for label in labels if label.kind == kind]
        ids = {label.id for label in kind_labels}
        children: dict[str | None, list[Label]] = {}
        for label in kind_labels:  # one pass, so that a codebook of thousands of labels orders at once
            children.setdefault(label.parent if label.parent in ids else None, []).append(label)
        for siblings in children.values():
            siblings.sort(key=lambda label: label.position)
        stack = list(reversed(children.get(None, [])))
        visited: set[str] = set()
        while stack:
            label = stack.pop()
            if label.id in visited:  # a label twice, or a cycle: placed once
                continue
            visited.add(label.id)
            ordered.append(label)
            stack += reversed(children.get(label.id, []))
    placed = {id(label) for label in ordered}
    ordered += [label for label in labels if id(label) not in placed]  # never drop a label
    for position, label in enumerate(ordered):
        label.position = position
    return ordered


def move_in_tree(labels: list[Label], label_id: str, parent: str | None,
                 position: int | None = None) -> list[Label]:
    """Put `label_id` under `parent` at index `position` among its new siblings (None: last).

    Returns the labels in their new tree order; refuses a parent of another kind, the label
    itself or one of its descendants.
    """
    by_id = {label.id: label for label in labels}
    if label_id not in by_id:
        raise KeyError(label_id)
    target = by_id[label_id]
    if parent is not None:
        if parent not in by_id:
            raise CodebookError(f"cannot move {label_id!r} under unknown label {parent!r}")
        if parent == label_id or parent in descendants(labels, label_id):
            raise CodebookError(f"cannot move {label_id!r} under itself or one of its sub-labels")
        if by_id[parent].kind != target.kind:
            raise CodebookError(
                f"cannot move {label_id!r} under {parent!r}: span labels and document questions stay apart"
            )
    siblings = [label for label in children_of(labels, parent) if label.id != label_id]
    index = len(siblings) if position is None else max(0, min(position, len(siblings)))
    siblings.insert(index, target)
    target.parent = parent
    # Only the order among siblings matters to tree_order, which then renumbers everything.
    for rank, sibling in enumerate(siblings):
        sibling.position = rank
    return tree_order(labels)


def next_colour(labels: list[Label]) -> str:
    """A readable colour for a new label, unlike the live labels' colours (see core.colours.distinct_colour)."""
    return distinct_colour(label.color for label in labels if not label.retired)


def new_label_id(name: str, taken: set[str] | list[str], parent: str | None = None) -> str:
    """A stable id made from a name ("Loaded term" -> "loaded_term"), prefixed by the parent's
    id for a sub-label, with a number added when the id is taken."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "_", ascii_name.lower()).strip("_")[:60] or "label"
    base = f"{parent}.{slug}" if parent else slug
    base = base[:76]
    candidate, n = base, 2
    while candidate in taken:
        candidate = f"{base}_{n}"
        n += 1
    return candidate
