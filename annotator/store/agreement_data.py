"""Reading what an agreement report needs from the project file: coders, spans and answers per document."""

from __future__ import annotations

import json
from collections import defaultdict
from typing import Sequence

from annotator.core.agreement_input import (
    AgreementInput,
    CodedDocument,
    CodedSpan,
    LabelSpec,
    QuestionSpec,
    rolled_up,
)
from annotator.core.codebook_tree import descendants
from annotator.core.errors import ProjectError
from annotator.core.model import Label
from annotator.store.gold import ADJUDICATION
from annotator.store.team import Team
from annotator.store.transactions import ProjectDatabase

# A status that says an annotator worked on a document even before marking anything.
WORKING_STATUSES = ("in progress", "done")


def _marks(values: Sequence[object]) -> str:
    return ", ".join("?" for _ in values)


class AgreementData:
    """Reading what agreement and adjudication compare: who coded which document, with what.

    Whose work is read follows `Team.visibility` (under blind coding a coder reads only their own).
    """

    def __init__(self, db: ProjectDatabase, team: Team):
        self.db = db
        self.team = team

    def default_coders(self) -> list[str]:
        """Whom agreement compares unless told otherwise: the annotators with assignments, or, in a project
        without assignments, every annotator (so the lead's stray test span does not make the lead a coder)."""
        assigned = {r[0] for r in self.db.execute(
            "SELECT DISTINCT annotator FROM assignments WHERE removed = 0 AND assigned = 1")}
        people = self.team.coders()
        return [a for a in people if a in assigned] if assigned & set(people) else people

    def _people(self, annotators: Sequence[str] | None) -> list[str]:
        """The chosen annotators, checked; by default `default_coders`; only those the reader may see."""
        known_people = self.team.coders()
        visibility = self.team.visibility()
        if annotators:
            unknown = [a for a in annotators if a not in known_people]
            if unknown:
                raise ProjectError(
                    f"unknown annotator {unknown[0]!r}; this project has: {', '.join(known_people) or 'none'}"
                )
            visibility.check(annotators)
            return list(dict.fromkeys(annotators))
        return visibility.keep(self.default_coders())

    def data(self, annotators: Sequence[str] | None = None, labels: Sequence[str] | None = None,
             done_only: bool = False, roll_up: bool = False) -> AgreementInput:
        """Gather per-document coders, spans and answers for an agreement report.

        An annotator coded a document when their status there is "in progress" or "done" or they left a
        span or an answer in it; with `done_only`, only when their status is "done". `annotators` (default:
        `default_coders`) and `labels` (span labels or question ids) restrict the report; unknown names are
        refused, and so are annotators whose work the identified reader may not see. Spans made in
        adjudication (the gold layer) are not an annotator's coding and are left out. With `roll_up`, a
        sub-label's spans count as spans of its top-level label (Reporting verb = neutral + loaded), and a
        chosen label brings its sub-labels.
        """
        # "gold" holds the adjudicated answers and spans: the reference, not one of the coders.
        people = self._people(annotators)
        allowed = set(people)

        rows = self.db.execute(
            "SELECT id, name, kind, level, choices, multiple, parent FROM labels ORDER BY position, id"
        ).fetchall()
        if labels:
            known_labels = {r[0] for r in rows}
            unknown = [label for label in labels if label not in known_labels]
            if unknown:
                raise ProjectError(f"unknown label or question {unknown[0]!r} in the codebook")
        wanted = set(labels) if labels else {r[0] for r in rows}
        if roll_up and labels:
            tree = [Label(id=r[0], name=r[1], kind=r[2], parent=r[6]) for r in rows]
            wanted |= {child for label in labels for child in descendants(tree, label)}
        span_labels = [LabelSpec(r[0], r[1], r[6]) for r in rows if r[2] == "span" and (r[0] in wanted or roll_up)]
        questions = [
            QuestionSpec(r[0], r[1], r[3], tuple(c["id"] for c in json.loads(r[4])), bool(r[5]))
            for r in rows if r[2] == "document" and r[0] in wanted
        ]
        label_ids = {label.id for label in span_labels}
        question_ids = {q.id for q in questions}

        status = {(a, d): s for a, d, s in self.db.execute("SELECT annotator, document_id, status FROM assignments")}
        spans_by_doc: dict[str, list[CodedSpan]] = defaultdict(list)
        touched: set[tuple[str, str]] = set()
        for annotator, document_id, start, end, label, origin in self.db.execute(
            'SELECT annotator, document_id, start, "end", label_id, origin FROM spans '
            'WHERE deleted = 0 AND origin != ? ORDER BY document_id, start, "end"', [ADJUDICATION]
        ):
            if annotator not in allowed:
                continue
            touched.add((annotator, document_id))
            if label in label_ids:
                spans_by_doc[document_id].append(CodedSpan(annotator, start, end, label, origin))
        answers_by_doc: dict[str, dict[str, dict[str, str]]] = defaultdict(lambda: defaultdict(dict))
        for document_id, annotator, question, value in self.db.execute(
            "SELECT document_id, annotator, question, value FROM document_labels "
            "WHERE deleted = 0 AND value != '' ORDER BY updated"
        ):
            if annotator not in allowed:
                continue
            touched.add((annotator, document_id))
            if question in question_ids:
                answers_by_doc[document_id][question][annotator] = value

        documents = []
        for doc_id, title, length in self.db.execute("SELECT id, title, length FROM documents ORDER BY position"):
            if done_only:
                coders = [a for a in people if status.get((a, doc_id)) == "done"]
            else:
                coders = [a for a in people
                          if status.get((a, doc_id)) in WORKING_STATUSES or (a, doc_id) in touched]
            if not coders:
                continue
            chosen = set(coders)
            documents.append(CodedDocument(
                id=doc_id, title=title, length=length, coders=coders,
                spans=[s for s in spans_by_doc.get(doc_id, []) if s.annotator in chosen],
                answers={q: {a: v for a, v in by.items() if a in chosen}
                         for q, by in answers_by_doc.get(doc_id, {}).items()},
            ))
        coding = {a for doc in documents for a in doc.coders}
        data = AgreementInput(
            annotators=[a for a in people if a in coding],
            documents=documents,
            questions=questions,
            labels=span_labels,
            filters={"annotators": list(annotators or []), "labels": list(labels or []),
                     "done_only": bool(done_only), "roll_up": bool(roll_up)},
        )
        return rolled_up(data, wanted) if roll_up else data

    def document_coders(self, document_ids: Sequence[str] | None = None, annotators: Sequence[str] | None = None,
                        done_only: bool = False) -> dict[str, list[str]]:
        """Who coded each document, by the rule of the agreement report (see `data`).

        An annotator coded a document when their status there is "in progress" or "done" or they left a
        span or an answer in it (with `done_only`: when their status is "done"). "gold" is never a coder.
        Documents nobody coded are absent. `annotators` default to `default_coders`, within what the
        identified reader may see.
        """
        people = self._people(annotators)
        if document_ids is not None and not document_ids:
            return {}
        where, params = "", []
        if document_ids is not None:
            where, params = f" AND document_id IN ({_marks(document_ids)})", list(document_ids)
        worked: set[tuple[str, str]] = set()
        statuses = ("done",) if done_only else WORKING_STATUSES
        for annotator, document_id in self.db.execute(
                f"SELECT annotator, document_id FROM assignments WHERE status IN ({_marks(statuses)}){where}",
                [*statuses, *params]):
            worked.add((annotator, document_id))
        if not done_only:
            for annotator, document_id in self.db.execute(
                    f"SELECT DISTINCT annotator, document_id FROM spans WHERE deleted = 0 AND origin != ?"
                    f"{where} UNION SELECT DISTINCT annotator, document_id FROM document_labels "
                    f"WHERE deleted = 0 AND value != ''{where}", [ADJUDICATION, *params, *params]):
                worked.add((annotator, document_id))
        ids = list(document_ids) if document_ids is not None else [
            r[0] for r in self.db.execute("SELECT id FROM documents ORDER BY position")]
        coders = {doc: [a for a in people if (a, doc) in worked] for doc in ids}
        return {doc: names for doc, names in coders.items() if names}
