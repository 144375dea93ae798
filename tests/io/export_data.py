"""A small project with awkward texts and spans, shared by the export tests."""

from __future__ import annotations

from dataclasses import dataclass, field

from annotator.core.model import Document, Span
from annotator.core.text import normalise_text
from annotator.store import Project

EMOJI_TEXT = "Le ministre a « dénoncé » les 👍🏽 manifestants 👨‍👩‍👧.\nIl affirme: =HYPERLINK(\"http://x\") été"
NBSP_TEXT = "Selon\u00a0l'AFP, le « racket » fiscal\u202fcontinue.\n\n+33 appels; -5 % ; @officiel\tdit."
COMBINING_TEXT = "Cafe\u0301 re\u0301sume\u0301: the cafe\u0301 \"claims\" it was na\u0131\u0308ve.\u2028Next line."
CRLF_SOURCE = "First line of the story.\r\nSecond line says \"quote\".\r\n\r\nThird paragraph, final.\r\n"


@dataclass
class ExportData:
    """What the builder stored, for tests to compare exports with."""

    documents: list[Document] = field(default_factory=list)
    spans: list[Span] = field(default_factory=list)


def _span(doc: Document, annotator: str, label: str, piece: str, occurrence: int = 0, **extra) -> Span:
    start = -1
    for _ in range(occurrence + 1):
        start = doc.text.index(piece, start + 1)
    return Span(doc.id, annotator, label, start, start + len(piece), piece, **extra)


def build(project: Project) -> ExportData:
    """Three annotators' and gold spans over four documents, with overlaps, notes and attributes."""
    data = ExportData()
    docs = [
        Document(text=EMOJI_TEXT, title="Emoji, formulas", outlet="Le Monde", published="2024-03-01",
                 url="https://example.org/a", language="fr"),
        Document(text=NBSP_TEXT, title="NBSP\tand signs", outlet="=cmd|' /C calc'!A0", language="fr"),
        Document(text=COMBINING_TEXT, title="Combining accents", outlet="AFP", language="en"),
        Document(text=normalise_text(CRLF_SOURCE).text, title="CRLF source", outlet="Wire",
                 filename="crlf.txt", language="en"),
    ]
    project.documents.add(docs)
    emoji, nbsp, combining, crlf = docs
    spans = [
        _span(emoji, "alice", "loaded_term", "dénoncé", attributes={"stance": "critical"}, note="strong verb"),
        _span(emoji, "bob", "scare_quote", "« dénoncé »"),
        _span(emoji, "alice", "naming", "les 👍🏽 manifestants 👨‍👩‍👧"),
        _span(emoji, "alice", "hedge", "=HYPERLINK(\"http://x\")"),
        _span(emoji, "lead", "direct_quote", "ministre a « dénoncé »", origin="adjudication"),
        _span(nbsp, "alice", "attribution", "Selon\u00a0l'AFP", attributes={"speaker": "AFP"}),
        _span(nbsp, "alice", "scare_quote", "« racket »"),
        _span(nbsp, "alice", "loaded_term", "racket"),  # nested in the scare quote
        _span(nbsp, "bob", "loaded_term", "racket » fiscal\u202fcontinue"),  # crosses alice's spans
        _span(nbsp, "bob", "intensifier", "-5 %", note="line one\nline two\ttabbed"),
        _span(nbsp, "bob", "naming", "@officiel\tdit"),
        _span(combining, "alice", "scare_quote", "\"claims\""),
        _span(combining, "alice", "naming", "cafe\u0301", occurrence=0),
        _span(combining, "bob", "naming", "re\u0301sume\u0301"),
        _span(combining, "bob", "hedge", "na\u0131\u0308ve.\u2028Next"),
        _span(crlf, "alice", "direct_quote", "\"quote\""),
        _span(crlf, "bob", "reporting_verb.loaded", "says"),
        _span(crlf, "alice", "naming", "story.\nSecond line"),  # crosses a line break
        _span(crlf, "lead", "reporting_verb.neutral", "says", origin="adjudication"),
    ]
    project.spans.add_many(spans, by_adjudication=True)  # two are gold, which only adjudication writes
    project.assignments.set_status("alice", emoji.id, "done")
    project.assignments.set_status("alice", nbsp.id, "done")
    project.assignments.set_status("bob", emoji.id, "in progress")
    project.assignments.set_status("bob", combining.id, "done")
    tone = next(q for q in project.codebook.current().questions if q.id == "tone")
    project.answers.set(emoji.id, "alice", "tone", tone.choices[0].id, note="=1+1")
    project.answers.set(nbsp.id, "bob", "tone", tone.choices[1].id)
    data.documents, data.spans = docs, spans
    return data


def texts_by_id(data: ExportData) -> dict[str, str]:
    return {doc.id: doc.text for doc in data.documents}
