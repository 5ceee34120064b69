"""Who may do what in a project. Roles guard against mistakes, not attackers: anyone who can write to the
database can change them, and a shared database's access control is the database server's.

An annotator annotates and sees their own work only; a reviewer also adjudicates (the review window, the
gold layer) and sees everyone's layers (agreement, the review queue, consistency of the gold layer); the
lead also defines the label set, assigns documents and gives roles. The first person of a project is its
lead, and a project keeps at least one.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable

from model.reasons import Reason, ReasonKind
from model.spans import Annotator, Role


class Permission(enum.StrEnum):
    REVIEW = "review disagreements and write the gold layer"
    SEE_TEAM = "see other annotators' layers (agreement, the review queue, consistency of the gold layer)"
    ASSIGN = "assign documents"
    EDIT_LABELS = "edit the label set"
    MANAGE_TEAM = "add people and give roles"


ALLOWED: dict[Permission, frozenset[Role]] = {
    Permission.REVIEW: frozenset({Role.REVIEWER, Role.LEAD}),
    Permission.SEE_TEAM: frozenset({Role.REVIEWER, Role.LEAD}),
    Permission.ASSIGN: frozenset({Role.LEAD}),
    Permission.EDIT_LABELS: frozenset({Role.LEAD}),
    Permission.MANAGE_TEAM: frozenset({Role.LEAD}),
}


def may(role: Role | str, permission: Permission) -> bool:
    return Role(role) in ALLOWED[permission]


def allowed_roles(permission: Permission) -> list[Role]:
    """The roles that may do ``permission``, highest last (for messages: "a reviewer or the lead")."""
    return [role for role in Role if role in ALLOWED[permission]]


def who_may(people: Iterable[Annotator], permission: Permission) -> list[Annotator]:
    """The people of a project who may do ``permission``, leads first, then by name."""
    order = {Role.LEAD: 0, Role.REVIEWER: 1, Role.ANNOTATOR: 2}
    return sorted((p for p in people if may(p.role, permission)), key=lambda p: (order[Role(p.role)], p.name))


class RoleRefused(PermissionError):
    """``person`` may not do ``permission``; ``allowed`` are those of the project who may."""

    def __init__(self, person: Annotator | None, permission: Permission, allowed: list[Annotator]) -> None:
        self.person, self.permission, self.allowed = person, permission, allowed
        super().__init__(refusal_text(person, permission, allowed))


def _roles_text(permission: Permission) -> str:
    words = [("the lead" if role is Role.LEAD else f"a {role}") for role in allowed_roles(permission)]
    return " or ".join(words)


def refusal_text(person: Annotator | None, permission: Permission, allowed: list[Annotator]) -> str:
    """The refusal in English for the command line: who asked, what for, and who can."""
    who = "nobody was named" if person is None else f"{person.name} is {_article(person.role)}"
    can = ", ".join(f"{p.name} ({p.role})" for p in allowed) or "nobody yet"
    return f"only {_roles_text(permission)} may {permission} ({who}); in this project: {can}"


def _article(role: Role | str) -> str:
    return "the lead" if Role(role) is Role.LEAD else f"{'an' if str(role)[0] in 'aeiou' else 'a'} {role}"


def check(person: Annotator | None, permission: Permission, people: Iterable[Annotator]) -> None:
    """Raise RoleRefused unless ``person`` may do ``permission``. A project with nobody in it yet refuses
    nothing: the first person sets it up (and becomes its lead)."""
    team = list(people)
    if not team:
        return
    if person is None or not may(person.role, permission):
        raise RoleRefused(person, permission, who_may(team, permission))


def last_lead_problem(people: Iterable[Annotator], name: str, new_role: Role) -> str | None:
    """Why ``name`` cannot become ``new_role``: a project keeps at least one lead."""
    leads = [p.name for p in people if p.role == Role.LEAD]
    if new_role is not Role.LEAD and leads == [name]:
        return str(Reason.of(ReasonKind.ONLY_LEAD, name=name))
    return None
