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
                    "description", "description_fr", "multiple")


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
        }

    def summary(self) -> list[str]:
        """The report as lines for a person to read."""
        lines = [
            f"{len(self.new)} new, {len(self.changed)} changed, {len(self.unchanged)} unchanged, "
            f"{len(self.missing)} missing from the file (kept in the project)"
        ]
        lines += [f"  new: {label_id}" for label_id in self.new]
        lines += [f"  changed: {label_id} ({', '.join(fields)})" for label_id, fields in self.changed.items()]
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
    incoming_attrs = {attr.id for attr in incoming.attributes}
    diff.missing_attributes = [attr.id for attr in current.attributes if attr.id not in incoming_attrs]
    return diff
