"""REFI-QDA codebooks (the <Codes> of a .qdc or a project), users, variables and notes, as import records."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

from annotator.io.readers.base import ImportedLabel
from annotator.io.readers.xml_parse import children, local

OUR_ORIGIN = "Framing Annotator"
_COLOUR = re.compile(r"^#([0-9A-Fa-f]{6}|[0-9A-Fa-f]{3})$")
_GUID = re.compile(r"^\{?([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\}?$")


def normalise_guids(root: etree._Element) -> None:
    """Write every GUID attribute the same way (lower case, no braces), as tools differ ({...}, upper case)."""
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        for key, value in el.attrib.items():
            match = _GUID.match(value.strip())
            if match:
                el.set(key, match.group(1).lower())


def colour(value: str | None) -> str:
    """A REFI-QDA colour (#RGB or #RRGGBB) as #RRGGBB; "" when there is none."""
    value = (value or "").strip()
    if not _COLOUR.match(value):
        return ""
    digits = value[1:]
    return "#" + ("".join(c * 2 for c in digits) if len(digits) == 3 else digits).upper()


def own_text(el: etree._Element | None) -> str:
    """The text of a simple element (Description, TextValue...), white space at its ends removed."""
    return (el.text or "").strip() if el is not None else ""


def child(el: etree._Element, name: str) -> etree._Element | None:
    found = children(el, name)
    return found[0] if found else None


@dataclass
class Codebook:
    """A REFI-QDA codebook as entries: span labels (codes) and, in our own exports, questions."""

    labels: list[ImportedLabel] = field(default_factory=list)
    choice_of: dict[str, tuple[str, str]] = field(default_factory=dict)  # code guid -> (question guid, choice)
    names: dict[str, str] = field(default_factory=dict)  # code guid -> name
    note_refs: dict[str, list[str]] = field(default_factory=dict)  # code guid -> note guids


def read_codes(codes: etree._Element | None, ours: bool) -> Codebook:
    """The codes under <Codes>, nested codes keeping their parent.

    In a file Framing Annotator wrote, a code that may not be coded (isCodable="false") is a
    document question and its children are the question's choices; in other tools' files such a
    code is a folder of codes and becomes a label like the others.
    """
    book = Codebook()
    if codes is None:
        return book

    def walk(parent: etree._Element, parent_guid: str) -> None:
        for code in children(parent, "Code"):
            guid, name = code.get("guid", ""), (code.get("name") or "").strip() or "(unnamed code)"
            book.names[guid] = name
            book.note_refs[guid] = [ref.get("targetGUID", "") for ref in children(code, "NoteRef")]
            shade = colour(code.get("color"))
            description = own_text(child(code, "Description"))
            sub_codes = children(code, "Code")
            if ours and code.get("isCodable") == "false" and sub_codes:
                choices, keys = [], []
                for sub in sub_codes:
                    choice = (sub.get("name") or "").strip()
                    book.choice_of[sub.get("guid", "")] = (guid, choice)
                    book.names[sub.get("guid", "")] = choice
                    choices.append(choice)
                    keys.append(sub.get("guid", ""))
                book.labels.append(ImportedLabel(name=name, key=guid, kind="document", choices=choices,
                                                 choice_keys=keys, description=description, color=shade,
                                                 described=True))
                continue
            book.labels.append(ImportedLabel(name=name, key=guid, parent=parent_guid, description=description,
                                             color=shade, described=True))
            walk(code, guid)

    walk(codes, "")
    return book


def read_users(project: etree._Element) -> dict[str, str]:
    """User GUID -> the name shown for that user (its name, else "user" and the GUID's start)."""
    users = {}
    for listing in children(project, "Users"):
        for user in children(listing, "User"):
            guid = user.get("guid", "")
            users[guid] = (user.get("name") or "").strip() or (user.get("id") or "").strip() or f"user {guid[:8]}"
    return users


def read_variables(project: etree._Element) -> dict[str, tuple[str, str]]:
    """Variable GUID -> (name, typeOfVariable)."""
    found = {}
    for listing in children(project, "Variables"):
        for variable in children(listing, "Variable"):
            found[variable.get("guid", "")] = ((variable.get("name") or "").strip(),
                                               variable.get("typeOfVariable", "Text"))
    return found


def variable_value(holder: etree._Element) -> tuple[str, str] | None:
    """(variable GUID, value as text) of a <VariableValue>, None when it holds no value."""
    ref = child(holder, "VariableRef")
    if ref is None:
        return None
    for value_el in holder:
        if local(value_el).endswith("Value") and local(value_el) != "VariableValue" and value_el.text:
            return ref.get("targetGUID", ""), value_el.text.strip()
    return None


def is_ours(root: etree._Element) -> bool:
    """True when Framing Annotator wrote the file (its origin attribute says so)."""
    return (root.get("origin") or "").startswith(OUR_ORIGIN)


def codes_element(root: etree._Element) -> etree._Element | None:
    """<Codes> of a <CodeBook> root or of a <Project>'s <CodeBook>."""
    book = root if local(root) == "CodeBook" else child(root, "CodeBook")
    return child(book, "Codes") if book is not None else None
