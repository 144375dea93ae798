"""The codebook: span labels, document-level questions and span attributes, read from plain dicts."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from typing import Any

from annotator.core.colours import READABLE_PALETTE, SAFE_PALETTE  # noqa: F401 - SAFE_PALETTE kept importable here
from annotator.core.errors import CodebookError
from annotator.core.shortcuts import normal_shortcut, shortcut_problem
from annotator.core.model import ATTRIBUTE_TYPES, AttributeDef, Choice, Label

FORMAT_NAME = "framing-annotator-codebook"
# Version 2 added examples_fr, code, choice description_fr/code, and attribute description_fr,
# multiple and choices given as objects. Version 1 files read unchanged.
FORMAT_VERSION = 2
UNSURE_CHOICE = Choice(id="unsure", name="Unsure / not applicable", name_fr="Incertain / sans objet")
LEVELS = ("nominal", "ordinal", "interval", "ratio")
_ID_RE = re.compile(r"^[A-Za-z0-9_.:-]{1,80}$")
_COLOUR_RE = re.compile(r"^#[0-9A-Fa-f]{6}$")

_BOOK_FIELDS = {"format", "format_version", "id", "name", "name_fr", "version", "source",
                "description", "description_fr", "labels", "questions", "attributes"}
_LABEL_FIELDS = {"id", "name", "name_fr", "parent", "color", "colour", "shortcut", "description",
                 "description_fr", "examples", "examples_fr", "retired", "imported", "code"}
_QUESTION_FIELDS = _LABEL_FIELDS | {"level", "multiple", "choices", "unsure"}
_CHOICE_FIELDS = {"id", "name", "name_fr", "description", "description_fr", "code", "retired"}
_ATTRIBUTE_FIELDS = {"id", "name", "name_fr", "type", "choices", "labels", "description",
                     "description_fr", "multiple", "retired"}



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
    warnings: list[str] = field(default_factory=list, compare=False)

    @property
    def span_labels(self) -> list[Label]:
        return [label for label in self.labels if label.kind == "span"]

    @property
    def questions(self) -> list[Label]:
        return [label for label in self.labels if label.kind == "document"]

    def label(self, label_id: str) -> Label:
        """The label or question with this id (KeyError when absent)."""
        for label in self.labels:
            if label.id == label_id:
                return label
        raise KeyError(label_id)

    def attribute(self, attribute_id: str) -> AttributeDef:
        """The span attribute with this id (KeyError when absent)."""
        for attr in self.attributes:
            if attr.id == attribute_id:
                return attr
        raise KeyError(attribute_id)


def _text(d: dict, key: str, where: str, required: bool = False, default: str = "") -> str:
    value = d.get(key, default)
    if value is None:
        value = default
    if not isinstance(value, str):
        raise CodebookError(f"{where}: field '{key}' must be text, not {type(value).__name__}")
    if required and not value.strip():
        raise CodebookError(f"{where}: field '{key}' is required")
    return value


def _flag(d: dict, key: str, where: str, default: bool = False) -> bool:
    value = d.get(key, default)
    if value is None:
        return default
    if isinstance(value, bool) or value in (0, 1):
        return bool(value)
    raise CodebookError(f"{where}: field '{key}' must be true or false, not {value!r}")


def _identifier(d: dict, where: str) -> str:
    value = _text(d, "id", where, required=True)
    if not _ID_RE.match(value):
        raise CodebookError(
            f"{where}: field 'id' {value!r} may use only letters, digits and _ . : - (80 at most)"
        )
    return value


def _colour(d: dict, where: str, index: int) -> str:
    value = d.get("color") or d.get("colour") or READABLE_PALETTE[index % len(READABLE_PALETTE)]
    if not isinstance(value, str) or not _COLOUR_RE.match(value):
        raise CodebookError(f"{where}: field 'color' {value!r} must look like #RRGGBB")
    return value.upper()


def _string_list(d: dict, key: str, where: str) -> list[str]:
    value = d.get(key) or []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise CodebookError(f"{where}: field '{key}' must be a list of texts")
    return list(value)


def _note_unknown(d: dict, known: set[str], where: str, warnings: list[str]) -> None:
    """Unknown fields are kept out of the codebook but reported, with the nearest known name."""
    for key in sorted(set(d) - known, key=str):
        guess = difflib.get_close_matches(str(key), sorted(known), n=1)
        hint = f" (did you mean '{guess[0]}'?)" if guess else ""
        warnings.append(f"{where}: field '{key}' is not part of the codebook format and was ignored{hint}")


def _choice_from_dict(c: Any, where: str, warnings: list[str], allow_text: bool = False) -> Choice:
    if allow_text and isinstance(c, str):
        if not _ID_RE.match(c):
            raise CodebookError(f"{where}: choice {c!r} may use only letters, digits and _ . : -")
        return Choice(id=c, name=c)
    if not isinstance(c, dict):
        raise CodebookError(f"{where}: must be an object with 'id' and 'name'")
    _note_unknown(c, _CHOICE_FIELDS, where, warnings)
    return Choice(
        id=_identifier(c, where), name=_text(c, "name", where, required=True),
        name_fr=_text(c, "name_fr", where), description=_text(c, "description", where),
        description_fr=_text(c, "description_fr", where), code=_text(c, "code", where),
        retired=_flag(c, "retired", where),
    )


def _label_from_dict(d: Any, kind: str, index: int, warnings: list[str]) -> Label:
    where = f"{'labels' if kind == 'span' else 'questions'}[{index}]"
    if not isinstance(d, dict):
        raise CodebookError(f"{where}: must be an object with at least 'id' and 'name'")
    label_id = _identifier(d, where)
    where = f"{where} ({label_id})"
    _note_unknown(d, _LABEL_FIELDS if kind == "span" else _QUESTION_FIELDS, where, warnings)
    parent = d.get("parent") or None
    if parent is not None and not isinstance(parent, str):
        raise CodebookError(f"{where}: field 'parent' must be a label id")
    label = Label(
        id=label_id,
        name=_text(d, "name", where, required=True),
        kind=kind,
        parent=parent,
        color=_colour(d, where, index),
        shortcut=_text(d, "shortcut", where),
        description=_text(d, "description", where),
        name_fr=_text(d, "name_fr", where),
        description_fr=_text(d, "description_fr", where),
        examples=_string_list(d, "examples", where),
        examples_fr=_string_list(d, "examples_fr", where),
        code=_text(d, "code", where),
        retired=_flag(d, "retired", where),
        imported=_flag(d, "imported", where),
        position=index,
    )
    if label.shortcut:
        check_shortcut(label.shortcut, where)
        label.shortcut = normal_shortcut(label.shortcut)
    if kind == "document":
        level = _text(d, "level", where, default="nominal")
        if level not in LEVELS:
            raise CodebookError(f"{where}: field 'level' must be one of {', '.join(LEVELS)}, not {level!r}")
        label.level = level
        label.multiple = _flag(d, "multiple", where)
        raw_choices = d.get("choices")
        if not isinstance(raw_choices, list) or not raw_choices:
            raise CodebookError(f"{where}: field 'choices' must be a non-empty list")
        label.choices = [
            _choice_from_dict(c, f"{where}.choices[{j}]", warnings) for j, c in enumerate(raw_choices)
        ]
        if _flag(d, "unsure", where, default=True) and all(c.id != UNSURE_CHOICE.id for c in label.choices):
            label.choices.append(Choice(**vars(UNSURE_CHOICE)))
    return label


def _attribute_from_dict(d: Any, index: int, warnings: list[str]) -> AttributeDef:
    where = f"attributes[{index}]"
    if not isinstance(d, dict):
        raise CodebookError(f"{where}: must be an object with 'id', 'name' and 'type'")
    attr_id = _identifier(d, where)
    where = f"{where} ({attr_id})"
    _note_unknown(d, _ATTRIBUTE_FIELDS, where, warnings)
    attr_type = _text(d, "type", where, default="text")
    if attr_type not in ATTRIBUTE_TYPES:
        raise CodebookError(
            f"{where}: field 'type' must be one of {', '.join(ATTRIBUTE_TYPES)}, not {attr_type!r}"
        )
    raw_choices = d.get("choices") or []
    if not isinstance(raw_choices, list):
        raise CodebookError(f"{where}: field 'choices' must be a list")
    details = [
        _choice_from_dict(c, f"{where}.choices[{j}]", warnings, allow_text=True)
        for j, c in enumerate(raw_choices)
    ]
    if attr_type == "choice" and not details:
        raise CodebookError(f"{where}: a 'choice' attribute needs a non-empty 'choices' list")
    if attr_type != "choice" and details:
        raise CodebookError(f"{where}: field 'choices' only fits attributes of type 'choice'")
    return AttributeDef(
        id=attr_id,
        name=_text(d, "name", where, required=True),
        type=attr_type,
        choices=[c.id for c in details],
        labels=_string_list(d, "labels", where),
        name_fr=_text(d, "name_fr", where),
        description=_text(d, "description", where),
        description_fr=_text(d, "description_fr", where),
        multiple=_flag(d, "multiple", where),
        choice_details=details,
        retired=_flag(d, "retired", where),
    )


def codebook_from_dict(data: Any) -> Codebook:
    """Build and validate a Codebook from its JSON shape; errors name the field and the problem.

    Fields the format does not know are ignored and described in `Codebook.warnings`.
    """
    if not isinstance(data, dict):
        raise CodebookError("a codebook must be a JSON object with 'id', 'name' and 'labels'")
    fmt = data.get("format", FORMAT_NAME)
    if fmt != FORMAT_NAME:
        raise CodebookError(f"field 'format' is {fmt!r}, expected {FORMAT_NAME!r}")
    fmt_version = data.get("format_version", FORMAT_VERSION)
    if not isinstance(fmt_version, int) or isinstance(fmt_version, bool) or not 1 <= fmt_version <= FORMAT_VERSION:
        raise CodebookError(
            f"field 'format_version' is {fmt_version!r}: this app reads versions 1 to {FORMAT_VERSION}"
        )
    warnings: list[str] = []
    _note_unknown(data, _BOOK_FIELDS, "codebook", warnings)
    version = data.get("version", "1")
    if not isinstance(version, (str, int)) or isinstance(version, bool):
        raise CodebookError(f"codebook: field 'version' must be text or a number, not {version!r}")
    book = Codebook(
        id=_identifier(data, "codebook"),
        name=_text(data, "name", "codebook", required=True),
        name_fr=_text(data, "name_fr", "codebook"),
        version=str(version),
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
    book.labels = [_label_from_dict(d, "span", i, warnings) for i, d in enumerate(raw_labels)]
    book.labels += [_label_from_dict(d, "document", i, warnings) for i, d in enumerate(raw_questions)]
    for i, label in enumerate(book.labels):
        label.position = i
    book.attributes = [_attribute_from_dict(d, i, warnings) for i, d in enumerate(raw_attributes)]
    check_codebook(book)
    book.warnings = warnings
    return book


def check_shortcut(shortcut: str, where: str = "shortcut") -> None:
    """Raise CodebookError, saying why, unless `shortcut` is a key the text area catches (see core.shortcuts)."""
    problem = shortcut_problem(shortcut)
    if problem:
        raise CodebookError(f"{where}: shortcut {shortcut!r} {problem}")


def shortcut_owner(labels: list[Label], shortcut: str, ignore: str | None = None) -> Label | None:
    """The live label (other than `ignore`) that already uses this shortcut, if any."""
    key = normal_shortcut(shortcut)
    for label in labels:
        if label.id != ignore and not label.retired and label.shortcut and normal_shortcut(label.shortcut) == key:
            return label
    return None


def check_codebook(book: Codebook) -> None:
    """Raise CodebookError for duplicate ids, bad parents or cycles, clashing shortcuts, bad choices."""
    seen: set[str] = set()
    for label in book.labels:
        if label.id in seen:
            raise CodebookError(f"label id {label.id!r} is used twice")
        seen.add(label.id)
        if not label.name.strip():
            raise CodebookError(f"label {label.id!r}: field 'name' is required")
        if not _COLOUR_RE.match(label.color or ""):
            raise CodebookError(f"label {label.id!r}: field 'color' {label.color!r} must look like #RRGGBB")
        if label.shortcut:
            check_shortcut(label.shortcut, f"label {label.id!r}")
        if label.kind == "document":
            ids = [c.id for c in label.choices]
            if not ids:
                raise CodebookError(f"question {label.id!r}: field 'choices' must be a non-empty list")
            if len(set(ids)) != len(ids):
                raise CodebookError(f"question {label.id!r}: choice ids must be unique")
    by_id = {label.id: label for label in book.labels}
    for label in book.labels:
        if label.parent is not None:
            if label.parent not in by_id:
                raise CodebookError(f"label {label.id!r}: field 'parent' names unknown label {label.parent!r}")
            if by_id[label.parent].kind != label.kind:
                raise CodebookError(
                    f"label {label.id!r}: field 'parent' names {label.parent!r}, which is a "
                    f"{'question' if label.kind == 'span' else 'span label'}; parents must be of the same kind"
                )
            chain, node = {label.id}, by_id[label.parent]
            while node is not None:
                if node.id in chain:
                    raise CodebookError(f"label {label.id!r}: field 'parent' makes a cycle")
                chain.add(node.id)
                node = by_id.get(node.parent) if node.parent else None
    for i, label in enumerate(book.labels):
        if label.shortcut and not label.retired:
            owner = shortcut_owner(book.labels[:i], label.shortcut)
            if owner is not None:
                raise CodebookError(
                    f"label {label.id!r}: shortcut {label.shortcut!r} is already used by {owner.id!r}"
                )
    attr_ids = [a.id for a in book.attributes]
    if len(set(attr_ids)) != len(attr_ids):
        raise CodebookError("attribute ids must be unique")
    for attr in book.attributes:
        for label_id in attr.labels:
            if label_id not in by_id:
                raise CodebookError(f"attribute {attr.id!r}: field 'labels' names unknown label {label_id!r}")
            if by_id[label_id].kind != "span":
                raise CodebookError(
                    f"attribute {attr.id!r}: field 'labels' names {label_id!r}, a document question; "
                    "attributes belong to span labels"
                )
        if len(set(attr.choices)) != len(attr.choices):
            raise CodebookError(f"attribute {attr.id!r}: choice ids must be unique")


def _choice_dict(c: Choice) -> dict[str, Any]:
    return {k: v for k, v in vars(c).items() if v}


def codebook_to_dict(book: Codebook) -> dict[str, Any]:
    """The JSON shape of a codebook (the inverse of codebook_from_dict)."""

    def label_dict(label: Label) -> dict[str, Any]:
        d: dict[str, Any] = {"id": label.id, "name": label.name}
        for key in ("name_fr", "parent", "shortcut", "code", "description", "description_fr"):
            if getattr(label, key):
                d[key] = getattr(label, key)
        d["color"] = label.color
        for key in ("examples", "examples_fr"):
            if getattr(label, key):
                d[key] = list(getattr(label, key))
        if label.retired:
            d["retired"] = True
        if label.imported:
            d["imported"] = True
        if label.kind == "document":
            d["level"] = label.level
            d["multiple"] = label.multiple
            d["unsure"] = any(c.id == UNSURE_CHOICE.id for c in label.choices)
            d["choices"] = [_choice_dict(c) for c in label.choices]
        return d

    def attribute_dict(attr: AttributeDef) -> dict[str, Any]:
        d: dict[str, Any] = {"id": attr.id, "name": attr.name, "type": attr.type}
        for key in ("name_fr", "description", "description_fr"):
            if getattr(attr, key):
                d[key] = getattr(attr, key)
        if attr.multiple:
            d["multiple"] = True
        if attr.retired:
            d["retired"] = True
        if attr.type == "choice":
            plain = all(c.name == c.id and _choice_dict(c).keys() <= {"id", "name"} for c in attr.choice_details)
            d["choices"] = [c.id if plain else _choice_dict(c) for c in attr.choice_details]
        if attr.labels:
            d["labels"] = list(attr.labels)
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
    out["attributes"] = [attribute_dict(a) for a in book.attributes]
    return out
