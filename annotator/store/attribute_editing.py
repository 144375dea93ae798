"""Editing span attributes (speaker, stance...): add, edit, reorder, retire, delete. Each function is one
transaction of `project.codebook` that records a codebook_history entry and returns a Change; no function
loses a value a span holds (a used attribute or choice is retired or kept, never deleted)."""

from __future__ import annotations

import json
from typing import Callable, Sequence

from annotator.core.change import Action, Change
from annotator.core.codebook_tree import new_label_id
from annotator.core.errors import CodebookError
from annotator.core.model import ATTRIBUTE_TYPES, AttributeDef, Choice
from annotator.core.wording import counted
from annotator.store.transactions import ProjectDatabase


def attribute_usage(db: ProjectDatabase, attribute_id: str) -> int:
    """How many spans (deleted ones included) hold a value for the attribute."""
    return db.execute("SELECT count(*) FROM spans WHERE json_extract(attributes, ?) IS NOT NULL",
                      [f'$."{attribute_id}"']).fetchone()[0]


def used_attribute_choices(db: ProjectDatabase, attribute_id: str) -> set[str]:
    """The choices of an attribute that spans hold (a list value counts each of its items)."""
    used: set[str] = set()
    for (value,) in db.execute("SELECT json_extract(attributes, ?) FROM spans WHERE json_extract(attributes, ?) "
                               "IS NOT NULL", [f'$."{attribute_id}"'] * 2):
        if isinstance(value, str) and value.startswith("["):
            used |= {str(v) for v in json.loads(value)}
        elif value is not None:
            used |= set(str(value).split("|"))
    return used


def _edit(codebook, attribute_id: str, action: Action, history: str,
          change: Callable[[list[AttributeDef], AttributeDef], None], details: dict | None = None) -> Change:
    with codebook.db.atomic():
        attributes = codebook.attributes()
        target = next((a for a in attributes if a.id == attribute_id), None)
        if target is None:
            raise CodebookError(f"the codebook has no span attribute {attribute_id!r}")
        change(attributes, target)
        codebook.check_labels(codebook.labels(), attributes)
        for position, attr in enumerate(attributes):
            codebook.write_attribute(attr, position)
        codebook.record_change(history, {"attribute": attribute_id, **(details or {})})
    return Change(action, details={"attribute": attribute_id, **(details or {})})


def _choices(names: Sequence[str]) -> list[Choice]:
    made: list[Choice] = []
    for name in names:
        if name.strip():
            made.append(Choice(id=new_label_id(name.strip(), {c.id for c in made}), name=name.strip()))
    return made


def add_attribute(codebook, name: str, type: str = "text", choices: Sequence[str] = (),
                  labels: Sequence[str] = (), name_fr: str = "", multiple: bool = False) -> Change:
    """Add a span attribute made from a name (a fresh id), last; `choices` are names, for type "choice".

    `labels` are the span labels it applies to (none: every label). Its id is Change.details["attribute"].
    """
    name = name.strip()
    if not name:
        raise CodebookError("an attribute needs a name")
    if type not in ATTRIBUTE_TYPES:
        raise CodebookError(f"unknown attribute type {type!r}: use {', '.join(ATTRIBUTE_TYPES)}")
    with codebook.db.atomic():
        attributes = codebook.attributes()
        details = _choices(choices) if type == "choice" else []
        if type == "choice" and not details:
            raise CodebookError(f"attribute {name!r} is a choice: give it at least one choice")
        attr = AttributeDef(id=new_label_id(name, {a.id for a in attributes}), name=name, type=type,
                            labels=list(labels), name_fr=name_fr.strip(), multiple=multiple, choice_details=details)
        attributes.append(attr)
        codebook.check_labels(codebook.labels(), attributes)
        codebook.write_attribute(attr, len(attributes) - 1)
        codebook.record_change(f"attribute {attr.id} added", {"attribute": attr.id})
    return Change(Action.ATTRIBUTE_ADDED, details={"attribute": attr.id})


