"""A project's founder: the first person of a project is its lead. ``newstag annotators add NAME --as LEAD``
and the lead's other commands (``labels add|edit|remove|unmerge|order|preset``, ``assign``) run with
``--as LEAD`` on a project with nobody in it yet make LEAD its lead in the command's own transaction: both
are written or neither is."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from model.roles import Permission, RoleRefused, check, who_may
from model.spans import Annotator, AnnotatorId, Role
from storage.orm import AnnotatorRow, EventRow


@dataclass(frozen=True, slots=True)
class Founder:
    """Who runs a lead's command (``--as name``) on a project that had nobody in it when they were checked:
    they become its lead in the command's transaction (``acting``). ``name`` is checked already
    (``Team.founder``)."""

    name: str
    permission: Permission


class JoinedMeanwhile(RoleRefused):
    """A founder's command refused (``acting``): the project had nobody when they were checked, someone came
    in before the command was written, and the founder may not do it there (nothing is written)."""

    def __init__(
        self, name: str, person: Annotator | None, permission: Permission, team: list[Annotator]
    ) -> None:
        super().__init__(person, permission, who_may(team, permission))
        said = str(self)
        if person is None:  # "nobody was named": they were, but are not one of its people
            said = said.replace("(nobody was named)", f"({name} is not one of its people)")
        self.args = (f"someone joined the project while this command ran: {said}",)


Actor = AnnotatorId | Founder | None  # who a change is logged as: a person, a founder to be, or nobody


FIRST_PERSON_LOCK = int.from_bytes(b"newstag1", "big")  # pg_advisory_xact_lock's key: who comes in first


def hold_people(s: Session) -> None:
    """Make anyone else about to add a person to the project wait until ``s``'s transaction ends, so that
    "nobody in it yet" read after this stays true until then. On PostgreSQL (READ COMMITTED) two commands
    founding a project at once both counted nobody and both became its lead: a transaction-scoped advisory
    lock, taken by every writer that adds a person, serialises them (the second then sees the first's
    person). SQLite needs none: a writing transaction begins IMMEDIATE (``Database.transaction``) and holds
    the whole file."""
    if s.get_bind().dialect.name == "postgresql":
        s.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": FIRST_PERSON_LOCK})


def nobody_yet(s: Session) -> bool:
    """Whether the project has nobody in it, true until ``s``'s transaction ends (``hold_people``)."""
    hold_people(s)
    return not s.scalar(select(func.count()).select_from(AnnotatorRow))


def found_lead(s: Session, name: str) -> AnnotatorRow | None:
    """``name`` as the first person of the project, its lead, logged (``annotator_add``, by nobody), inside
    ``s``'s transaction; None, writing nothing, once the project has anyone."""
    if not nobody_yet(s):
        return None
    row = AnnotatorRow(name=name, role=str(Role.LEAD))
    s.add(row)
    s.flush()
    s.add(
        EventRow(
            annotator_id=None,
            document_id=None,
            action="annotator_add",
            payload={"name": row.name, "role": row.role, "asked": str(Role.LEAD)},
        )
    )
    s.flush()
    return row


def acting(s: Session, by: Actor) -> AnnotatorId | None:
    """The person a change in ``s``'s transaction is made by. A ``Founder`` is made the project's lead here
    when it still has nobody; if someone came in since they were checked, the founder must be one of the
    project's people allowed the command (JoinedMeanwhile, a RoleRefused, otherwise, and the transaction
    writes nothing)."""
    if not isinstance(by, Founder):
        return by
    row = found_lead(s, by.name)
    if row is not None:
        return AnnotatorId(row.id)
    team = [Annotator(AnnotatorId(r.id), r.name, Role(r.role)) for r in s.scalars(select(AnnotatorRow))]
    person = next((p for p in team if p.name == by.name), None)
    try:
        check(person, by.permission, team)
    except RoleRefused:
        raise JoinedMeanwhile(by.name, person, by.permission, team) from None
    assert person is not None  # check refuses nobody only in a project with nobody
    return person.id
