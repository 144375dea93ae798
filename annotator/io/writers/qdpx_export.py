"""REFI-QDA exchange: a .qdpx project (codes, sources, coded selections) and a codebook-only .qdc."""

from __future__ import annotations

import contextlib
import re
import tempfile
import zipfile
from pathlib import Path
from typing import Any

from lxml import etree

from annotator import __version__
from annotator.core.codebook import Codebook
from annotator.core.model import Span
from annotator.io.note_attributes import attribute_note
from annotator.io.refi_ids import RefiGuids, choice_key, guid, span_guid
from annotator.io.writers.common import (
    GOLD,
    ExportReport,
    ExportSelection,
    Progress,
    selected_sources,
)

PROJECT_NS = "urn:QDA-XML:project:1.0"
CODEBOOK_NS = "urn:QDA-XML:codebook:1.0"
ORIGIN = f"Framing Annotator {__version__}"
_DATETIME_RE = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)?$")
VARIABLES = (("outlet", "Outlet"), ("published", "Date"), ("url", "URL"), ("language", "Language"),
             ("author", "Author"), ("id", "Document id"))
__all__ = ["guid", "span_guid", "write_qdc", "write_qdpx", "codes_element"]


def _when(value: str) -> str | None:
    return value if value and _DATETIME_RE.match(value) else None


def _set(element: etree._Element, **attrs: str | None) -> etree._Element:
    for key, value in attrs.items():
        if value is not None:
            element.set(key, value)
    return element


def codes_element(book: Codebook, ns: str, guids: RefiGuids | None = None) -> etree._Element:
    """<Codes>: span labels nested by parent; each question a non-codable code over its choices.

    GUIDs are those `guids` kept from an import, else derived from our ids."""
    guids = guids or RefiGuids()
    q = lambda tag: f"{{{ns}}}{tag}"  # noqa: E731
    codes = etree.Element(q("Codes"))
    made: dict[str, etree._Element] = {}
    labels = book.span_labels
    ids = {label.id for label in labels}

    def code(parent: etree._Element, code_guid: str, name: str, codable: bool, colour: str | None,
             description: str) -> etree._Element:
        element = _set(etree.SubElement(parent, q("Code")), guid=code_guid, name=name,
                       isCodable="true" if codable else "false", color=colour)
        if description:
            etree.SubElement(element, q("Description")).text = description
        return element

    pending = list(labels)
    while pending:  # parents before children, whatever the codebook order
        rest = []
        for label in pending:
            parent_id = label.parent if label.parent in ids else None
            if parent_id is not None and parent_id not in made:
                rest.append(label)
                continue
            parent = made[parent_id] if parent_id else codes
            made[label.id] = code(parent, guids.of("label", label.id), label.name, True, label.color,
                                  label.description)
        if len(rest) == len(pending):
            break
        pending = rest
    for question in book.questions:
        element = code(codes, guids.of("label", question.id), question.name, False, question.color,
                       question.description)
        for choice in question.choices:
            code(element, guids.of("choice", choice_key(question.id, choice.id)), choice.name, True, None,
                 choice.description)
    return codes


def write_qdc(book: Codebook, path: Path) -> None:
    """A codebook-only REFI-QDA file (.qdc)."""
    root = etree.Element(f"{{{CODEBOOK_NS}}}CodeBook", nsmap={None: CODEBOOK_NS})
    root.set("origin", ORIGIN)
    root.append(codes_element(book, CODEBOOK_NS))
    etree.ElementTree(root).write(str(path), xml_declaration=True, encoding="utf-8",
                                  pretty_print=True, standalone=True)


def _q(tag: str) -> str:
    return f"{{{PROJECT_NS}}}{tag}"


def _element(tag: str) -> etree._Element:
    """A top-level element of the project namespace, written without a prefix."""
    return etree.Element(_q(tag), nsmap={None: PROJECT_NS})


def _selection(span: Span, users: dict[str, str], guids: RefiGuids) -> etree._Element:
    user = users[span.annotator]
    element = _set(
        _element("PlainTextSelection"), guid=guids.of("span", span.id),
        name=" ".join(span.text.split())[:60] or span.label_id,
        startPosition=str(span.start), endPosition=str(span.end),
        creatingUser=user, creationDateTime=_when(span.created),
        modifyingUser=user, modifiedDateTime=_when(span.updated),
    )
    described = [span.note] if span.note else []
    for key, value in sorted(span.attributes.items()):
        if value not in (None, "", [], {}):
            described.append(attribute_note(key, value))
    if described:
        etree.SubElement(element, _q("Description")).text = "\n".join(described)
    coding = _set(etree.SubElement(element, _q("Coding")), guid=guids.of("coding", span.id),
                  creatingUser=user, creationDateTime=_when(span.created))
    etree.SubElement(coding, _q("CodeRef")).set("targetGUID", guids.of("label", span.label_id))
    return element


