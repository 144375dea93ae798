"""Matching the labels and questions of imported files to the codebook, and making the missing ones.

Look-ups go through indexes (by id, by name, by a loose form of the name), so that a file with
thousands of labels resolves in linear time; a file may add at most `max_new` labels."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field, replace

from annotator.core.codebook import SAFE_PALETTE
from annotator.core.errors import ImportRefused
from annotator.core.model import Choice, Label
from annotator.io.readers.base import ImportedLabel

_COLOUR_RE = re.compile(r"^#[0-9A-Fa-f]{6}$")
DEFAULT_MAX_NEW_LABELS = 1000
MAX_NEW_LABELS = "max_new_labels"  # ImportRefused.limit_option of a file adding too many labels


def _key(name: str) -> str:
    return re.sub(r"[\W_]+", "", name.casefold())


def _exact(name: str) -> str:
    return name.strip().casefold()


def slug(name: str, prefix: str = "label") -> str:
    """An ASCII id for a name: accents dropped (Délégitimation -> Delegitimation); a name with no
    Latin letter (中文标签) gets `prefix` and a short hash, stable for the same name."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    cleaned = re.sub(r"[^A-Za-z0-9_.:-]+", "-", ascii_name.strip()).strip("-.:")[:72]
    if cleaned and re.search(r"[A-Za-z0-9]", cleaned):
        return cleaned
    return f"{prefix}-{hashlib.sha1(name.encode('utf-8')).hexdigest()[:8]}"


class _Index:
    """Labels by id, by exact name and by loose name (case and punctuation aside), per kind, in order."""

    def __init__(self) -> None:
        self.order: dict[int, int] = {}
        self.by_id: dict[str, Label] = {}
        self.exact: dict[tuple[str, str], list[Label]] = {}
        self.loose: dict[tuple[str, str], list[Label]] = {}

    def add(self, label: Label) -> None:
        self.order[id(label)] = len(self.order)
        self.by_id.setdefault(label.id, label)
        for name in {_exact(n) for n in (label.name, label.name_fr) if n and n.strip()}:
            self.exact.setdefault((label.kind, name), []).append(label)
        for name in {_key(n) for n in (label.name, label.name_fr, label.id) if n} - {""}:
            self.loose.setdefault((label.kind, name), []).append(label)

    def remove(self, label: Label) -> None:
        self.order.pop(id(label), None)
        if self.by_id.get(label.id) is label:
            del self.by_id[label.id]
        for table in (self.exact, self.loose):
            for key in [k for k, found in table.items() if label in found]:
                table[key] = [other for other in table[key] if other is not label]

    def named(self, table: dict[tuple[str, str], list[Label]], kind: str, keys: set[str]) -> list[Label]:
        found = {id(label): label for key in keys for label in table.get((kind, key), [])}
        return sorted(found.values(), key=lambda label: self.order[id(label)])


