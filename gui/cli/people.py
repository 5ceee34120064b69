"""``newstag annotators list|add|set-role``, and who runs a command (``--as NAME``) for the commands that
roles guard (``model.roles``)."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from model.roles import Permission, RoleRefused
from model.spans import Annotator, AnnotatorId, Role
from storage.types import Founder, TeamError

if TYPE_CHECKING:
    from storage.project import Project

AddDb = Callable[[argparse.ArgumentParser], None]
ROLES = [str(r) for r in Role]


class Refused(Exception):
    """A guarded command refused: the message is for the person, and nothing was done."""


def add_actor(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--as",
        dest="actor",
        metavar="NAME",
        help="who runs this command (default: $NEWSTAG_ANNOTATOR, or the name the window remembers)",
    )


def actor_name(
    args: argparse.Namespace, global_annotator: bool = True, remembered: bool = True
) -> str | None:
    """Who runs the command: --as, the global --annotator, $NEWSTAG_ANNOTATOR, or the window's remembered
    name (not with ``remembered`` off). (``newstag consistency`` has an --annotator of its own, a layer:
    ``global_annotator`` off.)"""
    for name in (
        getattr(args, "actor", None),
        getattr(args, "annotator", None) if global_annotator else None,
        os.environ.get("NEWSTAG_ANNOTATOR"),
    ):
        if name and name.strip():
            return name.strip()
    if not remembered:
        return None
    from gui import settings  # no Qt: a JSON file

    saved = settings.load().get("annotator")
    return str(saved).strip() if saved else None


def authorise(
    args: argparse.Namespace, project: Project, permission: Permission, global_annotator: bool = True
) -> Annotator | None:
    """The person running the command if they may do ``permission``; Refused (saying who may) otherwise."""
    name = actor_name(args, global_annotator)
    try:
        return project.team.require(name, permission)
    except RoleRefused as exc:
        hint = "" if name else " Say who you are with --as NAME."
        raise Refused(f"{exc}.{hint}") from exc
    except TeamError as exc:
        raise Refused(str(exc)) from exc


def lead_actor(
    args: argparse.Namespace, project: Project, permission: Permission
) -> AnnotatorId | Founder | None:
    """Who runs a lead's command (``permission``), as ``authorise`` says; on a project with nobody in it yet,
    ``--as NAME`` is a Founder: the command makes NAME its lead in its own transaction (``storage.founder``),
    as ``annotators add --as`` does. The founder is the name the command runs as (--as, --annotator,
    $NEWSTAG_ANNOTATOR), never the window's remembered name, which may be another project's. None: nobody
    named, on a project with nobody."""
    person = authorise(args, project, permission)
    if person is not None:
        return person.id
    name = actor_name(args, remembered=False)
    if not name:
        return None
    try:
        return project.team.founder(name, permission)
    except (TeamError, ValueError) as exc:
        raise Refused(str(exc)) from exc


def founded_note(project: Project, by: AnnotatorId | Founder | None) -> None:
    """Say that the lead's command just run made the Founder who ran it the project's lead."""
    if (
        isinstance(by, Founder)
        and (person := project.team.find(by.name)) is not None
        and person.role is Role.LEAD
    ):
        print(f"added {person.name} as lead (--as: the first person of a project is its lead)")


def register(sub: Any, add_db: AddDb) -> None:
    p = sub.add_parser(
        "annotators",
        help="the people of the project and their roles (annotator, reviewer, lead)",
        description="An annotator annotates and sees only their own work; a reviewer also reviews "
        "disagreements, writes the gold layer and sees everyone's layers; the lead also edits the labels, "
        "assigns documents and gives roles. The first person of a project is its lead.",
    )
    actions = p.add_subparsers(dest="people_command", metavar="ACTION", required=True)
    q = actions.add_parser("list", help="one person a line with their role")
    add_db(q)
    q.set_defaults(handler=cmd_list, reads_project=True)
    q = actions.add_parser("add", help="add a person (lead only, once the project has one)")
    q.add_argument("name")
    q.add_argument("--role", choices=ROLES, default=str(Role.ANNOTATOR))
    add_actor(q)
    add_db(q)
    q.set_defaults(handler=cmd_add, starts_project=True)
    q = actions.add_parser("set-role", help="give a person another role (lead only)")
    q.add_argument("name")
    q.add_argument("role", choices=ROLES)
    add_actor(q)
    add_db(q)
    q.set_defaults(handler=cmd_set_role, reads_project=True)


def cmd_list(args: argparse.Namespace, url: str | None) -> int:
    from storage.project import Project

    with Project.open(url) as project:
        people = project.team.annotators()
    if not people:
        print("nobody yet: the first person added (or to open the window) becomes the lead")
    for person in people:
        print(f"{person.name}\t{person.role}")
    return 0


def cmd_add(args: argparse.Namespace, url: str | None) -> int:
    from storage.project import Project

    with Project.open(url) as project:
        founded = _found(args, project)
        if founded is not None:
            lead, person = founded
            print(f"added {lead.name} as lead (--as: the first person of a project is its lead)")
            print(f"added {person.name} as {person.role}")
            return 0
        actor = authorise(args, project, Permission.MANAGE_TEAM)
        try:
            person = project.team.add(args.name, Role(args.role), by=actor.id if actor else None)
        except (TeamError, ValueError) as exc:
            raise Refused(str(exc)) from exc
    note = " (the first person of a project is its lead)" if person.role != args.role else ""
    print(f"added {person.name} as {person.role}{note}")
    return 0


def _found(args: argparse.Namespace, project: Project) -> tuple[Annotator, Annotator] | None:
    """``--as NAME`` adding someone else to a project with nobody in it yet: NAME, who sets it up, is its
    first person, so its lead, and the person added gets the role asked (else they would become the lead
    and NAME be refused from then on). NAME as ``lead_actor`` reads it. None when there is no such NAME or
    the project has people."""
    name = actor_name(args, remembered=False)
    if not name or name == args.name.strip() or project.team.annotators():
        return None
    try:
        return project.team.found(name, args.name, Role(args.role))
    except (TeamError, ValueError) as exc:
        raise Refused(str(exc)) from exc


def cmd_set_role(args: argparse.Namespace, url: str | None) -> int:
    from storage.project import Project

    with Project.open(url) as project:
        actor = authorise(args, project, Permission.MANAGE_TEAM)
        before = project.team.find(args.name)
        try:
            person = project.team.set_role(args.name, Role(args.role), by=actor.id if actor else None)
        except TeamError as exc:
            raise Refused(str(exc)) from exc
    if before is not None and before.role == person.role:
        print(f"{person.name} is {person.role} already; nothing was written")
    else:
        print(f"{person.name} is now {person.role}")
    return 0


def refused(args: argparse.Namespace, exc: Refused) -> int:
    action = getattr(args, "people_command", None) or getattr(args, "labels_command", None)
    print(f"newstag {args.command}{' ' + action if action else ''}: {exc}", file=sys.stderr)
    return 2
