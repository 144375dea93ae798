"""The project's codebook: labels, questions and attributes, with a recorded version history."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from annotator.core.change import Action, Change
from annotator.core.codebook import Codebook, check_codebook, codebook_from_dict, codebook_to_dict
from annotator.core.codebook_diff import CodebookDiff
from annotator.core.codebook_tree import tree_order
from annotator.core.errors import CodebookError, NotFound
from annotator.core.model import AttributeDef, Choice, Label, now_iso
from annotator.store import attribute_editing
from annotator.store.codebook_import import plan_import
from annotator.store.meta import ProjectMeta
from annotator.store.rows import label_from_row, label_to_row
from annotator.store.transactions import ProjectDatabase

_META_KEYS = ("id", "name", "name_fr", "source", "description", "description_fr")


@dataclass
class LabelUsage:
    """How many annotations use a label, deleted ones (tombstones) counted apart."""

    spans: int = 0
    deleted_spans: int = 0
    answers: int = 0
    deleted_answers: int = 0
    children: int = 0

    @property
    def used(self) -> bool:
        """True when any annotation, live or deleted, refers to the label."""
        return bool(self.spans or self.deleted_spans or self.answers or self.deleted_answers)


class CodebookStore:
    """The labels, attributes and codebook_history tables: reading, installing, importing, history.

    Editing single labels is `LabelEditor` (project.labels), built on this store.
    """

    def __init__(self, db: ProjectDatabase, meta: ProjectMeta):
        self.db = db
        self.meta = meta

    # -- reading ----------------------------------------------------------------------------

    def version(self) -> int:
        """The number of the latest recorded codebook change (0 before any codebook)."""
        return self.db.execute("SELECT coalesce(max(version), 0) FROM codebook_history").fetchone()[0]

    def labels(self, kind: str | None = None, include_retired: bool = True) -> list[Label]:
        """The codebook's labels in codebook order."""
        sql, params = "SELECT * FROM labels WHERE 1", []
        if kind:
            sql += " AND kind = ?"
            params.append(kind)
        if not include_retired:
            sql += " AND retired = 0"
        cursor = self.db.execute(sql + " ORDER BY position, id", params)
        names = [c[0] for c in cursor.description]
        return [label_from_row(dict(zip(names, row))) for row in cursor.fetchall()]

    def label(self, label_id: str) -> Label:
        """The label or question with this id (NotFound when absent)."""
        cursor = self.db.execute("SELECT * FROM labels WHERE id = ?", [label_id])
        row = cursor.fetchone()
        if row is None:
            raise NotFound("label", label_id)
        return label_from_row(dict(zip([c[0] for c in cursor.description], row)))

    def attributes(self) -> list[AttributeDef]:
        """The span attributes of the codebook, in codebook order."""
        rows = self.db.execute(
            "SELECT id, name, type, choices, labels, name_fr, description, description_fr, multiple, "
            "choice_details, retired FROM attributes ORDER BY position, rowid"
        ).fetchall()
        return [
            AttributeDef(id=r[0], name=r[1], type=r[2], choices=json.loads(r[3]),
                         labels=json.loads(r[4]), name_fr=r[5], description=r[6],
                         description_fr=r[7], multiple=bool(r[8]),
                         choice_details=[Choice(**c) for c in json.loads(r[9])], retired=bool(r[10]))
            for r in rows
        ]

    def current(self) -> Codebook:
        """The project's current codebook as one record."""
        meta = json.loads(self.meta.get("codebook", "{}") or "{}")
        return Codebook(
            id=meta.get("id", "project"), name=meta.get("name", "Project codebook"),
            name_fr=meta.get("name_fr", ""), version=str(self.version()),
            source=meta.get("source", ""), description=meta.get("description", ""),
            description_fr=meta.get("description_fr", ""),
            labels=self.labels(), attributes=self.attributes(),
        )

    def at(self, version: int) -> Codebook:
        """The codebook as it was right after change number `version` (NotFound when unknown)."""
        row = self.db.execute("SELECT snapshot FROM codebook_history WHERE version = ?", [version]).fetchone()
        if row is None:
            raise NotFound("codebook version", str(version))
        return codebook_from_dict(json.loads(row[0]))

    def history(self) -> list[dict[str, Any]]:
        """Every recorded codebook change, oldest first (version, time, change, details)."""
        rows = self.db.execute(
            "SELECT version, time, change, details FROM codebook_history ORDER BY version"
        ).fetchall()
        return [{"version": v, "time": t, "change": c, "details": json.loads(d)} for v, t, c, d in rows]

    def usage(self, label_id: str) -> LabelUsage:
        """How many spans, document answers and sub-labels refer to a label."""
        q = self.db.execute
        spans = dict(q("SELECT deleted, count(*) FROM spans WHERE label_id = ? GROUP BY deleted", [label_id]))
        answers = dict(q("SELECT deleted, count(*) FROM document_labels WHERE question = ? GROUP BY deleted",
                         [label_id]))
        children = q("SELECT count(*) FROM labels WHERE parent = ?", [label_id]).fetchone()[0]
        return LabelUsage(spans=spans.get(0, 0), deleted_spans=spans.get(1, 0),
                          answers=answers.get(0, 0), deleted_answers=answers.get(1, 0), children=children)

    def used_choices(self, question: str) -> set[str]:
        """The choices of a question that answers (deleted ones included) use."""
        rows = self.db.execute("SELECT value FROM document_labels WHERE question = ?", [question])
        return {part for (value,) in rows for part in value.split("|") if part}

    # -- writing helpers (inside the caller's transaction) -----------------------------------

    def record_change(self, description: str, details: dict[str, Any] | None = None) -> int:
        """Append a history entry with a snapshot; must run inside a transaction."""
        version = self.version() + 1
        book = self.current()
        book.version = str(version)
        self.db.execute(
            "INSERT INTO codebook_history (version, time, change, snapshot, details) VALUES (?, ?, ?, ?, ?)",
            [version, now_iso(), description, json.dumps(codebook_to_dict(book), ensure_ascii=False),
             json.dumps(details or {}, ensure_ascii=False)],
        )
        return version

    def write_label(self, label: Label) -> None:
        """Insert or replace one label row (inside the caller's transaction)."""
        row = label_to_row(label, now_iso())
        cols = ", ".join(row)
        marks = ", ".join("?" for _ in row)
        updates = ", ".join(f"{col} = excluded.{col}" for col in row if col != "id")
        self.db.execute(
            f"INSERT INTO labels ({cols}) VALUES ({marks}) ON CONFLICT(id) DO UPDATE SET {updates}",
            list(row.values()),
        )

    def write_labels(self, labels: list[Label]) -> None:
        for label in labels:
            self.write_label(label)

    def write_attribute(self, attr: AttributeDef, position: int) -> None:
        """Insert or replace one attribute definition (inside the caller's transaction)."""
        self.db.execute(
            "INSERT INTO attributes (id, name, type, choices, labels, name_fr, description, description_fr, "
            "multiple, choice_details, position, retired) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT(id) DO UPDATE SET name = excluded.name, type = excluded.type, "
            "choices = excluded.choices, labels = excluded.labels, name_fr = excluded.name_fr, "
            "description = excluded.description, description_fr = excluded.description_fr, "
            "multiple = excluded.multiple, choice_details = excluded.choice_details, "
            "position = excluded.position, retired = excluded.retired",
            [attr.id, attr.name, attr.type, json.dumps(attr.choices, ensure_ascii=False),
             json.dumps(attr.labels), attr.name_fr, attr.description, attr.description_fr,
             int(attr.multiple), json.dumps([vars(c) for c in attr.choice_details], ensure_ascii=False),
             position, int(attr.retired)],
        )

    def delete_attribute(self, attribute_id: str) -> None:
        self.db.execute("DELETE FROM attributes WHERE id = ?", [attribute_id])

    def write_header(self, book: Codebook) -> None:
        """Store the codebook's id, names, source and descriptions (inside the caller's transaction)."""
        self.meta.put("codebook", json.dumps({key: getattr(book, key) for key in _META_KEYS}, ensure_ascii=False))

    def check_labels(self, labels: list[Label], attributes: list[AttributeDef] | None = None) -> None:
        """Raise CodebookError unless these labels (and attributes) make a sound codebook."""
        attrs = self.attributes() if attributes is None else attributes
        check_codebook(Codebook(id="check", name="check", labels=labels, attributes=attrs))

    def renumber(self) -> None:
        """Store every label's position in tree order (parents before children)."""
        for label in tree_order(self.labels()):
            self.db.execute("UPDATE labels SET position = ? WHERE id = ? AND position != ?",
                            [label.position, label.id, label.position])

    # -- installing and generic edits ----------------------------------------------------------

    def install(self, book: Codebook, description: str | None = None) -> Change:
        """Install a codebook in a project that has none yet (see import_book otherwise)."""
        check_codebook(book)
        with self.db.atomic():
            if self.db.execute("SELECT count(*) FROM labels").fetchone()[0]:
                raise CodebookError("this project has a codebook already; import it to merge instead")
            self.write_labels(book.labels)
            for position, attr in enumerate(book.attributes):
                self.write_attribute(attr, position)
            self.write_header(book)
            self.record_change(description or f"codebook {book.name} installed")
        return Change(Action.CODEBOOK_INSTALLED, labels=[label.id for label in book.labels])

    def add_label(self, label: Label, description: str | None = None) -> Change:
        """Add one label to the codebook (last among its siblings); its id must be new and its shortcut free."""
        with self.db.atomic():
            labels = self.labels()
            if any(existing.id == label.id for existing in labels):
                raise CodebookError(f"label id {label.id!r} is used already")
            label.position = max((existing.position for existing in labels), default=-1) + 1
            self.check_labels(labels + [label])
            self.write_label(label)
            self.renumber()
            self.record_change(description or f"label {label.id} added", {"label": label.id})
        return Change(Action.LABEL_ADDED, labels=[label.id])

    # -- span attributes (annotator.store.attribute_editing) ----------------------------------------

    def add_attribute(self, name: str, type: str = "text", choices=(), labels=(), name_fr: str = "",
                      multiple: bool = False) -> Change:
        """Add a span attribute; see attribute_editing.add_attribute."""
        return attribute_editing.add_attribute(self, name, type, choices, labels, name_fr, multiple)

    def edit_attribute(self, attribute_id: str, **fields: Any) -> Change:
        """Change an attribute's names, description, labels, multiple values or choices; see edit_attribute."""
        return attribute_editing.edit_attribute(self, attribute_id, **fields)

    def move_attribute(self, attribute_id: str, position: int) -> Change:
        """Put an attribute at index `position`."""
        return attribute_editing.move_attribute(self, attribute_id, position)

    def retire_attribute(self, attribute_id: str, retired: bool = True) -> Change:
        """Stop (or start again) asking for an attribute on spans; values stay."""
        return attribute_editing.retire_attribute(self, attribute_id, retired)

    def remove_attribute(self, attribute_id: str) -> Change:
        """Delete an attribute no span holds a value for."""
        return attribute_editing.remove_attribute(self, attribute_id)

    def attribute_usage(self, attribute_id: str) -> int:
        """How many spans hold a value for the attribute."""
        return attribute_editing.attribute_usage(self.db, attribute_id)

    # -- importing a codebook file ---------------------------------------------------------------

    def preview_import(self, book: Codebook) -> CodebookDiff:
        """What importing `book` would add, change and leave out, without writing anything."""
        diff = plan_import(self, book)[2]
        self._note_name(book, diff)
        return diff

    def _note_name(self, book: Codebook, diff: CodebookDiff) -> None:
        current = self.current()
        if self.db.execute("SELECT count(*) FROM labels").fetchone()[0] and book.name != current.name:
            diff.notes.append(f"the project's codebook keeps its name {current.name!r} (the file's is {book.name!r})")

    def import_book(self, book: Codebook) -> Change:
        """Import a codebook, matching labels by id; labels the file lacks are kept as they are.

        Changed labels take the file's names, colours, shortcuts, parents and descriptions, but a label never
        takes a key another label of the project has; choices that answers use are kept; nothing that an
        annotation refers to is removed. Into a project that has a codebook, the codebook keeps its own
        name. The report (a CodebookDiff, every change field by field) is in `Change.details["report"]`;
        `preview_import` gives the same report without writing.
        """
        with self.db.atomic():
            labels, attributes, diff = plan_import(self, book)
            self._note_name(book, diff)
            meta_before = {key: getattr(self.current(), key) for key in _META_KEYS}
            has_book = bool(self.db.execute("SELECT count(*) FROM labels").fetchone()[0])
            meta_after = meta_before if has_book else {key: getattr(book, key) for key in _META_KEYS}
            if diff.is_empty and not diff.notes and meta_before == meta_after:
                return Change(Action.CODEBOOK_UNCHANGED, details={"report": diff})
            self.check_labels(labels, attributes)
            self.write_labels(labels)
            self.renumber()
            kept_ids = {attr.id for attr in attributes}
            for (attr_id,) in self.db.execute("SELECT id FROM attributes").fetchall():
                if attr_id not in kept_ids:
                    self.delete_attribute(attr_id)
            for position, attr in enumerate(attributes):
                self.write_attribute(attr, position)
            if not has_book:  # a project's codebook keeps its own name and description
                self.write_header(book)
            self.record_change(
                f"codebook {book.name} imported ({len(diff.new)} new, {len(diff.changed)} changed, "
                f"{len(diff.missing)} kept though missing from the file)",
                diff.as_dict(),
            )
        return Change(Action.CODEBOOK_IMPORTED, labels=diff.new + list(diff.changed), details={"report": diff})
