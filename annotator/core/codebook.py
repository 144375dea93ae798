"""The codebook: span labels, document-level questions and span attributes, read from plain dicts."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from annotator.core.errors import CodebookError
from annotator.core.model import ATTRIBUTE_TYPES, AttributeDef, Choice, Label

FORMAT_NAME = "framing-annotator-codebook"
FORMAT_VERSION = 1
UNSURE_CHOICE = Choice(id="unsure", name="Unsure / not applicable", name_fr="Incertain / sans objet")
LEVELS = ("nominal", "ordinal", "interval", "ratio")
_ID_RE = re.compile(r"^[A-Za-z0-9_.:-]{1,80}$")
_COLOUR_RE = re.compile(r"^#[0-9A-Fa-f]{6}$")

# Okabe-Ito palette, distinguishable by colour-blind readers, then Paul Tol's muted scheme.
SAFE_PALETTE = (
    "#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7",
    "#332288", "#88CCEE", "#44AA99", "#117733", "#999933", "#DDCC77", "#CC6677", "#882255", "#AA4499",
)


@dataclass
class Codebook:
    """A named set of labels (span kind), questions (document kind) and attributes."""

    id: str
    name: str
    labels: list[Label] = field(default_factory=list)
    attributes: list[AttributeDef] = field(default_factory=list)
    name_fr: str = ""
    version: str = "1"
    source: str = ""
    description: str = ""
    description_fr: str = ""

    @property
    def span_labels(self) -> list[Label]:
        return [label for label in self.labels if label.kind == "span"]

    @property
    def questions(self) -> list[Label]:
        return [label for label in self.labels if label.kind == "document"]

    def label(self, label_id: str) -> Label:
        for label in self.labels:
            if label.id == label_id:
                return label
        raise KeyError(label_id)


def _text(d: dict, key: str, where: str, required: bool = False, default: str = "") -> str:
    value = d.get(key, default)
    if value is None:
        value = default
    if required and not value:
        raise CodebookError(f"{where}: field '{key}' is required")
    if not isinstance(value, str):
        raise CodebookError(f"{where}: field '{key}' must be text, not {type(value).__name__}")
    return value


def _identifier(d: dict, where: str) -> str:
    value = _text(d, "id", where, required=True)
    if not _ID_RE.match(value):
        raise CodebookError(
            f"{where}: field 'id' {value!r} may use only letters, digits and _ . : - (80 at most)"
        )
    return value


def _colour(d: dict, where: str, index: int) -> str:
    value = d.get("color") or d.get("colour") or SAFE_PALETTE[index % len(SAFE_PALETTE)]
    if not isinstance(value, str) or not _COLOUR_RE.match(value):
        raise CodebookError(f"{where}: field 'color' {value!r} must look like #RRGGBB")
    return value.upper()


def _string_list(d: dict, key: str, where: str) -> list[str]:
    value = d.get(key) or []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise CodebookError(f"{where}: field '{key}' must be a list of texts")
    return list(value)


def _label_from_dict(d: Any, kind: str, index: int) -> Label:
    where = f"{'labels' if kind == 'span' else 'questions'}[{index}]"
    if not isinstance(d, dict):
        raise CodebookError(f"{where}: must be an object with at least 'id' and 'name'")
    label_id = _identifier(d, where)
    where = f"{where} ({label_id})"
    label = Label(
        id=label_id,
        name=_text(d, "name", where, required=True),
        kind=kind,
        parent=d.get("parent") or None,
        color=_colour(d, where, index),
        shortcut=_text(d, "shortcut", where),
        description=_text(d, "description", where),
        name_fr=_text(d, "name_fr", where),
        description_fr=_text(d, "description_fr", where),
        examples=_string_list(d, "examples", where),
        retired=bool(d.get("retired", False)),
        imported=bool(d.get("imported", False)),
        position=index,
    )
    if label.parent is not None and not isinstance(label.parent, str):
        raise CodebookError(f"{where}: field 'parent' must be a label id")
    if len(label.shortcut) > 1 and not re.match(r"^(Ctrl\+|Alt\+|Shift\+)*[A-Za-z0-9]$", label.shortcut):
        raise CodebookError(f"{where}: field 'shortcut' {label.shortcut!r} must be one key, like 'q' or 'Alt+1'")
    if kind == "document":
        level = _text(d, "level", where, default="nominal")
        if level not in LEVELS:
            raise CodebookError(f"{where}: field 'level' must be one of {', '.join(LEVELS)}")
        label.level = level
        label.multiple = bool(d.get("multiple", False))
        raw_choices = d.get("choices")
        if not isinstance(raw_choices, list) or not raw_choices:
            raise CodebookError(f"{where}: field 'choices' must be a non-empty list")
        for j, c in enumerate(raw_choices):
            cwhere = f"{where}.choices[{j}]"
            if not isinstance(c, dict):
                raise CodebookError(f"{cwhere}: must be an object with 'id' and 'name'")
            label.choices.append(
                Choice(
                    id=_identifier(c, cwhere),
                    name=_text(c, "name", cwhere, required=True),
                    name_fr=_text(c, "name_fr", cwhere),
                    description=_text(c, "description", cwhere),
                )
            )
        if d.get("unsure", True) and all(c.id != UNSURE_CHOICE.id for c in label.choices):
            label.choices.append(Choice(**vars(UNSURE_CHOICE)))
        ids = [c.id for c in label.choices]
        if len(set(ids)) != len(ids):
            raise CodebookError(f"{where}: choice ids must be unique")
    return label


def _attribute_from_dict(d: Any, index: int) -> AttributeDef:
    where = f"attributes[{index}]"
    if not isinstance(d, dict):
        raise CodebookError(f"{where}: must be an object with 'id', 'name' and 'type'")
    attr_id = _identifier(d, where)
    where = f"{where} ({attr_id})"
    attr_type = _text(d, "type", where, default="text")
    if attr_type not in ATTRIBUTE_TYPES:
        raise CodebookError(f"{where}: field 'type' must be one of {', '.join(ATTRIBUTE_TYPES)}")
    attr = AttributeDef(
        id=attr_id,
        name=_text(d, "name", where, required=True),
        type=attr_type,
        choices=_string_list(d, "choices", where),
        labels=_string_list(d, "labels", where),
        name_fr=_text(d, "name_fr", where),
        description=_text(d, "description", where),
    )
    if attr_type == "choice" and not attr.choices:
        raise CodebookError(f"{where}: a 'choice' attribute needs a non-empty 'choices' list")
    return attr


def codebook_from_dict(data: Any) -> Codebook:
    """Build and validate a Codebook from its JSON shape; errors name the field and the problem."""
    if not isinstance(data, dict):
        raise CodebookError("a codebook must be a JSON object with 'id', 'name' and 'labels'")
    fmt = data.get("format", FORMAT_NAME)
    if fmt != FORMAT_NAME:
        raise CodebookError(f"field 'format' is {fmt!r}, expected {FORMAT_NAME!r}")
    fmt_version = data.get("format_version", FORMAT_VERSION)
    if not isinstance(fmt_version, int) or fmt_version > FORMAT_VERSION:
        raise CodebookError(
            f"field 'format_version' is {fmt_version!r}: this app reads version {FORMAT_VERSION} or older"
        )
    book = Codebook(
        id=_identifier(data, "codebook"),
        name=_text(data, "name", "codebook", required=True),
        name_fr=_text(data, "name_fr", "codebook"),
        version=str(data.get("version", "1")),
        source=_text(data, "source", "codebook"),
        description=_text(data, "description", "codebook"),
        description_fr=_text(data, "description_fr", "codebook"),
    )
    raw_labels = data.get("labels", [])
    raw_questions = data.get("questions", [])
    raw_attributes = data.get("attributes", [])
    for key, value in (("labels", raw_labels), ("questions", raw_questions), ("attributes", raw_attributes)):
        if not isinstance(value, list):
            raise CodebookError(f"field '{key}' must be a list")
    if not raw_labels and not raw_questions:
        raise CodebookError("field 'labels' must hold at least one label (or 'questions' one question)")
    book.labels = [_label_from_dict(d, "span", i) for i, d in enumerate(raw_labels)]
    book.labels += [
        _label_from_dict(d, "document", i) for i, d in enumerate(raw_questions)
    ]
    for i, label in enumerate(book.labels):
        label.position = i
    book.attributes = [_attribute_from_dict(d, i) for i, d in enumerate(raw_attributes)]
    check_codebook(book)
    return book


def check_codebook(book: Codebook) -> None:
    """Raise CodebookError for duplicate ids, unknown parents, cycles or clashing shortcuts."""
    ids = [label.id for label in book.labels]
    seen: set[str] = set()
    for label_id in ids:
        if label_id in seen:
            raise CodebookError(f"label id {label_id!r} is used twice")
        seen.add(label_id)
    by_id = {label.id: label for label in book.labels}
    for label in book.labels:
        if label.parent is not None:
            if label.parent not in by_id:
                raise CodebookError(f"label {label.id!r}: field 'parent' names unknown label {label.parent!r}")
            chain, node = {label.id}, by_id[label.parent]
            while node is not None:
                if node.id in chain:
                    raise CodebookError(f"label {label.id!r}: field 'parent' makes a cycle")
                chain.add(node.id)
                node = by_id.get(node.parent) if node.parent else None
    shortcuts: dict[str, str] = {}
    for label in book.labels:
        if label.shortcut and not label.retired:
            key = label.shortcut.lower()
            if key in shortcuts:
                raise CodebookError(
                    f"label {label.id!r}: shortcut {label.shortcut!r} is already used by {shortcuts[key]!r}"
                )
            shortcuts[key] = label.id
    attr_ids = [a.id for a in book.attributes]
    if len(set(attr_ids)) != len(attr_ids):
        raise CodebookError("attribute ids must be unique")
    for attr in book.attributes:
        for label_id in attr.labels:
            if label_id not in by_id:
                raise CodebookError(f"attribute {attr.id!r}: field 'labels' names unknown label {label_id!r}")


def codebook_to_dict(book: Codebook) -> dict[str, Any]:
    """The JSON shape of a codebook (the inverse of codebook_from_dict)."""

    def label_dict(label: Label) -> dict[str, Any]:
        d: dict[str, Any] = {"id": label.id, "name": label.name}
        for key in ("name_fr", "parent", "shortcut", "description", "description_fr"):
            if getattr(label, key):
                d[key] = getattr(label, key)
        d["color"] = label.color
        if label.examples:
            d["examples"] = list(label.examples)
        if label.retired:
            d["retired"] = True
        if label.imported:
            d["imported"] = True
        if label.kind == "document":
            d["level"] = label.level
            d["multiple"] = label.multiple
            d["unsure"] = any(c.id == UNSURE_CHOICE.id for c in label.choices)
            d["choices"] = [
                {k: v for k, v in vars(c).items() if v} for c in label.choices
            ]
        return d

    out: dict[str, Any] = {
        "format": FORMAT_NAME,
        "format_version": FORMAT_VERSION,
        "id": book.id,
        "name": book.name,
    }
    for key in ("name_fr", "version", "source", "description", "description_fr"):
        if getattr(book, key):
            out[key] = getattr(book, key)
    out["labels"] = [label_dict(label) for label in book.span_labels]
    out["questions"] = [label_dict(label) for label in book.questions]
    out["attributes"] = [{k: v for k, v in vars(a).items() if v} for a in book.attributes]
    return out