@dataclass
class LabelResolver:
    """Finds the codebook label an imported name means; makes a new imported label when none does.

    Labels made for a file wait in `pending` until `take_pending` hands them to the store (a
    question only once it has a choice); `commit` keeps them once the file is stored, `rollback`
    forgets them (and the choices added to existing questions) when it is refused.
    """

    labels: list[Label]
    max_new: int = DEFAULT_MAX_NEW_LABELS
    new: list[Label] = field(default_factory=list)  # made for the current file
    added_choices: dict[str, list[str]] = field(default_factory=dict)  # question name -> values added

    def __post_init__(self) -> None:
        self._index = _Index()
        for label in self.labels:
            self._index.add(label)
        self._taken = {label.id for label in self.labels}
        self._colours = {label.color.upper() for label in self.labels}
        self._stored: set[str] = {label.id for label in self.labels}  # in the project or handed to the store
        self._pending_choices: dict[str, list[Choice]] = {}
        self._saved_choices: dict[str, tuple[Label, list[Choice]]] = {}
        self._resolved: dict[str, str] = {}

    # -- finding ------------------------------------------------------------------------------

    def _match(self, names: list[str], kind: str, parent_id: str | None = None,
               key: str = "", loosely_new: bool = True) -> Label | None:
        """A label of `kind` with id `key`, else named one of `names` (exactly, then loosely: case
        and punctuation aside); among several, the one under `parent_id`. Labels made by this import
        match loosely only when `loosely_new`."""
        if key:
            found = self._index.by_id.get(key)
            if found is not None and found.kind == kind:
                return found
        exact = {_exact(n) for n in names if n and n.strip()} - {""}
        matches = self._index.named(self._index.exact, kind, exact)
        if not matches:
            loose = {_key(n) for n in names if n and n.strip()} - {""}
            matches = self._index.named(self._index.loose, kind, loose)
            if not loosely_new:
                made = {id(label) for label in self.new}
                matches = [label for label in matches if id(label) not in made]
        if matches:
            return next((label for label in matches if label.parent == parent_id), matches[0])
        return None

    def resolve(self, name: str, source: str) -> str:
        """The label id for `name`: an id, name or French name of a span label, ignoring case and punctuation."""
        name = name.strip()
        known = self._resolved.get(name)
        if known is not None:
            return known
        found = self._match([name], "span", key=name)
        label_id = found.id if found is not None else self._create(name, source).id
        self._resolved[name] = label_id
        return label_id

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
        return self._create(entry.name, source, parent=parent_id, colour=colour, description=entry.description,
                            described=entry.described)

    def adopt(self, label: Label, parent_id: str | None, source: str) -> tuple[Label, bool]:
        """A label of a file's own codebook (our JSONL): the project's label of the same id and kind,
        else a copy made with that id (or a free one). Returns the label and whether it is new."""
        found = self._index.by_id.get(label.id)
        if found is not None and found.kind == label.kind:
            return found, False
        self._check_room(source, label.name)
        copy = replace(label, id=self._free_id(label.id), parent=parent_id, position=0,
                       choices=[replace(c) for c in label.choices], examples=list(label.examples),
                       examples_fr=list(label.examples_fr))
        if copy.shortcut and any(other.shortcut.lower() == copy.shortcut.lower() and not other.retired
                                 for other in self.labels + self.new if other.shortcut):
            copy.shortcut = ""
        self._add_new(copy)
        return copy, True

    # -- choices ------------------------------------------------------------------------------

    def choice_ids(self, question: Label, values: list[str]) -> tuple[list[str], list[str]]:
        """The choice ids of `values` (ids or names); a value the question lacks is added to it as
        a new choice (reported in `added_choices` when the question was in the codebook already).

        Returns (ids, values that could not be given a choice: none today).
        """
        ids: list[str] = []
        for value in values:
            value = value.strip()
            if not value:
                continue
            choice = next((c for c in question.choices if c.id == value), None) or next(
                (c for c in question.choices
                 if value.casefold() in {c.name.casefold(), (c.name_fr or "").casefold()}), None)
            if choice is None:
                choice = self.add_choice(question, Choice(id=self._free_choice_id(question, value), name=value))
            if choice.id not in ids:
                ids.append(choice.id)
        return ids, []

    def add_choice(self, question: Label, choice: Choice) -> Choice:
        """Give `question` a new choice (stored with the file)."""
        if question.id in self._stored:
            if question.id not in self._saved_choices:
                self._saved_choices[question.id] = (question, list(question.choices))
            self._pending_choices.setdefault(question.id, []).append(choice)
            if all(question is not made for made in self.new):
                self.added_choices.setdefault(question.name, []).append(choice.name)
        question.choices.append(choice)
        return choice

    @staticmethod
    def _free_choice_id(question: Label, value: str) -> str:
        taken = {c.id for c in question.choices}
        base = slug(value, "choice")
        choice_id, n = base, 2
        while choice_id in taken:
            choice_id, n = f"{base}-{n}", n + 1
        return choice_id

    # -- making labels ------------------------------------------------------------------------

    def _free_id(self, base: str) -> str:
        label_id, n = base, 2
        while label_id in self._taken:
            label_id, n = f"{base}-{n}", n + 1
        return label_id

    def _colour(self) -> str:
        return next((c for c in SAFE_PALETTE if c not in self._colours),
                    SAFE_PALETTE[len(self.new) % len(SAFE_PALETTE)])

    def _check_room(self, source: str, name: str) -> None:
        if len(self.new) >= self.max_new:
            shown = ", ".join(repr(label.name) for label in self.new[:3])
            raise ImportRefused(
                source, f"would add more than {self.max_new} new labels to the codebook ({shown}, ... "
                f"{name!r}); check that this is the file you meant", limit_option=MAX_NEW_LABELS)

    def _add_new(self, label: Label) -> None:
        self.new.append(label)
        self._index.add(label)
        self._taken.add(label.id)
        self._colours.add(label.color.upper())

    def _create(self, name: str, source: str, base: str = "", parent: str | None = None,
                colour: str = "", description: str = "", described: bool = False) -> Label:
        """A new span label; its description says which import added it unless the file `described` it."""
        self._check_room(source, name)
        label = Label(id=self._free_id(base or slug(name)), name=name, kind="span", parent=parent,
                      color=colour or self._colour(), imported=True,
                      description=description if described else description or f"Added by the import of {source}.")
        self._add_new(label)
        return label

    def _create_question(self, entry: ImportedLabel, source: str) -> Label:
        self._check_room(source, entry.name)
        question = Label(id=self._free_id(slug(entry.name, "question")), name=entry.name, kind="document",
                         color=entry.color.upper() if _COLOUR_RE.match(entry.color or "") else self._colour(),
                         imported=True, description=entry.description if entry.described
                         else entry.description or f"Added by the import of {source}.")
        self._add_new(question)
        self.choice_ids(question, entry.choices)
        return question

    # -- handing over to the store --------------------------------------------------------------

    def take_pending(self) -> tuple[list[Label], dict[str, list[Choice]]]:
        """Labels made since the last call that can be stored now (parents first; a question once it
        has choices), and choices added to questions already stored."""
        ready: list[Label] = []
        for label in self.new:
            if label.id in self._stored:
                continue
            if label.kind == "document" and not label.choices:
                continue
            if label.parent is not None and label.parent not in self._stored:
                continue
            self._stored.add(label.id)
            ready.append(label)
        choices, self._pending_choices = self._pending_choices, {}
        return ready, choices

    def unstored_questions(self) -> list[Label]:
        """Questions made for this file that never got a choice (they are not added); forgotten here."""
        left = [label for label in self.new if label.id not in self._stored]
        for label in left:
            self.new.remove(label)
            self._index.remove(label)
            self._taken.discard(label.id)
        return left

    def take_new(self) -> list[Label]:
        """The file was stored: its labels become part of the codebook. Returns them."""
        made, self.new = self.new, []
        self.labels += made
        self._stored |= {label.id for label in made}
        self._saved_choices = {}
        self._pending_choices = {}
        return made

    def forget_new(self) -> None:
        """The file was refused: drop the labels made for it and the choices it added."""
        for question, choices in self._saved_choices.values():
            question.choices[:] = choices
        self.new = []
        self.added_choices = {}
        self.__post_init__()

    def take_added_choices(self) -> dict[str, list[str]]:
        """Values added as new choices to questions the codebook had, by question name (for the report)."""
        added, self.added_choices = self.added_choices, {}
        return added
