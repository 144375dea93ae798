"""The project's codebook: labels, questions and attributes, with a recorded version history."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from annotator.core.change import Change
from annotator.core.codebook import Codebook, check_codebook, codebook_from_dict, codebook_to_dict
from annotator.core.errors import CodebookError
from annotator.core.model import AttributeDef, Choice, Label, now_iso
from annotator.store.codebook_editing import CodebookEditing
from annotator.store.codebook_import import CodebookImport
from annotator.store.rows import label_from_row, label_to_row

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


class CodebookStore(CodebookEditing, CodebookImport):
    """Mixin of Project: labels, attributes and codebook_history tables."""

    # -- reading ----------------------------------------------------------------------------

    def codebook_version(self) -> int:
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
        """The label or question with this id (KeyError when absent)."""
        cursor = self.db.execute("SELECT * FROM labels WHERE id = ?", [label_id])
        row = cursor.fetchone()
        if row is None:
            raise KeyError(label_id)
        return label_from_row(dict(zip([c[0] for c in cursor.description], row)))

    def attributes(self) -> list[AttributeDef]:
        """The span attributes of the codebook, in codebook order."""
        rows = self.db.execute(
            "SELECT id, name, type, choices, labels, name_fr, description, description_fr, multiple, "
            "choice_details FROM attributes ORDER BY position, rowid"
        ).fetchall()
        return [
            AttributeDef(id=r[0], name=r[1], type=r[2], choices=json.loads(r[3]),
                         labels=json.loads(r[4]), name_fr=r[5], description=r[6],
                         description_fr=r[7], multiple=bool(r[8]),
                         choice_details=[Choice(**c) for c in json.loads(r[9])])
            for r in rows
        ]

    def codebook(self) -> Codebook:
        """The project's current codebook as one record."""
        meta = json.loads(self.setting("codebook", "{}") or "{}")
        return Codebook(
            id=meta.get("id", "project"), name=meta.get("name", "Project codebook"),
            name_fr=meta.get("name_fr", ""), version=str(self.codebook_version()),
            source=meta.get("source", ""), description=meta.get("description", ""),
            description_fr=meta.get("description_fr", ""),
            labels=self.labels(), attributes=self.attributes(),
        )

    def codebook_at(self, version: int) -> Codebook:
        """The codebook as it was right after change number `version` (KeyError when unknown)."""
        row = self.db.execute("SELECT snapshot FROM codebook_history WHERE version = ?", [version]).fetchone()
        if row is None:
            raise KeyError(f"codebook version {version}")
        return codebook_from_dict(json.loads(row[0]))

    def codebook_history(self) -> list[dict[str, Any]]:
        """Every recorded codebook change, oldest first (version, time, change, details)."""
        rows = self.db.execute(
            "SELECT version, time, change, details FROM codebook_history ORDER BY version"
        ).fetchall()
        return [{"version": v, "time": t, "change": c, "details": json.loads(d)} for v, t, c, d in rows]

    def label_usage(self, label_id: str) -> LabelUsage:
        """How many spans, document answers and sub-labels refer to a label."""
        q = self.db.execute
        spans = dict(q("SELECT deleted, count(*) FROM spans WHERE label_id = ? GROUP BY deleted", [label_id]))
        answers = dict(q("SELECT deleted, count(*) FROM document_labels WHERE question = ? GROUP BY deleted",
                         [label_id]))
        children = q("SELECT count(*) FROM labels WHERE parent = ?", [label_id]).fetchone()[0]
        return LabelUsage(spans=spans.get(0, 0), deleted_spans=spans.get(1, 0),
                          answers=answers.get(0, 0), deleted_answers=answers.get(1, 0), children=children)

    # -- writing helpers (inside a transaction) ----------------------------------------------

    def _record_codebook_change(self, description: str, details: dict[str, Any] | None = None) -> int:
        """Append a history entry with a snapshot; must run inside a transaction."""
        version = self.codebook_version() + 1
        book = self.codebook()
        book.version = str(version)
        self.db.execute(
            "INSERT INTO codebook_history (version, time, change, snapshot, details) VALUES (?, ?, ?, ?, ?)",
            [version, now_iso(), description, json.dumps(codebook_to_dict(book), ensure_ascii=False),
             json.dumps(details or {}, ensure_ascii=False)],
        )
        return version

    def _write_label(self, label: Label) -> None:
        row = label_to_row(label, now_iso())
        cols = ", ".join(row)
        marks = ", ".join("?" for _ in row)
        updates = ", ".join(f"{col} = excluded.{col}" for col in row if col != "id")
        self.db.execute(
            f"INSERT INTO labels ({cols}) VALUES ({marks}) ON CONFLICT(id) DO UPDATE SET {updates}",
            list(row.values()),
        )

    def _write_labels(self, labels: list[Label]) -> None:
        for label in labels:
            self._write_label(label)

    def _write_attribute(self, attr: AttributeDef, position: int) -> None:
        self.db.execute(
            "INSERT INTO attributes (id, name, type, choices, labels, name_fr, description, description_fr, "
            "multiple, choice_details, position) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT(id) DO UPDATE SET name = excluded.name, type = excluded.type, "
            "choices = excluded.choices, labels = excluded.labels, name_fr = excluded.name_fr, "
            "description = excluded.description, description_fr = excluded.description_fr, "
            "multiple = excluded.multiple, choice_details = excluded.choice_details, "
            "position = excluded.position",
            [attr.id, attr.name, attr.type, json.dumps(attr.choices, ensure_ascii=False),
             json.dumps(attr.labels), attr.name_fr, attr.description, attr.description_fr,
             int(attr.multiple), json.dumps([vars(c) for c in attr.choice_details], ensure_ascii=False),
             position],
        )

    def _write_codebook_meta(self, book: Codebook) -> None:
        meta = {key: getattr(book, key) for key in _META_KEYS}
        self.db["meta"].insert({"key": "codebook", "value": json.dumps(meta, ensure_ascii=False)}, replace=True)

    def _check_labels(self, labels: list[Label], attributes: list[AttributeDef] | None = None) -> None:
        attrs = self.attributes() if attributes is None else attributes
        check_codebook(Codebook(id="check", name="check", labels=labels, attributes=attrs))

    # -- installing and generic edits ----------------------------------------------------------

    def set_codebook(self, book: Codebook, description: str | None = None) -> Change:
        """Install a codebook in a project that has none yet (see import_codebook otherwise)."""
        check_codebook(book)
        with self.db.atomic():
            if self.db.execute("SELECT count(*) FROM labels").fetchone()[0]:
                raise CodebookError("this project has a codebook already; import it to merge instead")
            self._write_labels(book.labels)
            for position, attr in enumerate(book.attributes):
                self._write_attribute(attr, position)
            self._write_codebook_meta(book)
            self._record_codebook_change(description or f"codebook {book.name} installed")
        return Change("codebook installed", labels=[label.id for label in book.labels])

    def add_label(self, label: Label, description: str | None = None) -> Change:
        """Add one label to the codebook (last among its siblings); its id must be new and its shortcut free."""
        with self.db.atomic():
            labels = self.labels()
            if any(existing.id == label.id for existing in labels):
                raise CodebookError(f"label id {label.id!r} is used already")
            label.position = max((existing.position for existing in labels), default=-1) + 1
            self._check_labels(labels + [label])
            self._write_label(label)
            self._renumber()
            self._record_codebook_change(description or f"label {label.id} added", {"label": label.id})
        return Change("label added", labels=[label.id])

    def update_label(self, label_id: str, description: str | None = None, **fields: Any) -> Change:
        """Change a label's name, colour, shortcut, parent, description...; its id never changes."""
        if "id" in fields:
            raise CodebookError("a label's id never changes; rename it instead")
        with self.db.atomic():
            labels = self.labels()
            target = next((label for label in labels if label.id == label_id), None)
            if target is None:
                raise KeyError(label_id)
            for key, value in fields.items():
                if key in ("kind", "position") or not hasattr(target, key):
                    raise CodebookError(f"a label's field {key!r} cannot be changed this way")
                setattr(target, key, value)
            self._check_labels(labels)
            self._write_label(target)
            self._record_codebook_change(
                description or f"label {label_id} changed ({', '.join(sorted(fields))})",
                {"label": label_id, "fields": sorted(fields)},
            )
        return Change("label changed", labels=[label_id], details={"fields": sorted(fields)})

    def install_codebook_dict(self, data: Any) -> Change:
        """Validate a codebook's JSON shape and install it (for a new project)."""
        return self.set_codebook(codebook_from_dict(data))
