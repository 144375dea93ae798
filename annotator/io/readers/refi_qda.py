"""REFI-QDA exchange files (MAXQDA, ATLAS.ti, NVivo, QualCoder...): a .qdpx project, a .qde, or a .qdc codebook.

Text sources become documents, codes (nested, with colours) labels, each coding of a selection a
span of its code under the user who made it, memos (a selection's Description and NoteRefs) the
span's note. Codings of a whole source that our own export wrote for document questions become
answers again; variables of sources and cases become answers to a question named after the
variable (or, with too many different values, document metadata). Positions count characters
of the source text as stored, a line end CR LF as two, except in ATLAS.ti files (one).
The users become the team (in the file's order); the GUIDs of sources, users, codes and codings
are handed over as exchange ids (a selection's GUID becomes its first coding's span id), so that
the project exported again as .qdpx writes them again; the notes our export wrote for memos become
memos again, with the coding and memo dates.
"""

from __future__ import annotations

import io
import zipfile
from collections import Counter
from pathlib import Path
from typing import Any

from lxml import etree

from annotator.core.errors import ImportRefused
from annotator.core.model import Annotator, Document, reserved_name
from annotator.io.decode import decode_bytes
from annotator.io.note_attributes import split_attribute_lines
from annotator.io.refi_ids import REFI_GUIDS_KEY, coding_guid, is_guid
from annotator.io.refi_ids import guid as derived_guid
from annotator.io.readers.base import (
    ImportedAnswer,
    ImportedDocument,
    ImportedFile,
    ImportedLabel,
    ImportedMemo,
    ImportedSpan,
    ReadOptions,
    count_phrase,
    display_name,
    refuse_unstorable,
    stored_text_of,
)
from annotator.io.readers.refi_codebook import (
    Codebook,
    child,
    codes_element,
    is_ours,
    normalise_guids,
    own_text,
    read_codes,
    read_users,
    read_variables,
    variable_value,
)
from annotator.io.readers.xml_parse import children, local, parse_xml

EXTENSIONS = (".qdpx", ".qdc", ".qde")
# Our export's variables that are document fields (the document id follows from the text).
FIELD_VARIABLES = {"Outlet": "outlet", "Date": "published", "URL": "url", "Language": "language",
                   "Author": "author", "Document id": ""}
MEMO = ImportedLabel(name="Memo", key="refi:memo",
                     description="Memos of a QDA project on a stretch of text that no code marks.")
MAX_CHOICES = 20


