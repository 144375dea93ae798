"""Editing document questions: their level and multiple answers, and their choices (add, rename, reorder,
retire, delete). Each function is one transaction of `project.labels` that records a codebook_history entry
and returns a Change; no function loses an answer (a used choice is retired, never deleted)."""

from __future__ import annotations

from typing import Callable

from annotator.core.change import Action, Change
from annotator.core.codebook import LEVELS, UNSURE_CHOICE
from annotator.core.codebook_tree import new_label_id
from annotator.core.errors import CodebookError
from annotator.core.model import Choice, Label
from annotator.core.wording import counted
from annotator.store.codebook_store import CodebookStore
from annotator.store.transactions import ProjectDatabase


def _question(labels: list[Label], question_id: str) -> Label:
    for label in labels:
        if label.id == question_id:
            if label.kind != "document":
                raise CodebookError(f"{label.name!r} ({question_id}) is a span label, not a document question")
            return label
    raise CodebookError(f"the codebook has no question {question_id!r}")


def _choice(question: Label, choice_id: str) -> Choice:
    for choice in question.choices:
        if choice.id == choice_id:
            return choice
    raise CodebookError(f"question {question.name!r} has no choice {choice_id!r}")


def edit_question(db: ProjectDatabase, codebook: CodebookStore, question_id: str, action: Action, history: str,
                  change: Callable[[Label], None], details: dict | None = None) -> Change:
    """Load the codebook, apply `change` to one question, check the whole codebook, write it and record it."""
    with db.atomic():
        labels = codebook.labels()
        question = _question(labels, question_id)
        change(question)
        codebook.check_labels(labels)
        codebook.write_label(question)
        codebook.record_change(history, {"question": question_id, **(details or {})})
    return Change(action, labels=[question_id], details=details or {})


def set_question(db: ProjectDatabase, codebook: CodebookStore, question_id: str, level: str | None = None,
                 multiple: bool | None = None) -> Change:
    """Set a question's level of measurement and whether it takes several answers.

    A question some answers give several choices to cannot go back to one answer.
    """
    if level is not None and level not in LEVELS:
        raise CodebookError(f"unknown level {level!r}: use {', '.join(LEVELS)}")

    def change(question: Label) -> None:
        if multiple is False and question.multiple:
            several = db.execute("SELECT count(*) FROM document_labels WHERE question = ? AND deleted = 0 "
                                 "AND value LIKE '%|%'", [question_id]).fetchone()[0]
            if several:
                raise CodebookError(f"{counted(several, 'answer')} to {question.name!r} "
                                    f"{'holds' if several == 1 else 'hold'} several choices; "
                                    "it must keep taking several answers")
        if level is not None:
            question.level = level
        if multiple is not None:
            question.multiple = multiple

    return edit_question(db, codebook, question_id, Action.QUESTION_SET, f"question {question_id} set",
                         change, {"level": level, "multiple": multiple})


def add_choice(db: ProjectDatabase, codebook: CodebookStore, question_id: str, name: str, name_fr: str = "") -> Change:
    """Add a choice made from a name (a fresh id) before "Unsure" (or last). Its id is Change.details["choice"]."""
    name = name.strip()
    if not name:
        raise CodebookError("a choice needs a name")
    made: dict[str, str] = {}

    def change(question: Label) -> None:
        choice = Choice(id=new_label_id(name, {c.id for c in question.choices}), name=name, name_fr=name_fr.strip())
        at = next((i for i, c in enumerate(question.choices) if c.id == UNSURE_CHOICE.id), len(question.choices))
        question.choices.insert(at, choice)
        made["choice"] = choice.id

    result = edit_question(db, codebook, question_id, Action.CHOICE_ADDED,
                           f"question {question_id}: choice {name!r} added", change)
    result.details.update(made)
    return result


def edit_choice(db: ProjectDatabase, codebook: CodebookStore, question_id: str, choice_id: str,
                name: str | None = None, name_fr: str | None = None, description: str | None = None,
                description_fr: str | None = None) -> Change:
    """Rename or describe a choice (None leaves a field as it is); its id, and so every answer, stays."""
    if name is not None and not name.strip():
        raise CodebookError("a choice needs a name")

    def change(question: Label) -> None:
        choice = _choice(question, choice_id)
        for key, value in (("name", name), ("name_fr", name_fr), ("description", description),
                           ("description_fr", description_fr)):
            if value is not None:
                setattr(choice, key, value.strip())

    return edit_question(db, codebook, question_id, Action.CHOICE_EDITED,
                         f"question {question_id}: choice {choice_id} edited", change, {"choice": choice_id})


def move_choice(db: ProjectDatabase, codebook: CodebookStore, question_id: str, choice_id: str,
                position: int) -> Change:
    """Put a choice at index `position` of its question's list (the order coders see, and ordinal scales use)."""

    def change(question: Label) -> None:
        choice = _choice(question, choice_id)
        question.choices.remove(choice)
        question.choices.insert(max(0, min(position, len(question.choices))), choice)

    return edit_question(db, codebook, question_id, Action.CHOICE_MOVED,
                         f"question {question_id}: choice {choice_id} moved to {position}", change,
                         {"choice": choice_id, "position": position})


def retire_choice(db: ProjectDatabase, codebook: CodebookStore, question_id: str, choice_id: str,
                  retired: bool = True) -> Change:
    """Stop offering a choice (answers that use it keep it), or offer it again."""

    def change(question: Label) -> None:
        choice = _choice(question, choice_id)
        if retired and not any(c.id != choice_id and not c.retired for c in question.choices):
            raise CodebookError(f"{choice.name!r} is the last choice {question.name!r} offers; add another first")
        choice.retired = retired

    action = Action.CHOICE_RETIRED if retired else Action.CHOICE_BROUGHT_BACK
    return edit_question(db, codebook, question_id, action,
                         f"question {question_id}: choice {choice_id} {'retired' if retired else 'brought back'}",
                         change, {"choice": choice_id})


def delete_choice(db: ProjectDatabase, codebook: CodebookStore, question_id: str, choice_id: str) -> Change:
    """Delete a choice no answer (deleted ones included) uses; a used one can only be retired."""

    def change(question: Label) -> None:
        choice = _choice(question, choice_id)
        if choice_id in codebook.used_choices(question_id):
            raise CodebookError(f"answers use {choice.name!r}; retire it instead (its answers stay)")
        if len(question.choices) == 1:
            raise CodebookError(f"{choice.name!r} is the only choice of {question.name!r}")
        question.choices.remove(choice)

    return edit_question(db, codebook, question_id, Action.CHOICE_DELETED,
                         f"question {question_id}: choice {choice_id} deleted", change, {"choice": choice_id})