def edit_attribute(codebook, attribute_id: str, name: str | None = None, name_fr: str | None = None,
                   description: str | None = None, description_fr: str | None = None,
                   labels: Sequence[str] | None = None, multiple: bool | None = None,
                   choices: Sequence[str] | None = None) -> Change:
    """Change an attribute's names, description, labels, multiple values, or choice names (`choices`: the
    names in order; a name matching an existing choice keeps its id; a choice spans hold cannot go)."""
    if name is not None and not name.strip():
        raise CodebookError("an attribute needs a name")

    def change(_attributes: list[AttributeDef], attr: AttributeDef) -> None:
        for key, value in (("name", name), ("name_fr", name_fr), ("description", description),
                           ("description_fr", description_fr)):
            if value is not None:
                setattr(attr, key, value.strip())
        if labels is not None:
            attr.labels = list(labels)
        if multiple is not None:
            attr.multiple = multiple
        if choices is not None:
            if attr.type != "choice":
                raise CodebookError(f"attribute {attr.name!r} is of type {attr.type!r}; only choice attributes "
                                    "have choices")
            by_name = {c.name: c for c in attr.choice_details}
            kept = [by_name[n] if n in by_name else c for n, c in zip(choices, _choices(choices))]
            taken: set[str] = set()
            for choice in kept:  # a new name whose id is taken gets another
                if choice.id in taken:
                    choice.id = new_label_id(choice.name, taken)
                taken.add(choice.id)
            gone = used_attribute_choices(codebook.db, attr.id) - taken
            if gone:
                raise CodebookError(f"spans hold {', '.join(sorted(gone))} for {attr.name!r}; keep those choices")
            if not kept:
                raise CodebookError(f"attribute {attr.name!r} is a choice: keep at least one choice")
            attr.choice_details = kept
            attr.choices = [c.id for c in kept]

    return _edit(codebook, attribute_id, Action.ATTRIBUTE_EDITED, f"attribute {attribute_id} edited", change)


def move_attribute(codebook, attribute_id: str, position: int) -> Change:
    """Put an attribute at index `position` (the order the span dialog shows)."""

    def change(attributes: list[AttributeDef], attr: AttributeDef) -> None:
        attributes.remove(attr)
        attributes.insert(max(0, min(position, len(attributes))), attr)

    return _edit(codebook, attribute_id, Action.ATTRIBUTE_MOVED, f"attribute {attribute_id} moved to {position}",
                 change, {"position": position})


def retire_attribute(codebook, attribute_id: str, retired: bool = True) -> Change:
    """Stop asking for an attribute on spans (values spans hold stay), or ask again."""

    def change(_attributes: list[AttributeDef], attr: AttributeDef) -> None:
        attr.retired = retired

    action = Action.ATTRIBUTE_RETIRED if retired else Action.ATTRIBUTE_BROUGHT_BACK
    return _edit(codebook, attribute_id, action,
                 f"attribute {attribute_id} {'retired' if retired else 'brought back'}", change)


def remove_attribute(codebook, attribute_id: str) -> Change:
    """Delete an attribute no span holds a value for; a used one can only be retired."""
    with codebook.db.atomic():
        attr = next((a for a in codebook.attributes() if a.id == attribute_id), None)
        if attr is None:
            raise CodebookError(f"the codebook has no span attribute {attribute_id!r}")
        used = attribute_usage(codebook.db, attribute_id)
        if used:
            raise CodebookError(f"{counted(used, 'span')} {'holds' if used == 1 else 'hold'} a value for "
                                f"{attr.name!r}; retire it instead")
        codebook.delete_attribute(attribute_id)
        for position, other in enumerate(codebook.attributes()):
            codebook.write_attribute(other, position)
        codebook.record_change(f"attribute {attribute_id} deleted", {"attribute": attribute_id})
    return Change(Action.ATTRIBUTE_DELETED, details={"attribute": attribute_id})
