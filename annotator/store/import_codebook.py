"""What one imported file adds to the codebook: labels and questions, choices, attributes, the header;
written as they come inside the import's transaction, checked and recorded once at the end."""

from __future__ import annotations

import json
from typing import Iterable

from annotator.core.codebook import Codebook, check_codebook
from annotator.core.errors import CodebookError
from annotator.core.model import AttributeDef, Choice, Label, now_iso
from annotator.core.wording import counted
from annotator.store.codebook_store import CodebookStore
from annotator.store.rows import label_to_row
from annotator.store.transactions import ProjectDatabase


class CodebookAdditions:
    """The codebook as one import changes it: lookups of label kinds and question choices, and the
    additions (several labels in one write, one history entry for the whole file)."""

    def __init__(self, db: ProjectDatabase, codebook: CodebookStore):
        self.db = db
        self.codebook = codebook
        self.version = codebook.version()
        self._kinds = dict(db.execute("SELECT id, kind FROM labels").fetchall())
        self._choices = {row[0]: {c["id"] for c in json.loads(row[1])}
                         for row in db.execute("SELECT id, choices FROM labels WHERE kind = 'document'")}
        self._next_position = db.execute("SELECT coalesce(max(position), -1) + 1 FROM labels").fetchone()[0]
        self.new_labels: list[str] = []
        self.new_attributes: list[str] = []
        self.new_choices: dict[str, list[str]] = {}
        self.header: Codebook | None = None

    def kind(self, label_id: str) -> str | None:
        """"span" or "document" for a label of the codebook (None for an unknown id)."""
        return self._kinds.get(label_id)

    def choices(self, question: str) -> set[str] | None:
        """The choice ids of a question (None when `question` is not one)."""
        return self._choices.get(question)

    @property
    def changed(self) -> bool:
        return bool(self.new_labels or self.new_attributes or self.new_choices or self.header)

    @property
    def span_version(self) -> int:
        """The codebook version spans stored now belong to: the one `finish` will record when this
        import changes the codebook, else the current one."""
        return self.version + 1 if self.changed else self.version

    def add_labels(self, labels: Iterable[Label]) -> list[str]:
        """Add new labels and questions (parents before children) in one write; ids must be new."""
        added = []
        rows = []
        stamp = now_iso()
        for label in labels:
            if label.id in self._kinds:
                raise CodebookError(f"label id {label.id!r} is used already")
            if label.parent is not None and self._kinds.get(label.parent) != label.kind:
                raise CodebookError(f"label {label.id!r}: its parent {label.parent!r} is not a "
                                    f"{'question' if label.kind == 'document' else 'span label'} of the codebook")
            label.position = self._next_position
            self._next_position += 1
            self._kinds[label.id] = label.kind
            if label.kind == "document":
                self._choices[label.id] = {c.id for c in label.choices}
            rows.append(label_to_row(label, stamp))
            added.append(label.id)
        if rows:
            columns = list(rows[0])
            self.db.executemany(
                f"INSERT INTO labels ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)})",
                [list(row.values()) for row in rows])
        self.new_labels += added
        return added

    def add_choices(self, question: str, choices: Iterable[Choice]) -> list[str]:
        """Add choices to a question of the codebook (those it has already are left out)."""
        if self._kinds.get(question) != "document":
            raise CodebookError(f"{question!r} is not a document question of the codebook")
        (raw,) = self.db.execute("SELECT choices FROM labels WHERE id = ?", [question]).fetchone()
        current = json.loads(raw)
        known = {c["id"] for c in current}
        added = [c for c in choices if c.id not in known]
        if added:
            current += [vars(c) for c in added]
            self.db.execute("UPDATE labels SET choices = ?, updated = ? WHERE id = ?",
                            [json.dumps(current, ensure_ascii=False), now_iso(), question])
            self._choices[question] |= {c.id for c in added}
            self.new_choices.setdefault(question, []).extend(c.id for c in added)
        return [c.id for c in added]

    def add_attributes(self, attributes: Iterable[AttributeDef]) -> list[str]:
        """Add span attributes the codebook lacks; for one it has, add the choices it lacks."""
        existing = {a.id: a for a in self.codebook.attributes()}
        positions = dict(self.db.execute("SELECT id, position FROM attributes").fetchall())
        position = max(positions.values(), default=-1) + 1
        added = []
        for attr in attributes:
            for label_id in attr.labels:
                if self._kinds.get(label_id) != "span":
                    raise CodebookError(f"attribute {attr.id!r} names {label_id!r}, which is not a span label")
            have = existing.get(attr.id)
            if have is None:
                self.codebook.write_attribute(attr, position)
                existing[attr.id] = attr
                position += 1
                added.append(attr.id)
                continue
            missing = [c for c in attr.choice_details if c.id not in set(have.choices)]
            if missing:
                have.choice_details += missing
                have.choices += [c.id for c in missing]
                self.codebook.write_attribute(have, positions[attr.id])
                added.append(attr.id)
        self.new_attributes += added
        return added

    def set_header(self, book: Codebook) -> None:
        """Take a codebook's id, names and description (for a project that had no codebook)."""
        self.codebook.write_header(book)
        self.header = book

    def finish(self) -> None:
        """Check the codebook the import made and record it once in the history (when it changed)."""
        if not self.changed:
            return
        try:
            check_codebook(Codebook(id="check", name="check", labels=self.codebook.labels(),
                                    attributes=self.codebook.attributes()))
        except CodebookError as exc:
            raise CodebookError(f"the labels this import adds do not fit the codebook: {exc}") from None
        if self.new_labels:
            self.codebook.renumber()
        parts = []
        if self.new_labels:
            parts.append(counted(len(self.new_labels), "label"))
        if self.new_attributes:
            parts.append(counted(len(self.new_attributes), "attribute"))
        if self.new_choices:
            parts.append(f"choices of {counted(len(self.new_choices), 'question')}")
        description = (f"{' and '.join(parts)} added by an import" if parts
                       else f"codebook {self.header.name if self.header else ''} taken from an import")
        self.codebook.record_change(description, {"labels": self.new_labels, "attributes": self.new_attributes,
                                                  "choices": self.new_choices})
