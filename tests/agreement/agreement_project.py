"""A real three-annotator project file for the agreement tests (store, report and CLI)."""

from __future__ import annotations

from pathlib import Path

from annotator.core.model import Document, Span
from annotator.io.codebook_files import load_preset
from annotator.store import Project

TEXTS = [
    "The minister said the reform was a 'necessary step' while critics called it reckless.",
    "Protesters gathered outside parliament; police reportedly used tear gas on the crowd.",
    "Officials claimed the spill was contained, but residents said the water still smelled.",
    "A spokesperson denied any wrongdoing and described the report as deeply misleading.",
]


def mark(text: str, phrase: str) -> tuple[int, int]:
    start = text.index(phrase)
    return start, start + len(phrase)


def build_project(path: Path) -> Path:
    """Four articles; alice, bob and carol code three of them (carol skips the last), dave only opens one."""
    with Project.create(path) as project:
        project.codebook.install(load_preset("framing-devices"))
        ids = project.documents.add([Document(text=t, title=f"Article {i + 1}") for i, t in enumerate(TEXTS)]).added
        plan = {
            # (document index, annotator): [(phrase, label)]
            (0, "alice"): [("said", "reporting_verb"), ("'necessary step'", "scare_quote"), ("reckless", "loaded_term")],
            (0, "bob"): [("said", "reporting_verb"), ("'necessary step'", "scare_quote"), ("called it reckless", "loaded_term")],
            (0, "carol"): [("said", "reporting_verb"), ("necessary step", "direct_quote")],
            (1, "alice"): [("reportedly", "hedge"), ("used tear gas", "agentless_passive")],
            (1, "bob"): [("reportedly", "hedge")],
            (1, "carol"): [("reportedly", "hedge"), ("tear gas", "loaded_term")],
            (2, "alice"): [("claimed", "reporting_verb"), ("said", "reporting_verb")],
            (2, "bob"): [("claimed", "reporting_verb"), ("said", "reporting_verb"), ("still", "intensifier")],
            (2, "carol"): [("claimed", "loaded_term"), ("said", "reporting_verb")],
            (3, "alice"): [("denied", "reporting_verb"), ("deeply", "intensifier")],
            (3, "bob"): [("denied", "reporting_verb"), ("deeply misleading", "loaded_term")],
        }
        spans = []
        for (doc, who), marks in plan.items():
            for phrase, label in marks:
                start, end = mark(TEXTS[doc], phrase)
                origin = "suggestion" if (who, label) == ("bob", "reporting_verb") else "manual"
                spans.append(Span(document_id=ids[doc], annotator=who, label_id=label, start=start, end=end,
                                  text=TEXTS[doc][start:end], origin=origin))
        project.spans.add_many(spans)
        answers = {
            "source_type": {"alice": ["official", "citizen", "official", "corporate"],
                            "bob": ["official", "citizen", "official", "corporate"],
                            "carol": ["official", "media", "official", None]},
            "tone": {"alice": ["negative", "negative", "neutral", "negative"],
                     "bob": ["negative", "neutral", "neutral", "unsure"],
                     "carol": ["neutral", "negative", "neutral", None]},
        }
        for question, by_annotator in answers.items():
            for who, values in by_annotator.items():
                for doc, value in enumerate(values):
                    if value:
                        project.answers.set(ids[doc], who, question, value)
        for who in ("alice", "bob"):
            for doc in ids:
                project.assignments.set_status(who, doc, "done")
        for doc in ids[:2]:
            project.assignments.set_status("carol", doc, "done")
        project.assignments.set_status("carol", ids[2], "in progress")
        project.team.add("dave")
        project.assignments.set_status("dave", ids[3], "todo")
    return path
