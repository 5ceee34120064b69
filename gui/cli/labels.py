"""``newstag labels list|add|edit|remove|unmerge|order|preset``: the label set, the lead's to define."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from gui.cli.people import Refused, add_actor, founded_note, lead_actor
from model.label_presets import PRESET_CONVENTIONS, PRESETS
from model.labels import LabelError
from model.roles import Permission
from model.spans import Label

AddDb = Callable[[argparse.ArgumentParser], None]


def _hotkey(value: str) -> str | None:
    """An argparse type: 1 to 9, or none."""
    if value.lower() in ("none", "-", ""):
        return None
    if value not in tuple("123456789"):
        raise argparse.ArgumentTypeError(f"a hotkey is one of 1 to 9 or none, not {value!r}")
    return value


def register(sub: Any, add_db: AddDb) -> None:
    p = sub.add_parser(
        "labels",
        help="the label set: list, add, edit, remove (or merge), order, presets",
        description="The project's labels. Changing them is for the lead (--as NAME); anyone may list them.",
    )
    actions = p.add_subparsers(dest="labels_command", metavar="ACTION", required=True)

    def action(name: str, helptext: str, handler: Callable[..., int], guarded: bool = True) -> Any:
        q = actions.add_parser(name, help=helptext)
        if guarded:
            add_actor(q)
        add_db(q)
        q.set_defaults(handler=handler)
        return q

    action(
        "list", "one label a line: name, colour, hotkey, description", cmd_list, guarded=False
    ).set_defaults(reads_project=True)
    # A label added or a preset chosen may start a project (before its first import); an edit, a removal or an
    # order names labels a project has, so a mistyped --db is refused rather than made a project to edit.
    q = action("add", "add a label at the end", cmd_add)
    q.set_defaults(starts_project=True)
    q.add_argument("name")
    q.add_argument("--colour", "--color", default=None, help="#rrggbb (default: the next of a safe palette)")
    q.add_argument("--hotkey", type=_hotkey, default=None, help="1 to 9")
    q.add_argument("--description", default="", help="what the label covers (the label button's tooltip)")
    q.add_argument("--example", default="", help="an example, added to the description")
    q = action("edit", "change a label's name, colour, hotkey or description", cmd_edit)
    q.set_defaults(reads_project=True)
    q.add_argument("name")
    q.add_argument("--rename", metavar="NEW", help="a new name (its spans follow)")
    q.add_argument("--colour", "--color", default=None)
    # no default: argparse runs a string default through the type, and _hotkey reads "" as none, so an edit
    # of the colour alone took the hotkey away
    q.add_argument(
        "--hotkey", type=_hotkey, default=argparse.SUPPRESS, help="1 to 9, or none to take it away"
    )
    q.add_argument("--description", default=None)
    q = action("remove", "remove a label; one in use needs --merge-into", cmd_remove)
    q.set_defaults(reads_project=True)
    q.add_argument("name")
    q.add_argument("--merge-into", metavar="OTHER", help="relabel its spans as OTHER (one transaction)")
    q = action("unmerge", "undo the last merge of a label: it comes back with the spans it had", cmd_unmerge)
    q.set_defaults(reads_project=True)
    q.add_argument("name")
    q = action("order", "put labels in this order (the others follow)", cmd_order)
    q.set_defaults(reads_project=True)
    q.add_argument("names", nargs="+")
    q = action("preset", "add a ready-made label set's missing labels", cmd_preset)
    q.set_defaults(starts_project=True)
    q.add_argument("preset", choices=sorted(PRESETS))


def _open(args: argparse.Namespace, url: str | None) -> Any:
    from storage.project import Project

    return Project.open(url)


def _by(args: argparse.Namespace, project: Any) -> Any:
    """Who edits the labels: the lead, or whoever sets up a project with nobody yet (``--as``: its lead)."""
    return lead_actor(args, project, Permission.EDIT_LABELS)


def _line(label: Label) -> str:
    return f"{label.name}\t{label.colour}\t{label.hotkey or '-'}\t{label.description}"


def cmd_list(args: argparse.Namespace, url: str | None) -> int:
    with _open(args, url) as project:
        labels = project.labels.all()
        used = project.labels.usage()
    for label in labels:
        print(f"{_line(label)}\t{used.get(label.name, 0)} span(s)")
    return 0


def cmd_add(args: argparse.Namespace, url: str | None) -> int:
    from model.label_presets import PRESET_COLOURS

    with _open(args, url) as project:
        by = _by(args, project)
        existing = project.labels.all()
        colour = args.colour or next(
            (c for c in PRESET_COLOURS if c.lower() not in {x.colour.lower() for x in existing}), "#777777"
        )
        text = " ".join(t for t in (args.description, f"e.g. {args.example}" if args.example else "") if t)
        try:
            label = project.labels.add(Label(args.name, colour, args.hotkey, 0, text), by=by)
            founded_note(project, by)
        except LabelError as exc:
            raise Refused(str(exc)) from exc
    print(f"added {_line(label)}")
    return 0


def cmd_edit(args: argparse.Namespace, url: str | None) -> int:
    with _open(args, url) as project:
        by = _by(args, project)
        try:
            label = project.labels.edit(
                args.name,
                new_name=args.rename,
                colour=args.colour,
                hotkey=getattr(args, "hotkey", ""),  # "": leave it as it is
                description=args.description,
                by=by,
            )
            founded_note(project, by)
        except LabelError as exc:
            raise Refused(str(exc)) from exc
    print(f"now {_line(label)}")
    return 0


def cmd_remove(args: argparse.Namespace, url: str | None) -> int:
    with _open(args, url) as project:
        by = _by(args, project)
        try:
            report = project.labels.remove(args.name, args.merge_into, by=by)
            founded_note(project, by)
        except LabelError as exc:
            raise Refused(str(exc)) from exc
    if report.into:
        dropped = f"; {report.dropped} duplicate suggestion(s) dropped" if report.dropped else ""
        print(
            f"merged {report.removed} into {report.into}: {report.spans} span(s) relabelled{dropped} "
            f"(event {report.event_id}; undo with: newstag labels unmerge {report.removed})"
        )
    else:
        print(f"removed {report.removed}")
    return 0


def cmd_unmerge(args: argparse.Namespace, url: str | None) -> int:
    with _open(args, url) as project:
        by = _by(args, project)
        try:
            report = project.labels.unmerge(args.name, by=by)
            founded_note(project, by)
        except LabelError as exc:
            raise Refused(str(exc)) from exc
    print(f"{report.removed} is back: {report.spans} span(s) moved back from {report.into}")
    return 0


def cmd_order(args: argparse.Namespace, url: str | None) -> int:
    with _open(args, url) as project:
        by = _by(args, project)
        try:
            order = project.labels.order(args.names, by=by)
            founded_note(project, by)
        except LabelError as exc:
            raise Refused(str(exc)) from exc
    print(" ".join(order))
    return 0


def cmd_preset(args: argparse.Namespace, url: str | None) -> int:
    with _open(args, url) as project:
        by = _by(args, project)
        added = project.labels.preset(args.preset, by=by)
        founded_note(project, by)
    if not added:
        print(f"the project has every label of the {args.preset} preset already")
    for label in added:
        print(f"added {_line(label)}")
    conventions = PRESET_CONVENTIONS[args.preset]
    habits = "with MSRA's habits" if conventions == "msra" else "without MSRA's habits"
    print(f"suggestion conventions: {conventions} ({habits}; README, Suggestions, Conventions)")
    return 0
