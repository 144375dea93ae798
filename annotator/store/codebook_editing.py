"""Editing the project's codebook: rename, recolour, move, shortcuts, merge, retire, delete.

Every method is one transaction that records a codebook_history entry and returns a Change.
No method deletes or orphans an annotation: a merge moves spans and answers to the kept
label, retiring only hides a label from new work, and deleting is refused while anything uses it.
"""

from __future__ import annotations

from typing import Any

from annotator.core.change import Action, Change
from annotator.core.codebook import UNSURE_CHOICE, check_shortcut, shortcut_owner
from annotator.core.shortcuts import normal_shortcut
from annotator.core.codebook_tree import ancestors, descendants, move_in_tree, new_label_id, next_colour, tree_order
from annotator.core.errors import CodebookError
from annotator.core.model import LABEL_KINDS, Choice, Label, now_iso
from annotator.core.wording import counted
from annotator.store import question_editing
from annotator.store.codebook_store import CodebookStore
from annotator.store.transactions import ProjectDatabase


def _named(label: Label) -> str:
    return f"{label.name!r} ({label.id})"


class LabelEditor:
    """The codebook editor's operations on single labels (project.labels), over the codebook store."""

    def __init__(self, db: ProjectDatabase, codebook: CodebookStore):
        self.db = db
        self.codebook = codebook

    # -- helpers ---------------------------------------------------------------------------------

    def _load(self, label_id: str) -> tuple[list[Label], Label]:
        labels = self.codebook.labels()
        for label in labels:
            if label.id == label_id:
                return labels, label
        raise CodebookError(f"the codebook has no label {label_id!r}")

    def _edit(self, label_id: str, action: Action, history: str, **fields: Any) -> Change:
        """Set some fields of one label after checking the whole codebook."""
        with self.db.atomic():
            labels, target = self._load(label_id)
            for key, value in fields.items():
                setattr(target, key, value)
            self.codebook.check_labels(labels)
            self.codebook.write_label(target)
            self.codebook.record_change(history, {"label": label_id, "fields": sorted(fields)})
        return Change(action, labels=[label_id], details={"fields": sorted(fields)})

    # -- one operation each ----------------------------------------------------------------------

    def create(self, name: str, parent: str | None = None, kind: str = "span",
                     name_fr: str = "", color: str | None = None, shortcut: str = "") -> Change:
        """Add a label made from a name: a fresh id, the next palette colour, last among its siblings.

        The new id is `Change.labels[0]`. Document questions get a yes/no choice list to edit.
        """
        name = name.strip()
        if not name:
            raise CodebookError("a label needs a name")
        if kind not in LABEL_KINDS:
            raise CodebookError(f"unknown label kind {kind!r}: use {' or '.join(LABEL_KINDS)}")
        labels = self.codebook.labels()
        label = Label(
            id=new_label_id(name, {label.id for label in labels}, parent), name=name, kind=kind,
            parent=parent, color=color or next_colour(labels), shortcut=shortcut.strip(),
            name_fr=name_fr.strip(),
        )
        if kind == "document":
            label.choices = [Choice(id="yes", name="Yes", name_fr="Oui"), Choice(id="no", name="No", name_fr="Non"),
                             Choice(**vars(UNSURE_CHOICE))]
        if label.shortcut:
            self._refuse_taken_shortcut(labels, label.id, label.shortcut)
            label.shortcut = normal_shortcut(label.shortcut)
        return self.codebook.add_label(label, f"label {label.id} added")

    def rename(self, label_id: str, name: str, name_fr: str | None = None) -> Change:
        """Give a label a new English name (and French name when given); its id and annotations stay."""
        name = name.strip()
        if not name:
            raise CodebookError(f"label {label_id!r}: a label needs a name")
        fields: dict[str, Any] = {"name": name}
        if name_fr is not None:
            fields["name_fr"] = name_fr.strip()
        return self._edit(label_id, Action.LABEL_RENAMED, f"label {label_id} renamed to {name!r}", **fields)

    def recolour(self, label_id: str, color: str) -> Change:
        """Give a label a new colour (#RRGGBB)."""
        color = color.strip().upper()
        return self._edit(label_id, Action.LABEL_RECOLOURED, f"label {label_id} recoloured {color}", color=color)

    def describe(self, label_id: str, description: str | None = None,
                              description_fr: str | None = None) -> Change:
        """Replace a label's English and/or French description (None leaves one as it is)."""
        fields = {key: value.strip() for key, value in
                  (("description", description), ("description_fr", description_fr)) if value is not None}
        if not fields:
            return Change(Action.NOTHING_TO_CHANGE)
        return self._edit(label_id, Action.LABEL_DESCRIBED, f"label {label_id} description edited", **fields)

    def _refuse_taken_shortcut(self, labels: list[Label], label_id: str, shortcut: str) -> None:
        check_shortcut(shortcut, f"label {label_id!r}")
        owner = shortcut_owner(labels, shortcut, ignore=label_id)
        if owner is not None:
            raise CodebookError(
                f"shortcut {shortcut!r} is already used by label {_named(owner)}; "
                "choose another key or clear that label's shortcut first"
            )

    def set_shortcut(self, label_id: str, shortcut: str) -> Change:
        """Give a label a one-key shortcut ('' clears it); a key another live label uses is refused."""
        shortcut = shortcut.strip()
        if shortcut:
            labels, _ = self._load(label_id)
            self._refuse_taken_shortcut(labels, label_id, shortcut)
            shortcut = normal_shortcut(shortcut)
        history = f"label {label_id} shortcut {shortcut!r}" if shortcut else f"label {label_id} shortcut cleared"
        return self._edit(label_id, Action.SHORTCUT_SET, history, shortcut=shortcut)

    def move(self, label_id: str, parent: str | None, position: int | None = None) -> Change:
        """Put a label under `parent` (None: top level) at index `position` among its siblings (None: last)."""
        with self.db.atomic():
            labels, _ = self._load(label_id)
            ordered = move_in_tree(labels, label_id, parent or None, position)
            self.codebook.check_labels(ordered)
            self.codebook.write_labels(ordered)
            where = f"under {parent}" if parent else "to the top level"
            self.codebook.record_change(f"label {label_id} moved {where}",
                                         {"label": label_id, "parent": parent, "position": position})
        return Change(Action.LABEL_MOVED, labels=[label_id], details={"parent": parent})

    def retire(self, label_id: str) -> Change:
        """Hide a label and its sub-labels from new work; their annotations stay as they are."""
        with self.db.atomic():
            labels, target = self._load(label_id)
            ids = [label_id] + descendants(labels, label_id)
            for label in labels:
                if label.id in ids:
                    label.retired = True
                    self.codebook.write_label(label)
            self.codebook.record_change(f"label {label_id} retired", {"labels": ids})
        return Change(Action.LABEL_RETIRED, labels=ids)

    def unretire(self, label_id: str) -> Change:
        """Bring a retired label (and its retired parents) back for new work.

        A shortcut that a live label took meanwhile is cleared, and named in Change.details.
        """
        with self.db.atomic():
            labels, target = self._load(label_id)
            ids = [label_id] + ancestors(labels, label_id)
            cleared: list[str] = []
            for label in labels:
                if label.id in ids and label.retired:
                    label.retired = False
                    if label.shortcut and shortcut_owner(labels, label.shortcut, ignore=label.id):
                        cleared.append(f"{label.id}: {label.shortcut}")
                        label.shortcut = ""
                    self.codebook.write_label(label)
            self.codebook.check_labels(labels)
            self.codebook.record_change(f"label {label_id} brought back",
                                         {"labels": ids, "shortcuts_cleared": cleared})
        return Change(Action.LABEL_BROUGHT_BACK, labels=ids, details={"shortcuts_cleared": cleared})

    def delete(self, label_id: str) -> Change:
        """Delete a label nothing uses: no span or answer (deleted ones included) and no sub-label.

        Attributes that named only this label go with it (no span could hold their values).
        """
        with self.db.atomic():
            labels, target = self._load(label_id)
            usage = self.codebook.usage(label_id)
            if usage.used:
                parts = [counted(n, what) for n, what in (
                    (usage.spans, "span"), (usage.deleted_spans, "deleted span"),
                    (usage.answers, "answer"), (usage.deleted_answers, "deleted answer")) if n]
                raise CodebookError(
                    f"label {_named(target)} is used by {', '.join(parts)}; "
                    "merge it into another label or retire it instead"
                )
            if usage.children:
                raise CodebookError(
                    f"label {_named(target)} has {counted(usage.children, 'sub-label')}; move or delete "
                    f"{'it' if usage.children == 1 else 'them'} first"
                )
            removed: list[str] = []
            for position, attr in enumerate(self.codebook.attributes()):
                if label_id in attr.labels:
                    attr.labels = [other for other in attr.labels if other != label_id]
                    if not attr.labels:
                        self.codebook.delete_attribute(attr.id)
                        removed.append(attr.id)
                    else:
                        self.codebook.write_attribute(attr, position)
            self.db.execute("DELETE FROM labels WHERE id = ?", [label_id])
            self.codebook.renumber()
            self.codebook.record_change(f"label {label_id} deleted",
                                         {"label": label_id, "attributes_removed": removed})
        return Change(Action.LABEL_DELETED, labels=[label_id], details={"attributes_removed": removed})

    def merge(self, merged_id: str, kept_id: str) -> Change:
        """Move every span (or answer) of `merged_id` to `kept_id`, then retire `merged_id`.

        Deleted spans move too. Sub-labels of the merged label move under the kept one (or up a
        level when that would make a cycle). For document questions, the merged question's choices
        join the kept one's; a document where one annotator gave the two questions different
        single answers stops the merge, naming it. The moved ids are kept in the history.
        """
        with self.db.atomic():
            labels, merged = self._load(merged_id)
            kept = next((label for label in labels if label.id == kept_id), None)
            if kept is None:
                raise CodebookError(f"the codebook has no label {kept_id!r}")
            if kept_id == merged_id:
                raise CodebookError(f"cannot merge label {_named(merged)} into itself")
            if kept.kind != merged.kind:
                raise CodebookError(
                    f"cannot merge {_named(merged)} into {_named(kept)}: span labels and document "
                    "questions cannot be merged"
                )
            stamp = now_iso()
            span_ids = [row[0] for row in self.db.execute(
                "SELECT id FROM spans WHERE label_id = ? ORDER BY created", [merged_id])]
            self.db.execute("UPDATE spans SET label_id = ?, updated = ? WHERE label_id = ?",
                            [kept_id, stamp, merged_id])
            answer_ids = self._merge_answers(merged, kept, stamp) if merged.kind == "document" else []
            lifted = kept_id in descendants(labels, merged_id)
            for label in labels:
                if label.parent == merged_id and label.id != kept_id:
                    label.parent = merged.parent if lifted else kept_id
            if kept.parent == merged_id:
                kept.parent = merged.parent
            merged.retired, merged.shortcut = True, ""
            for position, attr in enumerate(self.codebook.attributes()):
                if merged_id in attr.labels and kept_id not in attr.labels:
                    attr.labels.append(kept_id)
                    self.codebook.write_attribute(attr, position)
            ordered = tree_order(labels)
            self.codebook.check_labels(ordered)
            self.codebook.write_labels(ordered)
            self.codebook.record_change(
                f"label {merged_id} merged into {kept_id} ({len(span_ids)} spans, {len(answer_ids)} answers moved)",
                {"merged": merged_id, "kept": kept_id, "spans": span_ids, "answers": answer_ids},
            )
        return Change(Action.LABELS_MERGED, labels=[merged_id, kept_id], spans=span_ids,
                      document_labels=answer_ids, details={"merged": merged_id, "kept": kept_id})

    # -- document questions and their choices (annotator.store.question_editing) -------------------

    def set_question(self, question_id: str, level: str | None = None, multiple: bool | None = None) -> Change:
        """Set a question's level of measurement and whether it takes several answers."""
        return question_editing.set_question(self.db, self.codebook, question_id, level, multiple)

    def add_choice(self, question_id: str, name: str, name_fr: str = "") -> Change:
        """Add a choice to a question (its new id is Change.details["choice"])."""
        return question_editing.add_choice(self.db, self.codebook, question_id, name, name_fr)

    def edit_choice(self, question_id: str, choice_id: str, **fields: str | None) -> Change:
        """Rename or describe a choice (name, name_fr, description, description_fr)."""
        return question_editing.edit_choice(self.db, self.codebook, question_id, choice_id, **fields)

    def move_choice(self, question_id: str, choice_id: str, position: int) -> Change:
        """Put a choice at index `position` of its question's list."""
        return question_editing.move_choice(self.db, self.codebook, question_id, choice_id, position)

    def retire_choice(self, question_id: str, choice_id: str, retired: bool = True) -> Change:
        """Stop (or start again) offering a choice; answers that use it keep it."""
        return question_editing.retire_choice(self.db, self.codebook, question_id, choice_id, retired)

    def delete_choice(self, question_id: str, choice_id: str) -> Change:
        """Delete a choice no answer uses."""
        return question_editing.delete_choice(self.db, self.codebook, question_id, choice_id)

    def _merge_answers(self, merged: Label, kept: Label, stamp: str) -> list[str]:
        """Move a question's answers to another question (inside merge_labels's transaction)."""
        kept_choices = {c.id for c in kept.choices}
        extra = [c for c in merged.choices if c.id not in kept_choices]
        if extra:
            unsure = [c for c in kept.choices if c.id == UNSURE_CHOICE.id]
            kept.choices = [c for c in kept.choices if c.id != UNSURE_CHOICE.id] + \
                [c for c in extra if c.id != UNSURE_CHOICE.id] + \
                (unsure or [c for c in extra if c.id == UNSURE_CHOICE.id])
        rows = self.db.execute(
            "SELECT id, document_id, annotator, value, deleted FROM document_labels WHERE question = ? "
            "ORDER BY deleted, updated", [merged.id]).fetchall()
        plan: list[tuple[str, str, str | None, str | None]] = []  # (id, action, kept row id, new value)
        conflicts: list[str] = []
        for answer_id, document_id, annotator, value, deleted in rows:
            if deleted:
                plan.append((answer_id, "move", None, None))
                continue
            if not kept.multiple and "|" in value:
                raise CodebookError(
                    f"cannot merge {_named(merged)} into {_named(kept)}: some answers hold several "
                    f"choices and {kept.id!r} takes one; make {kept.id!r} a multiple-choice question first"
                )
            other = self.db.execute(
                "SELECT id, value FROM document_labels WHERE question = ? AND document_id = ? AND annotator = ? "
                "AND deleted = 0 ORDER BY updated DESC LIMIT 1", [kept.id, document_id, annotator]).fetchone()
            if other is None:
                plan.append((answer_id, "move", None, None))
            elif kept.multiple:
                parts = other[1].split("|") + [p for p in value.split("|") if p not in other[1].split("|")]
                plan.append((answer_id, "fold", other[0], "|".join(p for p in parts if p)))
            elif other[1] == value:
                plan.append((answer_id, "fold", None, None))
            else:
                conflicts.append(f"{annotator} on document {document_id[:12]} ({value!r} and {other[1]!r})")
        if conflicts:
            more = f" and {len(conflicts) - 1} more" if len(conflicts) > 1 else ""
            raise CodebookError(
                f"cannot merge {_named(merged)} into {_named(kept)}: different answers to the two "
                f"questions by {conflicts[0]}{more}; settle those answers first"
            )
        for answer_id, action, kept_row, new_value in plan:
            if action == "move":
                self.db.execute("UPDATE document_labels SET question = ?, updated = ? WHERE id = ?",
                                [kept.id, stamp, answer_id])
            else:
                # The kept question already holds this annotator's answer: fold this one into it and
                # keep the moved row as a tombstone, so nothing is lost from the record.
                if kept_row is not None:
                    self.db.execute("UPDATE document_labels SET value = ?, updated = ? WHERE id = ?",
                                    [new_value, stamp, kept_row])
                self.db.execute("UPDATE document_labels SET question = ?, deleted = 1, updated = ? WHERE id = ?",
                                [kept.id, stamp, answer_id])
        return [answer_id for answer_id, *_ in plan]
