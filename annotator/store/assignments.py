"""Who codes which document: blind coding, assignments by hand or planned, and progress."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Sequence

from annotator.core.assignment import AssignmentError, plan_assignments
from annotator.core.change import Action, Change
from annotator.core.errors import ProjectError
from annotator.core.model import ASSIGNMENT_STATUSES, Assignment, now_iso
from annotator.core.wording import counted
from annotator.store.documents import Documents
from annotator.store.team import Team
from annotator.store.transactions import ProjectDatabase


@dataclass
class AssignedDocument:
    """One line of an annotator's own list: a document assigned to them and how far they are."""

    document_id: str
    position: int
    title: str
    status: str
    updated: str


@dataclass
class ProgressRow:
    """One document of the progress matrix: each assigned annotator's status."""

    document_id: str
    position: int
    title: str
    statuses: dict[str, str] = field(default_factory=dict)

    @property
    def done(self) -> bool:
        return bool(self.statuses) and all(s == "done" for s in self.statuses.values())

    @property
    def share_done(self) -> float:
        """The share (0..1) of the document's assigned annotators who marked it done."""
        return sum(1 for s in self.statuses.values() if s == "done") / len(self.statuses) if self.statuses else 0.0


@dataclass
class Progress:
    """Documents x annotators (todo / in progress / done) with totals per annotator."""

    annotators: list[str]
    rows: list[ProgressRow]
    totals: dict[str, dict[str, int]]
    unassigned: int
    shown_names: dict[str, str] = field(default_factory=dict)

    def assigned(self, annotator: str) -> int:
        """How many documents are assigned to `annotator`."""
        return sum(self.totals.get(annotator, {}).values())

    def share_done(self, annotator: str) -> float:
        """The share (0..1) of an annotator's documents they marked done (0 with none assigned)."""
        total = self.assigned(annotator)
        return self.totals[annotator].get("done", 0) / total if total else 0.0

    def total(self, status: str) -> int:
        """How many assignments, over every annotator, have this status."""
        return sum(counts.get(status, 0) for counts in self.totals.values())

    @property
    def documents_done(self) -> int:
        """Documents every assigned annotator has finished."""
        return sum(1 for row in self.rows if row.done)


@dataclass(frozen=True)
class LeftOut:
    """A document automatic assignment did not plan (`why` "assigned": already assigned to `annotators`),
    or planned though someone had opened it without an assignment (`why` "opened")."""

    document_id: str
    title: str
    why: str
    annotators: list[str]


@dataclass
class AutoAssignPlan:
    """What automatic assignment does: document -> annotators, the overlap sample, each annotator's new
    documents (`load`) and what they had before, documents shared by each pair, and what it left out."""

    assignments: dict[str, list[str]]
    overlap: list[str]
    load: dict[str, int]
    pairs: dict[tuple[str, str], int]
    before: dict[str, int]
    left_out: list[LeftOut]
    opened_only: list[LeftOut]
    per_document: int
    overlap_share: float
    seed: int | str | None

    def summary_lines(self) -> list[str]:
        """The plan in English lines (the command line's report; the app words the same record itself)."""
        planned = counted(len(self.assignments), "document")
        if self.overlap and self.per_document > 1:
            lines = [f"{planned} planned, {len(self.overlap)} of them for {self.per_document} annotators each "
                     "(the agreement sample)."]
        else:
            lines = [f"{planned} planned, 1 annotator each (no agreement sample)."]
        for name in sorted(self.load):
            lines.append(f"  {name}: {self.load[name]} new, {self.before.get(name, 0) + self.load[name]} in all")
        for (first, second), count in sorted(self.pairs.items()):
            lines.append(f"  {first} and {second} share {counted(count, 'document')}")
        if self.left_out:
            lines.append(f"{counted(len(self.left_out), 'document')} left out, assigned already:")
            lines += [f"  {item.title or item.document_id[:12]}: {', '.join(item.annotators)}" for item in self.left_out]
        if self.opened_only:
            lines.append(f"{counted(len(self.opened_only), 'document')} planned though opened without an assignment by: "
                         + ", ".join(sorted({n for item in self.opened_only for n in item.annotators})))
        return lines


