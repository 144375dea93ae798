"""The people of a project: annotators, the lead's role, blind coding and who may see whose work.

Who may see whose work is ONE rule, `Team.visibility`, that every reading path of the store goes
through (agreement data, export queries, progress, overlays, memos, code retrieval): the lead sees
everyone, and so does everybody while coding is not blind; under blind coding an annotator sees only
their own work, and a person nobody identified sees no one's. The person reading is named once per open
project (`identify`, or `Project.open(..., viewer=NAME)`): the app names its annotator, the command line
the person given with `--as` (or remembered for the project on this machine).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Sequence

from annotator.core.change import Action, Change
from annotator.core.errors import NotPermitted, ProjectError
from annotator.core.model import (
    ADJUDICATION_ORIGIN, GOLD_ANNOTATOR, Annotator, name_length_problem, now_iso, reserved_name,
)
from annotator.store.meta import ProjectMeta
from annotator.store.transactions import ProjectDatabase

ROLES = ("annotator", "lead")


def check_new_name(name: str) -> str:
    """`name` stripped, for a new annotator: `check_person`, and no longer than MAX_NAME_LENGTH."""
    name = check_person(name)
    problem = name_length_problem(name)
    if problem:
        raise ProjectError(problem)
    return name


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


@dataclass(frozen=True)
class Visibility:
    """Whose work one person may see: everyone's (`sees_everyone`), or only their own (`viewer`'s)."""

    viewer: str | None
    sees_everyone: bool
    blind: bool

    @property
    def sees_gold(self) -> bool:
        """The gold standard is built from everyone's work: only who sees everyone sees it."""
        return self.sees_everyone

    def allows(self, annotator: str) -> bool:
        """Whether the work recorded under `annotator` may be shown to this person."""
        if annotator == GOLD_ANNOTATOR:
            return self.sees_gold
        return self.sees_everyone or (self.viewer is not None and annotator == self.viewer)

    def keep(self, annotators: Iterable[str]) -> list[str]:
        """Those of `annotators` this person may see, in the same order."""
        return [name for name in annotators if self.allows(name)]

    def check(self, annotators: Iterable[str]) -> None:
        """Raise NotPermitted, in plain words, when any of `annotators` is hidden from this person."""
        hidden = [name for name in annotators if not self.allows(name)]
        if hidden:
            raise NotPermitted(self.refusal(hidden[0]))

    def refusal(self, hidden: str = "") -> str:
        """Why someone's work is not shown."""
        whose = f"{hidden}'s work" if hidden and hidden != GOLD_ANNOTATOR else \
            "the gold standard" if hidden == GOLD_ANNOTATOR else "other annotators' work"
        if self.viewer is None:
            return (f"coding is blind in this project: {whose} is shown only to the project lead; "
                    "say who you are with --as NAME")
        return f"coding is blind in this project: {self.viewer} sees only their own work, not {whose}"


