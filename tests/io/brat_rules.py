"""A checker of brat's own rules for a standoff folder, written after nlplab/brat's server code.

annotation.py (TextAnnotations): .ann read with readlines (str.splitlines), ids split at the first
tab, `^([A-Za-z]+|#[A-Za-z]*)([0-9]+)` ids without duplicates; a T line's data is "TYPE S E;S E",
fragments within the text and not overlapping an earlier one (`end >= ostart and start < oend`
is an error), and its text field exactly the fragments' texts joined by one space, followed by
nothing or white space; A lines "TYPE TARGET [VALUE]"; # lines "TYPE TARGET".
projectconfig.py: a type name is stored as normalize_to_storage_form (anything outside
[a-zA-Z0-9_-] becomes _), so a .ann type must equal its storage form and be declared in
[entities]; hierarchy depth is the number of white-space characters before a term; [labels] in
visual.conf is tab-separated with |-separated terms, the first one the type.
verify_annotations.py: a textbound type must be known; an attribute must be allowed for its
target's type (Arg:) and (as the UI requires) its value declared (Value:).
"""

from __future__ import annotations

import re
from pathlib import Path

_ID = re.compile(r"^([A-Za-z]+|#[A-Za-z]*)([0-9]+)(.*?)$")
_STORAGE = re.compile(r"[^a-zA-Z0-9_-]")


def _sections(text: str) -> dict[str, list[str]]:
    sections: dict[str, list[str]] = {}
    current = "general"
    for line in text.split("\n"):
        match = re.match(r"^\s*\[(.*)\]\s*$", line)
        if match:
            current = match.group(1)
        elif line.strip() and not re.match(r"^\s*#", line):
            sections.setdefault(current, []).append(line)
    return sections


def read_conf(folder: Path) -> tuple[set[str], dict[str, tuple[set[str], set[str]]], list[str]]:
    """Entity types, attributes (type -> (allowed target types, values)) and configuration errors."""
    errors: list[str] = []
    sections = _sections((folder / "annotation.conf").read_text(encoding="utf-8"))
    entities: set[str] = set()
    for line in sections.get("entities", []):
        match = re.match(r"^(\s*)(\S+)(?:\s+(.*))?$", line)
        term = match.group(2).split("|")[0]
        if term.startswith("<") or re.match(r"^-+$", term):
            continue
        if _STORAGE.sub("_", term) != term:
            errors.append(f"annotation.conf: type {term!r} is not in storage form")
        entities.add(term)
    attributes: dict[str, tuple[set[str], set[str]]] = {}
    for line in sections.get("attributes", []):
        match = re.match(r"^(\s*)(\S+)(?:\s+(.*))?$", line)
        name, args = match.group(2), [a.strip() for a in (match.group(3) or "").split(",") if a.strip()]
        if _STORAGE.sub("_", name) != name:
            errors.append(f"annotation.conf: attribute {name!r} is not in storage form")
        targets, values = set(), set()
        for arg in args:
            parsed = re.match(r"^(\S*?):(\S*)$", arg)
            if parsed is None:
                errors.append(f"annotation.conf: cannot read argument {arg!r} of {name}")
                continue
            key, kinds = parsed.groups()
            if key == "Arg":
                targets = set(kinds.split("|"))
            elif key == "Value":
                values = set(kinds.split("|"))
        attributes[name] = (targets, values)
    visual = folder / "visual.conf"
    if visual.is_file():
        for line in _sections(visual.read_text(encoding="utf-8")).get("labels", []):
            match = re.match(r"^(\s*)([^\t]+)(?:\t(.*))?$", line)
            terms = [t.strip() for t in match.group(2).split("|") if t.strip()]
            if terms[0] not in entities | set(attributes):
                errors.append(f"visual.conf: label for unknown type {terms[0]!r}")
    return entities, attributes, errors


def check_document(text: str, ann: str, entities: set[str],
                   attributes: dict[str, tuple[set[str], set[str]]], where: str = "") -> list[str]:
    """Every rule the .ann breaks, as messages (empty when brat accepts it)."""
    errors: list[str] = []
    seen: dict[str, str] = {}
    types: dict[str, str] = {}
    pending: list[tuple[str, str, str]] = []
    for number, line in enumerate(ann.splitlines(keepends=True), start=1):
        here = f"{where} line {number}"
        if "\t" not in line:
            errors.append(f"{here}: no tab")
            continue
        ann_id, tail = line.split("\t", 1)
        if _ID.match(ann_id) is None or ann_id in seen:
            errors.append(f"{here}: bad or repeated id {ann_id!r}")
            continue
        seen[ann_id] = line
        data, data_tail = (tail.split("\t", 1)[0], "\t" + tail.split("\t", 1)[1]) if "\t" in tail else (tail, "")
        if ann_id[0] == "T":
            try:
                type_name, rest = data.split(" ", 1)
                frags = [tuple(int(n) for n in part.split(" ")) for part in rest.split(";")]
            except ValueError:
                errors.append(f"{here}: unreadable text-bound data {data!r}")
                continue
            placed: list[tuple[int, int]] = []
            for start, end in frags:
                if start > end or start < 0 or end > len(text):
                    errors.append(f"{here}: fragment {start}-{end} outside the text")
                if any(end >= ostart and start < oend for ostart, oend in placed):
                    errors.append(f"{here}: fragments overlap")
                placed.append((start, end))
            span_len = sum(e - s for s, e in frags) + len(frags) - 1
            expected = " ".join(text[s:e] for s, e in frags)
            if not data_tail.startswith("\t"):
                errors.append(f"{here}: no text field")
            elif data_tail[1:span_len + 1] != expected:
                errors.append(f"{here}: text {data_tail[1:span_len + 1]!r} is not {expected!r}")
            elif data_tail[span_len + 1:] and not data_tail[span_len + 1:][0].isspace():
                errors.append(f"{here}: text not followed by white space")
            if type_name not in entities:
                errors.append(f"{here}: {type_name!r} is not a known textbound type")
            types[ann_id] = type_name
        elif ann_id[0] == "A":
            match = re.match(r"(.+?) (.+?) (.+?)$", data.rstrip("\n")) or re.match(r"(.+?) (.+?)$", data.rstrip("\n"))
            if match is None:
                errors.append(f"{here}: unreadable attribute")
                continue
            groups = match.groups()
            pending.append((here, groups[0], groups[1], groups[2] if len(groups) > 2 else None))
        elif ann_id[0] == "#":
            if len(data.split()) != 2:
                errors.append(f"{here}: a note needs a type and a target")
    for here, attr, target, value in pending:
        if target not in types:
            errors.append(f"{here}: attribute of unknown annotation {target}")
            continue
        allowed, values = attributes.get(attr, (set(), set()))
        if attr not in attributes or not (types[target] in allowed or "<ENTITY>" in allowed):
            errors.append(f"{here}: {types[target]} cannot take a {attr} attribute")
        if value is not None and value not in values:
            errors.append(f"{here}: value {value!r} of {attr} is not declared")
    return errors


def check_folder(folder: Path) -> list[str]:
    """Every brat rule broken by an export folder (configuration at its top, documents below)."""
    entities, attributes, errors = read_conf(folder)
    for ann_file in sorted(folder.rglob("*.ann")):
        with open(ann_file.with_suffix(".txt"), encoding="utf-8", newline=None) as handle:
            text = handle.read()  # brat reads with universal newlines
        ann = ann_file.read_text(encoding="utf-8")
        errors += check_document(text, ann, entities, attributes, str(ann_file.relative_to(folder)))
    return errors
