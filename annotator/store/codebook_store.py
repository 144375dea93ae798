"""The project's codebook: labels, questions and attributes, with a recorded version history."""

from __future__ import annotations

import json
from typing import Any

from annotator.core.change import Change
from annotator.core.codebook import Codebook, check_codebook, codebook_from_dict, codebook_to_dict
from annotator.core.model import AttributeDef, Label, now_iso
from annotator.store.rows import label_from_row, label_to_row


class CodebookStore:
    """Mixin of Project: labels, attributes and codebook_history tables."""

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
        for label in self.labels():
            if label.id == label_id:
                return label
        raise KeyError(label_id)

    def attributes(self) -> list[AttributeDef]:
        rows = self.db.execute(
            "SELECT id, name, type, choices, labels, name_fr, description FROM attributes ORDER BY rowid"
        ).fetchall()
        return [
            AttributeDef(id=r[0], name=r[1], type=r[2], choices=json.loads(r[3]),
                         labels=json.loads(r[4]), name_fr=r[5], description=r[6])
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

    def _record_codebook_change(self, description: str) -> int:
        """Append a history entry with a snapshot; must run inside a transaction."""
        version = self.codebook_version() + 1
        snapshot = codebook_to_dict(self.codebook())
        self.db.execute(
            "INSERT INTO codebook_history (version, time, change, snapshot) VALUES (?, ?, ?, ?)",
            [version, now_iso(), description, json.dumps(snapshot, ensure_ascii=False)],
        )
        return version

    def _write_label(self, label: Label) -> None:
        row = label_to_row(label, now_iso())
        cols = ", ".join(row)
        marks = ", ".join("?" for _ in row)
        self.db.execute(f"INSERT OR REPLACE INTO labels ({cols}) VALUES ({marks})", list(row.values()))

    def _write_attribute(self, attr: AttributeDef) -> None:
        self.db.execute(
            "INSERT OR REPLACE INTO attributes (id, name, type, choices, labels, name_fr, description) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            [attr.id, attr.name, attr.type, json.dumps(attr.choices, ensure_ascii=False),
             json.dumps(attr.labels), attr.name_fr, attr.description],
        )

    def set_codebook(self, book: Codebook, description: str | None = None) -> Change:
        """Install a codebook in a project that has none yet (see merge_codebook otherwise)."""
        check_codebook(book)
        with self.db.atomic():
            if self.db.execute("SELECT count(*) FROM labels").fetchone()[0]:
                from annotator.core.errors import CodebookError

                raise CodebookError("this project has a codebook already; import it to merge instead")
            for label in book.labels:
                self._write_label(label)
            for attr in book.attributes:
                self._write_attribute(attr)
            meta = {k: getattr(book, k) for k in ("id", "name", "name_fr", "source", "description", "description_fr")}
            self.db["meta"].insert({"key": "codebook", "value": json.dumps(meta, ensure_ascii=False)}, replace=True)
            self._record_codebook_change(description or f"codebook {book.name} installed")
        return Change("codebook installed", labels=[label.id for label in book.labels])

    def add_label(self, label: Label, description: str | None = None) -> Change:
        """Add one label to the codebook; its id must be new and its shortcut free."""
        with self.db.atomic():
            labels = self.labels()
            label.position = max((l.position for l in labels), default=-1) + 1
            candidate = Codebook(id="check", name="check", labels=labels + [label], attributes=self.attributes())
            check_codebook(candidate)
            self._write_label(label)
            self._record_codebook_change(description or f"label {label.id} added")
        return Change("label added", labels=[label.id])

    def update_label(self, label_id: str, description: str | None = None, **fields: Any) -> Change:
        """Change a label's name, colour, shortcut, parent, description...; its id never changes."""
        if "id" in fields:
            from annotator.core.errors import CodebookError

            raise CodebookError("a label's id never changes; rename it instead")
        with self.db.atomic():
            labels = self.labels()
            target = next((l for l in labels if l.id == label_id), None)
            if target is None:
                raise KeyError(label_id)
            for key, value in fields.items():
                if not hasattr(target, key):
                    from annotator.core.errors import CodebookError

                    raise CodebookError(f"labels have no field {key!r}")
                setattr(target, key, value)
            check_codebook(Codebook(id="check", name="check", labels=labels, attributes=self.attributes()))
            self._write_label(target)
            self._record_codebook_change(
                description or f"label {label_id} changed ({', '.join(sorted(fields))})"
            )
        return Change("label changed", labels=[label_id], details={"fields": sorted(fields)})

    def codebook_history(self) -> list[dict[str, Any]]:
        """Every recorded codebook change, oldest first (version, time, change)."""
        rows = self.db.execute("SELECT version, time, change FROM codebook_history ORDER BY version").fetchall()
        return [{"version": v, "time": t, "change": c} for v, t, c in rows]

    def install_codebook_dict(self, data: Any) -> Change:
        """Validate a codebook's JSON shape and install it (for a new project)."""
        return self.set_codebook(codebook_from_dict(data))