def _memo_note(who: str, text: str, created: str, updated: str, source_guid: str, users: dict[str, str],
               guids: RefiGuids) -> etree._Element:
    """A <Note> holding an annotator's memo on a document (its GUID derived from the document's and the user's)."""
    note = _set(_element("Note"), guid=guids.of("memo", f"{source_guid}/{users[who]}"), name=f"Memo ({who})",
                creatingUser=users[who], creationDateTime=_when(created),
                modifyingUser=users[who], modifiedDateTime=_when(updated))
    etree.SubElement(note, _q("PlainTextContent")).text = text
    return note


def _source(project: Any, doc: Any, sources: list[str], selection: ExportSelection,
            users: dict[str, str], guids: RefiGuids, report: ExportReport) -> tuple[etree._Element, list]:
    """A <TextSource> with its selections, answers, memo references and variables; and its memos' <Note>s."""
    source_guid = guids.of("document", doc.id)
    element = _set(_element("TextSource"), guid=source_guid,
                   name=doc.title or doc.filename or doc.id[:12],
                   plainTextPath=f"internal://{source_guid}.txt")
    people = [s for s in sources if s != GOLD]
    spans = project.exports.document_spans(doc.id, people, GOLD in sources, selection.label_ids)
    for span in spans:
        element.append(_selection(span, users, guids))
    report.spans += len(spans)
    for answer in project.exports.iter_answers(people, GOLD in sources, selection.label_ids,
                                                      document_id=doc.id):
        for part in filter(None, answer.value.split("|")):
            choice_guid = guids.of("choice", choice_key(answer.question, part))
            coding = _set(etree.SubElement(element, _q("Coding")),
                          guid=guid("answer", f"{source_guid}/{users[answer.annotator]}/{choice_guid}"),
                          creatingUser=users[answer.annotator], creationDateTime=_when(answer.created))
            etree.SubElement(coding, _q("CodeRef")).set("targetGUID", choice_guid)
        report.document_labels += 1
    notes = [_memo_note(*memo, source_guid, users, guids)
             for memo in project.exports.document_memos(doc.id, people)]
    for note in notes:
        etree.SubElement(element, _q("NoteRef")).set("targetGUID", note.get("guid"))
    for field, _name in VARIABLES:
        value = getattr(doc, field)
        if value:
            holder = etree.SubElement(element, _q("VariableValue"))
            etree.SubElement(holder, _q("VariableRef")).set("targetGUID", guid("variable", field))
            etree.SubElement(holder, _q("TextValue")).text = value
    return element, notes


def write_qdpx(project: Any, path: Path, selection: ExportSelection, report: ExportReport,
               progress: Progress) -> None:
    """A .qdpx zip: project.qde (REFI-QDA project XML) and Sources/<guid>.txt per document.

    Records that came from a .qdpx keep the GUIDs it gave them (kept in the project by the import),
    so that a project goes to another tool and back without its codes, users and codings changing
    identity; the others get GUIDs derived from our ids, the same at each export."""
    book = project.codebook.current()
    guids = RefiGuids.of_project(project)
    users = {name: guids.of("user", name) for name in selection.sources}
    with tempfile.TemporaryDirectory(dir=path.parent, prefix=".qde-") as scratch:
        qde = Path(scratch) / "project.qde"
        notes: list[etree._Element] = []
        with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive, \
                etree.xmlfile(str(qde), encoding="utf-8") as xf:
            xf.write_declaration(standalone=True)
            with xf.element(_q("Project"), nsmap={None: PROJECT_NS}, name=project.name, origin=ORIGIN):
                if users:
                    listing = _element("Users")
                    for name, user_guid in users.items():
                        _set(etree.SubElement(listing, _q("User")), guid=user_guid, name=name)
                    xf.write(listing, pretty_print=True)
                book_element = _element("CodeBook")
                book_element.append(codes_element(book, PROJECT_NS, guids))
                xf.write(book_element, pretty_print=True)
                variables = _element("Variables")
                for field, name in VARIABLES:
                    _set(etree.SubElement(variables, _q("Variable")), guid=guid("variable", field),
                         name=name, typeOfVariable="Text")
                xf.write(variables, pretty_print=True)
                with contextlib.ExitStack() as sources_open:
                    for doc in project.documents.iter_all():
                        progress.step()
                        sources = selected_sources(project, doc.id, selection)
                        if selection.done_only and not sources:
                            continue
                        if report.documents == 0:
                            sources_open.enter_context(xf.element(_q("Sources")))
                        element, memos = _source(project, doc, sources, selection, users, guids, report)
                        notes += memos
                        xf.write(element, pretty_print=True)
                        archive.writestr(f"Sources/{element.get('guid')}.txt", doc.text.encode("utf-8"))
                        report.documents += 1
                if notes:
                    listing = _element("Notes")
                    listing.extend(notes)
                    xf.write(listing, pretty_print=True)
                with xf.element(_q("Description")):
                    xf.write(
                        f"Exported from Framing Annotator; coders: {', '.join(selection.sources) or 'none'}. "
                        "Selection positions count Unicode code points from 0, end exclusive."
                    )
        with zipfile.ZipFile(path, "a", compression=zipfile.ZIP_DEFLATED) as archive:
            archive.write(qde, "project.qde")
    report.files = 1