class _Project:
    """One REFI-QDA project being read: its archive, users, codes, notes and variables."""

    def __init__(self, root: etree._Element, archive: zipfile.ZipFile | None, source: str, options: ReadOptions):
        self.root, self.archive, self.source, self.options = root, archive, source, options
        self.ours = is_ours(root)
        self.atlas = "atlas" in (root.get("origin") or "").lower()
        self.users = read_users(root)
        self.book: Codebook = read_codes(codes_element(root), self.ours)
        self.variables = read_variables(root)
        self.notes = self._notes()
        self.used_notes: set[str] = set()
        self.case_values, self.sets = self._cases_and_sets()
        self.variable_values: dict[str, list[tuple[int, str]]] = {}
        self.warnings: list[str] = []
        self.memo_used = False
        self.exchange_ids: dict[str, str] = {}  # "<kind>:<our id>" -> the file's GUID
        self.span_ids: set[str] = set()

    def member(self, path: str) -> bytes:
        """A file of the archive named by an internal:// path (looked up under Sources/, any case)."""
        if self.archive is None:
            raise ImportRefused(self.source, f"refers to {path} but is not a .qdpx archive holding it")
        wanted = path[len("internal://"):].lstrip("/").lower()
        names = {n.lower(): n for n in self.archive.namelist()}
        name = names.get(f"sources/{wanted}") or names.get(wanted)
        if name is None:
            raise ImportRefused(self.source, f"lacks the file {path} that it refers to")
        if self.archive.getinfo(name).file_size > self.options.max_bytes:
            raise ImportRefused(self.source, f"holds {name}, which is larger than the size limit")
        return self.archive.read(name)

    def _notes(self) -> dict[str, str]:
        notes = {}
        self.note_elements: dict[str, etree._Element] = {}
        for listing in children(self.root, "Notes"):
            for note in children(listing, "Note"):
                text = own_text(child(note, "PlainTextContent"))
                path = note.get("plainTextPath") or ""
                if not text and path.startswith("internal://"):
                    text = decode_bytes(self.member(path), path).text.lstrip("\ufeff").strip()
                title = (note.get("name") or "").strip()
                notes[note.get("guid", "")] = text or title
                self.note_elements[note.get("guid", "")] = note
        return notes

    def note_texts(self, el: etree._Element) -> list[str]:
        """The Description and the texts of the notes an element refers to."""
        texts = [own_text(child(el, "Description"))]
        for ref in children(el, "NoteRef"):
            target = ref.get("targetGUID", "")
            self.used_notes.add(target)
            texts.append(self.notes.get(target, ""))
        return [t for t in texts if t]

    def _cases_and_sets(self) -> tuple[dict[str, list[tuple[str, str]]], dict[str, list[str]]]:
        values: dict[str, list[tuple[str, str]]] = {}
        for listing in children(self.root, "Cases"):
            for case in children(listing, "Case"):
                found = [v for v in map(variable_value, children(case, "VariableValue")) if v]
                for ref in children(case, "SourceRef"):
                    values.setdefault(ref.get("targetGUID", ""), []).extend(found)
        sets: dict[str, list[str]] = {}
        for listing in children(self.root, "Sets"):
            for member_set in children(listing, "Set"):
                for ref in children(member_set, "MemberSource"):
                    sets.setdefault(ref.get("targetGUID", ""), []).append(member_set.get("name", ""))
        return values, sets

    def keep_id(self, kind: str, our_id: str, file_guid: str, derived: str) -> None:
        """Remember the file's GUID of one of our records, when it is not the one our export derives."""
        if file_guid and is_guid(file_guid) and file_guid != derived:
            self.exchange_ids.setdefault(f"{kind}:{our_id}", file_guid)

    def span_id(self, file_guid: str) -> str:
        """A span's id from a selection's or coding's GUID ("" when it is none or taken in this file)."""
        if not is_guid(file_guid) or file_guid in self.span_ids:
            return ""
        self.span_ids.add(file_guid)
        return file_guid

    def memos(self, source: etree._Element) -> tuple[list[ImportedMemo], list[str]]:
        """The notes a source refers to: memos of their users when our export wrote them (one per
        annotator), else texts to keep in the document's metadata."""
        memos, texts = [], [own_text(child(source, "Description"))]
        for ref in children(source, "NoteRef"):
            target = ref.get("targetGUID", "")
            self.used_notes.add(target)
            note, text = self.note_elements.get(target), self.notes.get(target, "")
            if self.ours and note is not None and note.get("creatingUser") and text:
                memos.append(ImportedMemo(text, self.user(note), note.get("creationDateTime", ""),
                                          note.get("modifiedDateTime", "")))
            else:
                texts.append(text)
        return memos, [t for t in texts if t]

    def user(self, *elements: etree._Element) -> str | None:
        for el in elements:
            guid = el.get("creatingUser") or el.get("modifyingUser")
            if guid:
                return self.users.get(guid, f"user {guid[:8]}")
        return None


def _code(project: _Project, coding: etree._Element, where: str) -> str:
    ref = child(coding, "CodeRef")
    code = ref.get("targetGUID", "") if ref is not None else ""
    if code not in project.book.names:
        raise ImportRefused(project.source, f"{where} is coded with {code or 'no code'}, which is not in its codebook")
    return code


