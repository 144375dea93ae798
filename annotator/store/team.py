"""The people of a project: annotators, the lead's role, blind coding and who may see whose work."""

from __future__ import annotations

from annotator.core.change import Action, Change
from annotator.core.errors import ProjectError
from annotator.core.model import ADJUDICATION_ORIGIN, GOLD_ANNOTATOR, Annotator, now_iso, reserved_name
from annotator.store.meta import ProjectMeta
from annotator.store.transactions import ProjectDatabase

ROLES = ("annotator", "lead")


def check_person(name: str) -> str:
    """`name` stripped, or ProjectError for an empty name or the gold standard's (written only by adjudication)."""
    name = name.strip()
    if not name:
        raise ProjectError("an annotator needs a name")
    if reserved_name(name):
        raise ProjectError(f"{name!r} is reserved for the gold standard, which only adjudication writes; "
                           "choose another annotator name")
    return name


def check_owner(annotator: str, origin: str, by_adjudication: bool) -> None:
    """Refuse a record stored under the gold standard, or marked as adjudicated, unless adjudication writes it."""
    if by_adjudication:
        return
    if origin == ADJUDICATION_ORIGIN:
        raise ProjectError("only adjudication writes the gold standard: a span cannot be marked "
                           f"{ADJUDICATION_ORIGIN!r} by an import or an edit")
    check_person(annotator)


class Team:
    """The annotators table and the blind-coding setting."""

    def __init__(self, db: ProjectDatabase, meta: ProjectMeta):
        self.db = db
        self.meta = meta

    def annotators(self) -> list[Annotator]:
        """Every annotator, in the order they were added."""
        rows = self.db.execute("SELECT name, role FROM annotators ORDER BY created, name").fetchall()
        return [Annotator(name=r[0], role=r[1]) for r in rows]

    def add(self, name: str, role: str = "annotator") -> Change:
        """Add an annotator (a no-op when one of that name exists)."""
        name = check_person(name)
        if role not in ROLES:
            raise ProjectError(f"unknown role {role!r}: use 'annotator' or 'lead'")
        with self.db.atomic():
            exists = self.db.execute("SELECT 1 FROM annotators WHERE name = ?", [name]).fetchone()
            if exists:
                return Change(Action.ANNOTATOR_EXISTS)
            self.db.execute("INSERT INTO annotators (name, role, created) VALUES (?, ?, ?)",
                            [name, role, now_iso()])
        return Change(Action.ANNOTATOR_ADDED, annotators=[name])

    def ensure(self, name: str, by_adjudication: bool = False) -> None:
        """Add `name` as an annotator inside the current transaction if it is new.

        The gold standard's name is refused unless adjudication writes (`by_adjudication`).
        """
        if not (by_adjudication and name == GOLD_ANNOTATOR):
            check_person(name)
        self.db.execute(
            "INSERT OR IGNORE INTO annotators(name, role, created) VALUES (?, 'annotator', ?)",
            [name, now_iso()],
        )

    def set_role(self, name: str, role: str) -> Change:
        """Make an annotator the project lead ("lead") or an ordinary annotator ("annotator")."""
        if role not in ROLES:
            raise ProjectError(f"unknown role {role!r}: use 'annotator' or 'lead'")
        name = check_person(name)
        with self.db.atomic():
            self.ensure(name)
            self.db.execute("UPDATE annotators SET role = ? WHERE name = ?", [role, name])
        return Change(Action.ROLE_SET, annotators=[name], details={"role": role})

    def role(self, name: str) -> str:
        """An annotator's role ("annotator" for unknown names)."""
        row = self.db.execute("SELECT role FROM annotators WHERE name = ?", [name]).fetchone()
        return row[0] if row else "annotator"

    def coders(self) -> list[str]:
        """The names of the people who annotate: every annotator but the gold standard's."""
        return [a.name for a in self.annotators() if a.name != GOLD_ANNOTATOR]

    # -- blind coding and visibility -------------------------------------------------------------

    def blind_coding(self) -> bool:
        """True when annotators should see only their own annotations and suggestions."""
        return (self.meta.get("blind", "0") or "0") == "1"

    def set_blind_coding(self, on: bool) -> Change:
        """Turn blind coding on or off for the whole project."""
        change = self.meta.set("blind", "1" if on else "0")
        change.action = Action.BLIND_CODING_ON if on else Action.BLIND_CODING_OFF
        return change

    def may_adjudicate(self, name: str) -> bool:
        """Whether `name` may build the gold standard: the lead, or anyone in a project without a lead."""
        return self.role(name) == "lead" or not any(a.role == "lead" for a in self.annotators())

    def may_see_others(self, name: str) -> bool:
        """Whether `name` may see other annotators' work: the lead always, others unless coding is blind."""
        return self.role(name) == "lead" or not self.blind_coding()
