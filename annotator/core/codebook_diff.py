"""Comparing two codebooks label by label (by id): what an import adds, changes and leaves out."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from annotator.core.codebook import Codebook
from annotator.core.model import AttributeDef, Label

# The fields that make a label "changed" when they differ (position alone does not).
LABEL_FIELDS = ("name", "name_fr", "kind", "parent", "color", "shortcut", "description",
                "description_fr", "examples", "examples_fr", "code", "choices", "multiple",
                "level", "retired")
ATTRIBUTE_FIELDS = ("name", "name_fr", "type", "choices", "choice_details", "labels",
                    "description", "description_fr", "multiple", "retired")


@dataclass(frozen=True)
class Difference:
    """One change an import makes to one label, question or attribute (`item`): a field from `before` to
    `after` (as short text), or, for `field` "choice", one choice (`choice`) added (before ""), removed
    (after "") or renamed."""

    item: str
    field: str
    before: str
    after: str
    choice: str = ""
    attribute: bool = False

    def line(self) -> str:
        """The change in English words (the command line's report)."""
        what = f"attribute {self.item}" if self.attribute else self.item
        if self.field == "choice":
            if not self.before:
                return f"{what}: choice {self.choice!r} added ({self.after})"
            if not self.after:
                return f"{what}: choice {self.choice!r} removed ({self.before})"
            return f"{what}: choice {self.choice!r} renamed {self.before!r} -> {self.after!r}"
        return f"{what}: {self.field} {self.before!r} -> {self.after!r}"


@dataclass
class CodebookDiff:
    """What an incoming codebook holds compared with the current one, matched by id.

    `changed` maps a label id to the names of the fields that differ. `missing` lists labels
    the project has and the incoming codebook lacks; an import keeps them. `notes` explain
    anything the import adjusted to keep every annotation (kept choices, freed shortcuts).
    """

    new: list[str] = field(default_factory=list)
    changed: dict[str, list[str]] = field(default_factory=dict)
    missing: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    new_attributes: list[str] = field(default_factory=list)
    changed_attributes: dict[str, list[str]] = field(default_factory=dict)
    missing_attributes: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    differences: list[Difference] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        """True when the import would change nothing."""
        return not (self.new or self.changed or self.new_attributes or self.changed_attributes)

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready form (for the codebook history)."""
        return {
            "new": list(self.new), "changed": dict(self.changed), "missing": list(self.missing),
            "new_attributes": list(self.new_attributes),
            "changed_attributes": dict(self.changed_attributes),
            "missing_attributes": list(self.missing_attributes), "notes": list(self.notes),
            "differences": [vars(d) for d in self.differences],
        }

    def summary(self) -> list[str]:
        """The report as lines for a person to read."""
        lines = [
            f"{len(self.new)} new, {len(self.changed)} changed, {len(self.unchanged)} unchanged, "
            f"{len(self.missing)} missing from the file (kept in the project)"
        ]
        lines += [f"  new: {label_id}" for label_id in self.new]
        lines += [f"  changed: {label_id} ({', '.join(fields)})" for label_id, fields in self.changed.items()]
        lines += [f"    {difference.line()}" for difference in self.differences]
        lines += [f"  missing (kept): {label_id}" for label_id in self.missing]
        lines += [f"  new attribute: {attr_id}" for attr_id in self.new_attributes]
        lines += [
            f"  changed attribute: {attr_id} ({', '.join(fields)})"
            for attr_id, fields in self.changed_attributes.items()
        ]
        lines += [f"  missing attribute (kept): {attr_id}" for attr_id in self.missing_attributes]
        lines += [f"  note: {note}" for note in self.notes]
        return lines


def _label_value(label: Label, name: str) -> Any:
    value = getattr(label, name)
    if name == "choices":
        return [vars(c) for c in value]
    return value


def _attribute_value(attr: AttributeDef, name: str) -> Any:
    value = getattr(attr, name)
    if name == "choice_details":
        return [vars(c) for c in value]
    return value


def label_differences(old: Label, new: Label) -> list[str]:
    """Names of the fields in which two versions of a label differ."""
    return [name for name in LABEL_FIELDS if _label_value(old, name) != _label_value(new, name)]


def attribute_differences(old: AttributeDef, new: AttributeDef) -> list[str]:
    """Names of the fields in which two versions of an attribute differ."""
    return [name for name in ATTRIBUTE_FIELDS if _attribute_value(old, name) != _attribute_value(new, name)]


def _shown(value: Any) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return ", ".join(str(v.get("id", v)) if isinstance(v, dict) else str(v) for v in value)
    return "" if value is None else str(value)


def choice_differences(item: str, before: list, after: list, attribute: bool = False) -> list[Difference]:
    """Choices added, removed and renamed between two versions of a question (or attribute), by id."""
    old = {c.id: c for c in before}
    new = {c.id: c for c in after}
    found = [Difference(item, "choice", "", c.name, c.id, attribute) for c in after if c.id not in old]
    found += [Difference(item, "choice", c.name, "", c.id, attribute) for c in before if c.id not in new]
    found += [Difference(item, "choice", old[c.id].name, c.name, c.id, attribute) for c in after
              if c.id in old and old[c.id].name != c.name]
    if [c.id for c in before if c.id in new] != [c.id for c in after if c.id in old]:
        found.append(Difference(item, "choice order", ", ".join(c.id for c in before),
                                ", ".join(c.id for c in after), "", attribute))
    return found


def label_field_differences(old: Label, new: Label) -> list[Difference]:
    """Every change from `old` to `new`, field by field and choice by choice."""
    found: list[Difference] = []
    for name in label_differences(old, new):
        if name == "choices":
            found += choice_differences(old.id, old.choices, new.choices)
        else:
            found.append(Difference(old.id, name, _shown(getattr(old, name)), _shown(getattr(new, name))))
    return found


def diff_codebooks(current: Codebook, incoming: Codebook) -> CodebookDiff:
    """Match labels and attributes by id and sort them into new, changed, unchanged, missing."""
    diff = CodebookDiff()
    old_labels = {label.id: label for label in current.labels}
    for label in incoming.labels:
        if label.id not in old_labels:
            diff.new.append(label.id)
        else:
            fields = label_differences(old_labels[label.id], label)
            if fields:
                diff.changed[label.id] = fields
                diff.differences += label_field_differences(old_labels[label.id], label)
            else:
                diff.unchanged.append(label.id)
    incoming_ids = {label.id for label in incoming.labels}
    diff.missing = [label.id for label in current.labels if label.id not in incoming_ids]
    old_attrs = {attr.id: attr for attr in current.attributes}
    for attr in incoming.attributes:
        if attr.id not in old_attrs:
            diff.new_attributes.append(attr.id)
        else:
            fields = attribute_differences(old_attrs[attr.id], attr)
            if fields:
                diff.changed_attributes[attr.id] = fields
                before = old_attrs[attr.id]
                for name in fields:
                    if name == "choice_details":
                        diff.differences += choice_differences(attr.id, before.choice_details, attr.choice_details,
                                                               attribute=True)
                    elif name != "choices":
                        diff.differences.append(Difference(attr.id, name, _shown(getattr(before, name)),
                                                           _shown(getattr(attr, name)), attribute=True))
    incoming_attrs = {attr.id for attr in incoming.attributes}
    diff.missing_attributes = [attr.id for attr in current.attributes if attr.id not in incoming_attrs]
    return diff
