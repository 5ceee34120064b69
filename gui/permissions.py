"""Roles in the window: before a view or an action that is a reviewer's or the lead's (``model.roles``), the
window asks the database who the person is now and, when they may not, says so in the window's language and
names who can."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from gui.database_messages import database_message
from gui.i18n import QT_TRANSLATE_NOOP
from gui.import_messages import refused_message
from gui.terms import word
from model.roles import Permission, RoleRefused
from model.spans import Annotator
from storage.project import Project
from storage.types import TeamError

CONTEXT = "Permissions"
CHECKING_ROLE = QT_TRANSLATE_NOOP("Reported", "Checking your role")
_WHAT = {
    Permission.REVIEW: QT_TRANSLATE_NOOP("Permissions", "review disagreements and write the gold layer"),
    Permission.SEE_TEAM: QT_TRANSLATE_NOOP(
        "Permissions", "see other annotators' work (agreement, consistency of the gold layer)"
    ),
    Permission.ASSIGN: QT_TRANSLATE_NOOP("Permissions", "assign documents"),
    Permission.EDIT_LABELS: QT_TRANSLATE_NOOP("Permissions", "edit the label set"),
    Permission.MANAGE_TEAM: QT_TRANSLATE_NOOP("Permissions", "add people and give roles"),
}
_WHO = {
    Permission.REVIEW: QT_TRANSLATE_NOOP("Permissions", "a reviewer or the lead"),
    Permission.SEE_TEAM: QT_TRANSLATE_NOOP("Permissions", "a reviewer or the lead"),
    Permission.ASSIGN: QT_TRANSLATE_NOOP("Permissions", "the lead"),
    Permission.EDIT_LABELS: QT_TRANSLATE_NOOP("Permissions", "the lead"),
    Permission.MANAGE_TEAM: QT_TRANSLATE_NOOP("Permissions", "the lead"),
}


def refusal_message(exc: RoleRefused) -> str:
    """The refusal in the window's language: what, who may, and who that is in this project."""
    people = ", ".join(f"{p.name} ({word(p.role)})" for p in exc.allowed)
    you = word(exc.person.role) if exc.person is not None else "?"
    return QCoreApplication.translate(
        "Permissions", "Only {0} may {1}; you are {2}. In this project: {3}."
    ).format(
        QCoreApplication.translate(CONTEXT, _WHO[exc.permission]),
        QCoreApplication.translate(CONTEXT, _WHAT[exc.permission]),
        you,
        people or "—",
    )


def refusal(project: Project, person: Annotator, permission: Permission) -> str | None:
    """Why ``person`` may not do ``permission`` now, in the window's language; None when they may."""
    try:
        project.team.require(person.name, permission)
    except RoleRefused as exc:
        return refusal_message(exc)
    except TeamError as exc:  # no one of that name in the project (any more)
        return refused_message(exc)
    except Exception as exc:  # the server stopped answering, a lock: neither the check nor the action is done
        if (problem := project.problem(exc)) is None:
            raise
        said = QCoreApplication.translate("Reported", "{0} failed: the database could not be read ({1}).")
        return said.format(QCoreApplication.translate("Reported", CHECKING_ROLE), database_message(problem))
    return None