def _selection_spans(project: _Project, sel: etree._Element, positions: str, normalised: Any,
                     where: str) -> list[ImportedSpan]:
    try:
        start, end = int(sel.get("startPosition", "")), int(sel.get("endPosition", ""))
    except ValueError:
        raise ImportRefused(project.source, f"{where}: a selection has no whole-number positions") from None
    if not 0 <= start < end <= len(positions):
        raise ImportRefused(project.source, f"{where}: selection at {start}-{end} does not fit the text "
                            f"({len(positions)} characters)")
    new_start, new_end = normalised.remap(start, end)
    if new_start >= new_end:
        return []
    note, attributes = "\n".join(project.note_texts(sel)), {}
    if project.ours:
        note, attributes = split_attribute_lines(note)
    codings = children(sel, "Coding")
    if not codings:
        project.memo_used = True
        return [ImportedSpan(new_start, new_end, MEMO.key, note, project.user(sel))] if note else []
    spans = []
    for coding in codings:
        code = _code(project, coding, where)
        coding_note = "\n".join([note] + project.note_texts(coding)).strip("\n")
        # The first coding of a selection takes the selection's GUID as its id, the others their own.
        span_id = project.span_id(sel.get("guid", "")) or project.span_id(coding.get("guid", ""))
        if span_id:
            project.keep_id("coding", span_id, coding.get("guid", ""), coding_guid(span_id))
        created = coding.get("creationDateTime") or sel.get("creationDateTime") or ""
        spans.append(ImportedSpan(new_start, new_end, code, coding_note, project.user(coding, sel), dict(attributes),
                                  id=span_id, created=created,
                                  updated=sel.get("modifiedDateTime") or coding.get("modifiedDateTime") or created))
    return spans


def _source_text(project: _Project, el: etree._Element, name: str) -> str | None:
    content = child(el, "PlainTextContent")
    if content is not None and content.text:
        return content.text
    path = el.get("plainTextPath") or ""
    if path.startswith("internal://"):
        return decode_bytes(project.member(path), f"{project.source}: {path}").text
    project.warnings.append(f"source {name!r} points to a file outside the project ({path or 'no path'}): "
                            "not imported")
    return None


def _document(project: _Project, el: etree._Element, name: str, index: int,
              source_guid: str) -> ImportedDocument | None:
    """The document of a text source (`el`, or a PDF source's text representation); `source_guid` the source's."""
    raw = _source_text(project, el, name)
    if raw is None:
        return None
    raw = raw.lstrip("\ufeff")
    positions = raw.replace("\r\n", "\n") if project.atlas else raw
    normalised = stored_text_of(positions)
    where = f"source {name!r}"
    if not normalised.text.strip():
        raise ImportRefused(project.source, f"{where} holds no text")
    refuse_unstorable(normalised.text, project.source, where)
    spans = []
    for sel in children(el, "PlainTextSelection"):
        spans += _selection_spans(project, sel, positions, normalised, where)
    chosen: dict[tuple[str, str | None], list[str]] = {}
    given: dict[tuple[str, str | None], str] = {}  # when the first choice of an answer was coded
    text = normalised.text
    for coding in children(el, "Coding"):
        code = _code(project, coding, where)
        who = project.user(coding)
        if code in project.book.choice_of:
            question, choice = project.book.choice_of[code]
            chosen.setdefault((question, who), []).append(choice)
            given.setdefault((question, who), coding.get("creationDateTime") or "")
        else:  # a code given to the whole source: a span over all of its text
            start, end = len(text) - len(text.lstrip()), len(text.rstrip())
            spans.append(ImportedSpan(start, end, code, "\n".join(project.note_texts(coding)), who))
    answers = [ImportedAnswer(question, values, who, created=given[(question, who)])
               for (question, who), values in chosen.items()]
    fields: dict[str, str] = {}
    values = [v for v in map(variable_value, children(el, "VariableValue")) if v]
    for guid, value in values + project.case_values.get(source_guid, []):
        var_name, _ = project.variables.get(guid, ("", ""))
        if project.ours and var_name in FIELD_VARIABLES:
            if FIELD_VARIABLES[var_name]:
                fields[FIELD_VARIABLES[var_name]] = value
        elif var_name:
            project.variable_values.setdefault(guid, []).append((index, value))
    metadata: dict = {"format": "refi-qda", "qda_project": project.root.get("name", "")}
    memos, texts = project.memos(el)
    if texts:
        metadata["memos"] = texts
    if project.sets.get(source_guid):
        metadata["sets"] = project.sets[source_guid]
    document = Document(text=text, title=name, filename=name, metadata=metadata, **fields)
    project.keep_id("document", document.id, source_guid, derived_guid("document", document.id))
    return ImportedDocument(document, spans=spans, where=where, answers=answers, memos=memos)


