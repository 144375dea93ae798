"""Matching the labels and questions of imported files to the codebook, and making the missing ones."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field

from annotator.core.codebook import SAFE_PALETTE
from annotator.core.model import Choice, Label
from annotator.io.readers.base import ImportedLabel

_COLOUR_RE = re.compile(r"^#[0-9A-Fa-f]{6}$")


def _key(name: str) -> str:
    return re.sub(r"[\W_]+", "", name.casefold())


def slug(name: str, prefix: str = "label") -> str:
    """An ASCII id for a name: accents dropped (Délégitimation -> Delegitimation); a name with no
    Latin letter (中文标签) gets `prefix` and a short hash, stable for the same name."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    cleaned = re.sub(r"[^A-Za-z0-9_.:-]+", "-", ascii_name.strip()).strip("-.:")[:72]
    if cleaned and re.search(r"[A-Za-z0-9]", cleaned):
        return cleaned
    return f"{prefix}-{hashlib.sha1(name.encode('utf-8')).hexdigest()[:8]}"


@dataclass
class LabelResolver:
    """Finds the codebook label an imported name means; makes a new imported label when none does."""

    labels: list[Label]
    new: list[Label] = field(default_factory=list)

    def _all(self, kind: str) -> list[Label]:
        return [label for label in self.labels + self.new if label.kind == kind]

    def _match(self, names: list[str], kind: str, parent_id: str | None = None,
               key: str = "", loosely_new: bool = True) -> Label | None:
        """A label of `kind` with id `key`, else named one of `names` (exactly, then loosely: case
        and punctuation aside); among several, the one under `parent_id`. Labels made by this import
        match loosely only when `loosely_new`."""
        candidates = self._all(kind)
        if key:
            found = next((l for l in candidates if l.id == key), None)
            if found is not None:
                return found
        for loose in (False, True):
            wanted = {(_key(n) if loose else n.strip().casefold()) for n in names if n and n.strip()}
            wanted.discard("")
            matches = []
            for label in candidates if not loose or loosely_new else [l for l in candidates if l not in self.new]:
                own = [label.name, label.name_fr] + ([label.id] if loose else [])
                if any((_key(n) if loose else n.strip().casefold()) in wanted for n in own if n):
                    matches.append(label)
            if matches:
                return next((l for l in matches if l.parent == parent_id), matches[0])
        return None

    def resolve(self, name: str, source: str) -> str:
        """The label id for `name`: an id, name or French name of a span label, ignoring case and punctuation."""
        name = name.strip()
        found = self._match([name], "span", key=name)
        return found.id if found is not None else self._create(name, source).id

    def define(self, entry: ImportedLabel, parent_id: str | None, source: str) -> Label:
        """The codebook label (or question) a file's entry means; made (marked imported) when missing."""
        kind = "document" if entry.kind == "document" else "span"
        # Two entries of one file that differ ("loaded term", "loaded_term") stay two labels.
        found = self._match([entry.name, entry.key], kind, parent_id, key=entry.key, loosely_new=False)
        if found is not None:
            return found
        if kind == "document":
            return self._create_question(entry, source)
        colour = entry.color.upper() if _COLOUR_RE.match(entry.color or "") else ""
        return self._create(entry.name, source, parent=parent_id, colour=colour, description=entry.description)

    def choice_ids(self, question: Label, values: list[str]) -> tuple[list[str], list[str]]:
        """The choice ids of `values` (ids or names); values a new question lacks are added to it.

        Returns (ids, values an existing question has no choice for).
        """
        ids, unknown = [], []
        for value in values:
            value = value.strip()
            if not value:
                continue
            choice = next((c for c in question.choices if c.id == value), None) or next(
                (c for c in question.choices
                 if value.casefold() in {c.name.casefold(), (c.name_fr or "").casefold()}), None)
            if choice is None and any(question is label for label in self.new):
                choice = Choice(id=self._free_choice_id(question, value), name=value)
                question.choices.append(choice)
            if choice is None:
                unknown.append(value)
            elif choice.id not in ids:
                ids.append(choice.id)
        return ids, unknown

    @staticmethod
    def _free_choice_id(question: Label, value: str) -> str:
        taken = {c.id for c in question.choices}
        base = slug(value, "choice")
        choice_id, n = base, 2
        while choice_id in taken:
            choice_id, n = f"{base}-{n}", n + 1
        return choice_id

    def _free_id(self, base: str) -> str:
        taken = {l.id for l in self.labels + self.new}
        label_id, n = base, 2
        while label_id in taken:
            label_id, n = f"{base}-{n}", n + 1
        return label_id

    def _colour(self) -> str:
        used = {l.color.upper() for l in self.labels + self.new}
        return next((c for c in SAFE_PALETTE if c not in used), SAFE_PALETTE[len(self.new) % len(SAFE_PALETTE)])

    def _create(self, name: str, source: str, base: str = "", parent: str | None = None,
                colour: str = "", description: str = "") -> Label:
        label = Label(id=self._free_id(base or slug(name)), name=name, kind="span", parent=parent,
                      color=colour or self._colour(), imported=True,
                      description=description or f"Added by the import of {source}.")
        self.new.append(label)
        return label

    def _create_question(self, entry: ImportedLabel, source: str) -> Label:
        question = Label(id=self._free_id(slug(entry.name, "question")), name=entry.name, kind="document",
                         color=entry.color.upper() if _COLOUR_RE.match(entry.color or "") else self._colour(),
                         imported=True, description=entry.description or f"Added by the import of {source}.")
        self.new.append(question)
        self.choice_ids(question, entry.choices)
        return question

    def take_new(self) -> list[Label]:
        """The labels made since the last call (to store with the file that needed them)."""
        made, self.new = self.new, []
        self.labels += made
        return made

    def forget_new(self) -> None:
        """Drop labels made for a file that was refused."""
        self.new = []