class Assignments:
    """The assignments table: who codes which document, and each annotator's status there."""

    def __init__(self, db: ProjectDatabase, documents: Documents, team: Team):
        self.db = db
        self.documents = documents
        self.team = team

    # -- statuses --------------------------------------------------------------------------

    def set_status(self, annotator: str, document_id: str, status: str) -> Change:
        """Set this annotator's status for a document (todo, in progress, done).

        A status on a document nobody assigned to the annotator is recorded without making it an
        assignment (the lead opening an article, a stray span): it steers nothing. Working on a document
        that was assigned and then taken away brings the assignment back.
        """
        if status not in ASSIGNMENT_STATUSES:
            raise ProjectError(f"unknown status {status!r}: use {', '.join(ASSIGNMENT_STATUSES)}")
        with self.db.atomic():
            if not self.documents.has(document_id):
                raise ProjectError(f"unknown document {document_id}")
            self.team.ensure(annotator)
            self.db.execute(
                "INSERT INTO assignments (annotator, document_id, status, updated, assigned) VALUES (?, ?, ?, ?, 0) "
                "ON CONFLICT(annotator, document_id) DO UPDATE SET status = excluded.status, "
                "updated = excluded.updated, removed = 0",
                [annotator, document_id, status, now_iso()],
            )
        return Change(Action.STATUS_SET, documents=[document_id], details={"status": status})

    def status(self, annotator: str, document_id: str) -> str:
        """This annotator's status for a document ("todo" when never set)."""
        row = self.db.execute(
            "SELECT status FROM assignments WHERE annotator = ? AND document_id = ?",
            [annotator, document_id],
        ).fetchone()
        return row[0] if row else "todo"

    def documents_with_status(self, annotator: str, status: str) -> set[str]:
        """The documents where `annotator`'s status is `status`, assigned to them or not."""
        return {r[0] for r in self.db.execute(
            "SELECT document_id FROM assignments WHERE annotator = ? AND status = ?", [annotator, status])}

    def statuses(self, document_id: str) -> dict[str, str]:
        """Each annotator's recorded status for one document (annotators never set are absent), for those
        the identified reader may see."""
        visibility = self.team.visibility()
        return {name: status for name, status in self.db.execute(
            "SELECT annotator, status FROM assignments WHERE document_id = ?", [document_id]).fetchall()
            if visibility.allows(name)}

    # -- assignments -----------------------------------------------------------------------

    def assign(self, annotator: str, document_ids: Sequence[str]) -> Change:
        """Assign documents to an annotator (added as an annotator if new); assigned ones stay as they are."""
        annotator = annotator.strip()
        if not annotator:
            raise ProjectError("an assignment needs an annotator's name")
        changed: list[str] = []
        with self.db.atomic():
            self.team.ensure(annotator)
            stamp = now_iso()
            for doc in dict.fromkeys(document_ids):
                if not self.documents.has(doc):
                    raise ProjectError(f"cannot assign unknown document {doc}")
                row = self.db.execute(
                    "SELECT removed, assigned FROM assignments WHERE annotator = ? AND document_id = ?",
                    [annotator, doc],
                ).fetchone()
                if row is None:
                    self.db.execute(
                        "INSERT INTO assignments (annotator, document_id, status, updated, removed, assigned) "
                        "VALUES (?, ?, 'todo', ?, 0, 1)",
                        [annotator, doc, stamp],
                    )
                elif row[0] or not row[1]:
                    # Assigned again after a removal, or assigned where only a status was recorded (kept).
                    self.db.execute(
                        "UPDATE assignments SET removed = 0, assigned = 1, updated = ? "
                        "WHERE annotator = ? AND document_id = ?",
                        [stamp, annotator, doc],
                    )
                else:
                    continue
                changed.append(doc)
        return Change(Action.DOCUMENTS_ASSIGNED, documents=changed, annotators=[annotator] if changed else [])

    def unassign(self, annotator: str, document_ids: Sequence[str]) -> Change:
        """Take documents away from an annotator; a tombstone keeps the removal for merges.

        The annotator's spans and status stay in the file: only the assignment goes.
        """
        changed: list[str] = []
        with self.db.atomic():
            stamp = now_iso()
            for doc in dict.fromkeys(document_ids):
                cursor = self.db.execute(
                    "UPDATE assignments SET removed = 1, updated = ? "
                    "WHERE annotator = ? AND document_id = ? AND removed = 0 AND assigned = 1",
                    [stamp, annotator, doc],
                )
                if cursor.rowcount:
                    changed.append(doc)
        return Change(Action.DOCUMENTS_UNASSIGNED, documents=changed, annotators=[annotator] if changed else [])

    def find(self, annotator: str | None = None, document_id: str | None = None) -> list[Assignment]:
        """Live assignments, optionally of one annotator or one document, in document order."""
        sql = (
            "SELECT a.annotator, a.document_id, a.status, a.updated FROM assignments a "
            "JOIN documents d ON d.id = a.document_id WHERE a.removed = 0 AND a.assigned = 1"
        )
        params: list[str] = []
        if annotator is not None:
            sql += " AND a.annotator = ?"
            params.append(annotator)
        if document_id is not None:
            sql += " AND a.document_id = ?"
            params.append(document_id)
        rows = self.db.execute(sql + " ORDER BY d.position, a.annotator", params).fetchall()
        return [Assignment(annotator=r[0], document_id=r[1], status=r[2], updated=r[3]) for r in rows]

    def of_annotator(self, annotator: str) -> list[AssignedDocument]:
        """An annotator's documents with their status, in document order."""
        rows = self.db.execute(
            "SELECT d.id, d.position, d.title, a.status, a.updated FROM assignments a "
            "JOIN documents d ON d.id = a.document_id "
            "WHERE a.annotator = ? AND a.removed = 0 AND a.assigned = 1 ORDER BY d.position",
            [annotator],
        ).fetchall()
        return [AssignedDocument(*row) for row in rows]

    def plan_auto(self, annotators: Sequence[str], per_document: int = 2, overlap_share: float = 0.2,
                  seed: int | str | None = 0, document_ids: Sequence[str] | None = None) -> AutoAssignPlan:
        """What `auto_assign` would do, written nowhere: the plan, and the documents it leaves out and why.

        Documents already assigned to someone are left out (each with whom); a document someone only
        opened or marked (a status, no assignment: the lead's test span) is planned like any other.
        """
        titles = {doc_id: title for doc_id, title in self.db.execute("SELECT id, title FROM documents")}
        if document_ids is None:
            candidates = [r[0] for r in self.db.execute("SELECT id FROM documents ORDER BY position")]
        else:
            candidates = list(dict.fromkeys(document_ids))
            for doc in candidates:
                if doc not in titles:
                    raise ProjectError(f"cannot assign unknown document {doc}")
        assigned: dict[str, list[str]] = {}
        touched: dict[str, list[str]] = {}
        for name, doc, is_assigned in self.db.execute(
                "SELECT annotator, document_id, assigned FROM assignments WHERE removed = 0 "
                "ORDER BY annotator"):
            (assigned if is_assigned else touched).setdefault(doc, []).append(name)
        left_out = [LeftOut(doc, titles.get(doc, ""), "assigned", assigned[doc]) for doc in candidates if doc in assigned]
        planned = [doc for doc in candidates if doc not in assigned]
        if not planned:
            raise AssignmentError("every document is assigned already; nothing to plan")
        existing = dict(self.db.execute(
            "SELECT annotator, count(*) FROM assignments WHERE removed = 0 AND assigned = 1 GROUP BY annotator"
        ).fetchall())
        plan = plan_assignments(planned, annotators, per_document, overlap_share, seed, existing)
        return AutoAssignPlan(
            assignments=plan.assignments, overlap=list(plan.overlap), load=plan.load(), pairs=plan.pairs(),
            before={name: int(existing.get(name, 0)) for name in sorted(plan.load())},
            left_out=left_out,
            opened_only=[LeftOut(doc, titles.get(doc, ""), "opened", touched[doc]) for doc in planned if doc in touched],
            per_document=per_document, overlap_share=overlap_share, seed=seed)

    def auto_assign(self, annotators: Sequence[str], per_document: int = 2, overlap_share: float = 0.2,
                    seed: int | str | None = 0, document_ids: Sequence[str] | None = None) -> Change:
        """Assign documents nobody has yet (or `document_ids`) automatically; see `plan_auto` and `plan_assignments`.

        A share of the documents goes to `per_document` annotators (the agreement sample), the rest
        to one; loads end up even, counting what each annotator already has. Same seed, same plan.
        The plan, with what it left out and why, is `Change.details["plan"]`.
        """
        with self.db.atomic():
            plan = self.plan_auto(annotators, per_document, overlap_share, seed, document_ids)
            by_annotator: dict[str, list[str]] = {}
            for doc, coders in plan.assignments.items():
                for name in coders:
                    by_annotator.setdefault(name, []).append(doc)
            for name in sorted(by_annotator):
                self.assign(name, by_annotator[name])
        return Change(
            Action.DOCUMENTS_ASSIGNED_AUTOMATICALLY, documents=list(plan.assignments),
            annotators=sorted(by_annotator),
            details={"load": plan.load, "overlap": list(plan.overlap), "seed": seed,
                     "per_document": per_document, "overlap_share": overlap_share, "plan": plan},
        )

    # -- progress --------------------------------------------------------------------------

    def progress(self, annotators: Sequence[str] | None = None) -> Progress:
        """The progress matrix over assigned documents, with totals per annotator and status.

        Shows only the annotators the identified person may see (blind coding: themselves).
        """
        visibility = self.team.visibility()
        if annotators:
            visibility.check(annotators)
        sql = (
            "SELECT d.id, d.position, d.title, a.annotator, a.status FROM assignments a "
            "JOIN documents d ON d.id = a.document_id WHERE a.removed = 0 AND a.assigned = 1"
        )
        params: list[str] = []
        if annotators:
            sql += f" AND a.annotator IN ({', '.join('?' for _ in annotators)})"
            params += list(annotators)
        rows: dict[str, ProgressRow] = {}
        totals: dict[str, dict[str, int]] = {}
        for doc, position, title, name, status in self.db.execute(sql + " ORDER BY d.position", params):
            if not visibility.allows(name):
                continue
            row = rows.setdefault(doc, ProgressRow(doc, position, title))
            row.statuses[name] = status
            counts = totals.setdefault(name, {s: 0 for s in ASSIGNMENT_STATUSES})
            counts[status] = counts.get(status, 0) + 1
        order = [a.name for a in self.team.annotators() if a.name in totals]
        unassigned = self.db.execute(
            "SELECT count(*) FROM documents d WHERE NOT EXISTS (SELECT 1 FROM assignments a "
            "WHERE a.document_id = d.id AND a.removed = 0 AND a.assigned = 1)"
        ).fetchone()[0]
        return Progress(annotators=order, rows=list(rows.values()),
                        totals={name: totals[name] for name in order}, unassigned=unassigned,
                        shown_names={name: shown for name, shown in self.team.shown_names().items() if name in totals})