def _variables_as_answers(project: _Project, documents: list[ImportedDocument]) -> list[ImportedLabel]:
    """Each variable a question whose choices are its values; one with too many values stays metadata."""
    questions = []
    for guid, found in project.variable_values.items():
        name, kind = project.variables[guid]
        distinct = list(dict.fromkeys(value for _, value in found))
        if len(distinct) > MAX_CHOICES:
            for index, value in found:
                documents[index].document.metadata.setdefault("variables", {})[name] = value
            project.warnings.append(f"variable {name!r} ({kind}) has {len(distinct)} different values: kept "
                                    "in each document's metadata, not as a question")
            continue
        key = f"refi-variable:{guid}"
        questions.append(ImportedLabel(name=name, key=key, kind="document", choices=distinct,
                                       description=f"Variable {name!r} ({kind}) of the QDA project."))
        for index, value in found:
            documents[index].answers.append(ImportedAnswer(key, [value]))
    return questions


def _read_project(project: _Project) -> ImportedFile:
    documents: list[ImportedDocument] = []
    skipped: Counter = Counter()
    for listing in children(project.root, "Sources"):
        for el in listing:
            kind = local(el)
            text_el, name = el, (el.get("name") or "").strip() or el.get("guid", "source")
            if kind == "PDFSource" and child(el, "Representation") is not None:
                text_el = child(el, "Representation")
            elif kind != "TextSource":
                skipped[f"{kind} source(s)"] += 1
                continue
            item = _document(project, text_el, name, len(documents), el.get("guid", ""))
            if item is not None:
                documents.append(item)
    labels = list(project.book.labels) + _variables_as_answers(project, documents)
    if project.memo_used:
        labels.append(MEMO)
    unused = [g for g in project.notes if g not in project.used_notes]
    if unused:
        skipped["project memo(s) not attached to a text"] += len(unused)
    for listing in children(project.root, "Links"):
        skipped["link(s)"] += len(children(listing, "Link"))
    warnings = list(project.warnings)
    if skipped:
        warnings.append(f"{count_phrase(dict(skipped))}: no place for them in a project")
    if not documents and not labels:
        raise ImportRefused(project.source, "holds no text source and no code")
    team = []
    for user_guid, name in project.users.items():
        if not reserved_name(name):
            team.append(Annotator(name))
            project.keep_id("user", name, user_guid, derived_guid("user", name))
    return ImportedFile(documents, labels=labels, warnings=warnings, team=team,
                        exchange_ids=project.exchange_ids, exchange_ids_key=REFI_GUIDS_KEY)


def _open_archive(data: bytes, source: str, options: ReadOptions) -> tuple[etree._Element, zipfile.ZipFile]:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise ImportRefused(source, "is not a readable .qdpx file (a .qdpx is a zip archive)") from None
    qde = [n for n in archive.namelist() if n.lower().endswith(".qde") and "/" not in n.strip("/")]
    if not qde:
        raise ImportRefused(source, "is a zip archive without a project.qde: not a REFI-QDA project")
    if archive.getinfo(qde[0]).file_size > options.max_bytes:
        raise ImportRefused(source, f"holds {qde[0]}, which is larger than the size limit")
    root = parse_xml(decode_bytes(archive.read(qde[0]), qde[0]).text, f"{source}: {qde[0]}")
    return root, archive


def read_refi(path: Path, data: bytes, options: ReadOptions) -> ImportedFile:
    """A .qdpx project (or a bare .qde), or a .qdc codebook (its codes become labels)."""
    source = display_name(path)
    if data.startswith(b"PK\x03\x04"):
        root, archive = _open_archive(data, source, options)
    else:
        root, archive = parse_xml(decode_bytes(data, source).text, source), None
    normalise_guids(root)
    if local(root) == "CodeBook":
        book = read_codes(codes_element(root), is_ours(root))
        if not book.labels:
            raise ImportRefused(source, "is a REFI-QDA codebook without codes")
        return ImportedFile(labels=book.labels)
    if local(root) != "Project":
        raise ImportRefused(source, f"is XML but not a REFI-QDA project or codebook (its root is <{local(root)}>)")
    try:
        return _read_project(_Project(root, archive, source, options))
    finally:
        if archive is not None:
            archive.close()