class Team:
    """The annotators table, the blind-coding setting, and who is reading the project now."""

    def __init__(self, db: ProjectDatabase, meta: ProjectMeta):
        self.db = db
        self.meta = meta
        self.viewer: str | None = None

    # -- who is reading ---------------------------------------------------------------------------

    def identify(self, name: str | None) -> None:
        """Name the person reading this open project; every reading path shows what they may see."""
        self.viewer = (name or "").strip() or None

    def visibility(self, viewer: str | None = None) -> Visibility:
        """Whose work `viewer` (default: the identified person) may see: the one rule every reading path applies."""
        who = viewer if viewer is not None else self.viewer
        blind = self.blind_coding()
        lead = who is not None and self.role(who) == "lead"
        return Visibility(viewer=who, sees_everyone=lead or not blind, blind=blind)

    def visible_annotators(self, viewer: str | None = None) -> list[str]:
        """The coders (gold excluded) whose work `viewer` (default: the identified person) may see."""
        return self.visibility(viewer).keep(self.coders(include_retired=True))

    # -- annotators -------------------------------------------------------------------------------

    def annotators(self, include_retired: bool = True) -> list[Annotator]:
        """Every annotator, in the order they were added (retired ones too unless told otherwise)."""
        rows = self.db.execute(
            "SELECT name, role, display_name, retired FROM annotators ORDER BY created, name").fetchall()
        people = [Annotator(name=r[0], role=r[1], display_name=r[2] or "", retired=bool(r[3])) for r in rows]
        return people if include_retired else [a for a in people if not a.retired]

    def get(self, name: str) -> Annotator:
        """The annotator called `name` (ProjectError when there is none)."""
        for person in self.annotators():
            if person.name == name:
                return person
        known = ", ".join(a.name for a in self.people()) or "none"
        raise ProjectError(f"unknown annotator {name!r}; this project has: {known}")

    def add(self, name: str, role: str = "annotator", display_name: str = "") -> Change:
        """Add an annotator (a no-op when one of that name exists)."""
        name = check_new_name(name)
        if name_length_problem(display_name):
            raise ProjectError(name_length_problem(display_name))
        if role not in ROLES:
            raise ProjectError(f"unknown role {role!r}: use 'annotator' or 'lead'")
        with self.db.atomic():
            exists = self.db.execute("SELECT 1 FROM annotators WHERE name = ?", [name]).fetchone()
            if exists:
                return Change(Action.ANNOTATOR_EXISTS)
            self.db.execute("INSERT INTO annotators (name, role, created, display_name) VALUES (?, ?, ?, ?)",
                            [name, role, now_iso(), display_name.strip()])
        return Change(Action.ANNOTATOR_ADDED, annotators=[name])

    def ensure(self, name: str, by_adjudication: bool = False) -> None:
        """Add `name` as an annotator inside the current transaction if it is new.

        The gold standard's name is refused unless adjudication writes (`by_adjudication`).
        """
        if not (by_adjudication and name == GOLD_ANNOTATOR):
            check_person(name)
            if name_length_problem(name) and not self._exists(name):  # a long name from before the cap stays
                check_new_name(name)
        self.db.execute(
            "INSERT OR IGNORE INTO annotators(name, role, created) VALUES (?, 'annotator', ?)",
            [name, now_iso()],
        )

    def _exists(self, name: str) -> bool:
        return self.db.execute("SELECT 1 FROM annotators WHERE name = ?", [name]).fetchone() is not None

    def rename(self, name: str, display_name: str) -> Change:
        """Show an annotator under another name; their work stays recorded under `name`."""
        problem = name_length_problem(display_name)
        if problem:
            raise ProjectError(problem)
        with self.db.atomic():
            self.get(name)
            self.db.execute("UPDATE annotators SET display_name = ? WHERE name = ?",
                            [display_name.strip(), name])
        return Change(Action.ANNOTATOR_RENAMED, annotators=[name], details={"display_name": display_name.strip()})

    def retire(self, name: str) -> Change:
        """Retire an annotator: their work stays, they get no new documents and leave the choice lists."""
        with self.db.atomic():
            person = self.get(name)
            if person.role == "lead" and len(self.leads()) == 1:
                raise ProjectError(f"{name} is the project lead; make someone else lead before retiring them")
            self.db.execute("UPDATE annotators SET retired = 1 WHERE name = ?", [name])
        return Change(Action.ANNOTATOR_RETIRED, annotators=[name])

    def unretire(self, name: str) -> Change:
        """Bring a retired annotator back."""
        with self.db.atomic():
            self.get(name)
            self.db.execute("UPDATE annotators SET retired = 0 WHERE name = ?", [name])
        return Change(Action.ANNOTATOR_BROUGHT_BACK, annotators=[name])

    def set_role(self, name: str, role: str, by: str | None = None) -> Change:
        """Make an annotator the project lead ("lead") or an ordinary annotator ("annotator").

        With `by` (the person asking): once a project has a lead, only a lead may change roles.
        """
        if role not in ROLES:
            raise ProjectError(f"unknown role {role!r}: use 'annotator' or 'lead'")
        name = check_person(name)
        with self.db.atomic():
            if by is not None and not self.may_take_lead(by):
                raise NotPermitted(f"{', '.join(self.leads())} leads this project; only a lead changes roles")
            self.ensure(name)
            self.db.execute("UPDATE annotators SET role = ? WHERE name = ?", [role, name])
        return Change(Action.ROLE_SET, annotators=[name], details={"role": role})

    def role(self, name: str) -> str:
        """An annotator's role ("annotator" for unknown names)."""
        row = self.db.execute("SELECT role FROM annotators WHERE name = ?", [name]).fetchone()
        return row[0] if row else "annotator"

    def leads(self) -> list[str]:
        """The names of the project's leads (none, usually one)."""
        return [a.name for a in self.annotators() if a.role == "lead"]

    def people(self, include_retired: bool = True) -> list[Annotator]:
        """The people who annotate, in the order they were added: every annotator but the gold standard."""
        return [a for a in self.annotators(include_retired) if a.name != GOLD_ANNOTATOR]

    def coders(self, include_retired: bool = True) -> list[str]:
        """The names of the people who annotate: every annotator but the gold standard's."""
        return [a.name for a in self.people(include_retired)]

    def shown_names(self) -> dict[str, str]:
        """Each annotator's name as the app shows it (the display name when set)."""
        return {a.name: a.shown_name for a in self.annotators()}

    # -- blind coding and permissions -------------------------------------------------------------

    def blind_coding(self) -> bool:
        """True when annotators should see only their own annotations and suggestions."""
        return (self.meta.get("blind", "0") or "0") == "1"

    def set_blind_coding(self, on: bool, by: str | None = None) -> Change:
        """Turn blind coding on or off for the whole project, asked by `by` (None: nobody in particular).

        Once the project has a lead, only a lead may (NotPermitted otherwise); before that, anyone may, so a
        new project can be made blind before its coders are added.
        """
        leads = self.leads()
        if leads and by not in leads:
            raise NotPermitted(f"only the project lead ({', '.join(leads)}) turns blind coding on or off")
        change = self.meta.set("blind", "1" if on else "0")
        change.action = Action.BLIND_CODING_ON if on else Action.BLIND_CODING_OFF
        return change

    def may_take_lead(self, name: str) -> bool:
        """Whether `name` may take (or give) the lead role: when the project has no lead yet, or as a lead."""
        leads = self.leads()
        return not leads or name in leads

    def may_adjudicate(self, name: str) -> bool:
        """Whether `name` may build the gold standard: the lead, or anyone in a project without a lead."""
        return self.role(name) == "lead" or not any(a.role == "lead" for a in self.annotators())

    def may_see_others(self, name: str) -> bool:
        """Whether `name` may see other annotators' work: the lead always, others unless coding is blind."""
        return self.visibility(name).sees_everyone

    def require_visible(self, annotators: Sequence[str], viewer: str | None = None) -> None:
        """Raise NotPermitted when any of `annotators` is hidden from `viewer` (default: the identified person)."""
        self.visibility(viewer).check(annotators)
