"""The lead's commands run with ``--as NAME`` on a project with nobody in it yet: NAME becomes its lead (its
first person) in the command's own transaction, as ``annotators add --as`` does; a refused command writes
neither, and the commands that only read add nobody. On SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from model.roles import Permission
from model.spans import Role
from storage.orm import EventRow
from storage.project import Project
from storage.team import Team
from storage.types import Founder
from tests.conftest import snapshot
from tests.storage.test_team import docs
from tests.test_cli_roles_labels import run

LEAD_COMMANDS = [
    (("labels", "add", "EVENT", "--hotkey", "5"), "label_add"),
    (("labels", "edit", "PER", "--colour", "#123456"), "label_edit"),
    (("labels", "remove", "MISC"), "label_remove"),
    (("labels", "unmerge", "MISC"), "label_unmerge"),
    (("labels", "order", "ORG", "LOC"), "label_order"),
    (("labels", "preset", "cluener"), "label_preset"),
    (("assign", "--annotators", "wang,zhao"), None),
]


def _url(project: Project) -> str:
    return project.engine.url.render_as_string(hide_password=False)


def _events(project: Project) -> list[tuple[int | None, str]]:
    with project.session_factory() as s:
        return [(e.annotator_id, e.action) for e in s.scalars(select(EventRow).order_by(EventRow.id))]


@pytest.mark.parametrize(
    ("command", "action"), LEAD_COMMANDS, ids=[" ".join(c[:2]) for c, _ in LEAD_COMMANDS]
)
def test_a_lead_command_as_someone_in_a_project_with_nobody_makes_them_its_lead(
    capsys: pytest.CaptureFixture[str], project: Project, command: tuple[str, ...], action: str | None
) -> None:
    """It said `added EVENT` and left the project with nobody: the next `annotators add` by li made the
    person added the lead, and li was refused from then on."""
    url = _url(project)
    docs(project, 2)
    if action == "label_unmerge":  # a merge to undo, by nobody (the project has nobody)
        assert run(capsys, "labels", "remove", "MISC", "--merge-into", "ORG", "--db", url)[0] == 0
        assert project.team.annotators() == []
    before = _events(project)
    code, out, err = run(capsys, *command, "--as", "li", "--db", url)
    assert code == 0, err
    assert out.startswith("added li as lead (--as: the first person of a project is its lead)\n")
    li = project.team.find("li")
    assert li is not None and li.role is Role.LEAD
    new = _events(project)[len(before) :]
    assert new[0] == (None, "annotator_add")
    if action is not None:
        assert new[1:] == [(li.id, action)]
    else:  # assign: the people named are annotators, li the lead
        people = {p.name: p.role for p in project.team.annotators()}
        assert people == {"li": Role.LEAD, "wang": Role.ANNOTATOR, "zhao": Role.ANNOTATOR}
        assert sum(project.team.assigned_counts().values()) == 2
    # the lead goes on leading: an annotator added by li is an annotator, and li may edit labels
    assert run(capsys, "annotators", "add", "zoe", "--as", "li", "--db", url)[:2] == (
        0,
        "added zoe as annotator\n",
    )
    assert run(capsys, "labels", "add", "FAC", "--as", "li", "--db", url)[0] == 0


@pytest.mark.parametrize(
    "command",
    [
        ("labels", "edit", "NOSUCH", "--colour", "#123456"),
        ("labels", "remove", "PER", "--merge-into", "PER"),
        ("labels", "add", "PER"),
        ("assign", "--annotators", "wang", "--overlap", "0.5"),
        ("labels", "add", "EVENT", "--as", "a,b"),
    ],
    ids=lambda c: " ".join(c[:3]),
)
def test_a_refused_lead_command_adds_nobody(
    capsys: pytest.CaptureFixture[str], project: Project, command: tuple[str, ...]
) -> None:
    """The lead and the command are written together or not at all."""
    url = _url(project)
    docs(project, 2)
    before = snapshot(project)
    actor = () if "--as" in command else ("--as", "li")
    code, _, err = run(capsys, *command, *actor, "--db", url)
    assert code == 2 and err
    assert snapshot(project) == before


@pytest.mark.parametrize(
    "command",
    [("agreement",), ("review-queue",), ("consistency",), ("annotators", "list"), ("labels", "list")],
    ids=" ".join,
)
def test_a_command_that_only_reads_adds_nobody(
    capsys: pytest.CaptureFixture[str],
    project: Project,
    command: tuple[str, ...],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Named every way a command reads who runs it (--as where it takes one, --annotator, the environment)."""
    url = _url(project)
    docs(project, 1)
    monkeypatch.setenv("NEWSTAG_ANNOTATOR", "li")
    actor = ("--as", "li") if command[0] in ("agreement", "review-queue", "consistency") else ()
    assert run(capsys, "--annotator", "li", *command, *actor, "--db", url)[0] == 0
    assert project.team.annotators() == []


@pytest.mark.parametrize(
    "named",
    [("env",), ("--annotator",), ("env", "annotators add")],
    ids=" ".join,
)
def test_the_name_a_lead_command_runs_as_sets_up_the_project(
    capsys: pytest.CaptureFixture[str],
    project: Project,
    monkeypatch: pytest.MonkeyPatch,
    named: tuple[str, ...],
) -> None:
    """`NEWSTAG_ANNOTATOR=li newstag labels add EVENT` said "added EVENT" and left the project with nobody;
    li's `--as li` was refused later. The founder is the name the command runs as, however it is given."""
    url = _url(project)
    docs(project, 1)
    command = ("annotators", "add", "zoe") if "annotators add" in named else ("labels", "add", "EVENT")
    if "env" in named:
        monkeypatch.setenv("NEWSTAG_ANNOTATOR", "li")
    before = ("--annotator", "li") if "--annotator" in named else ()
    code, out, err = run(capsys, *before, *command, "--db", url)
    assert code == 0, err
    assert out.startswith("added li as lead (--as: the first person of a project is its lead)\n")
    people = {p.name: p.role for p in project.team.annotators()}
    assert people == ({"li": Role.LEAD, "zoe": Role.ANNOTATOR} if "zoe" in command else {"li": Role.LEAD})
    assert run(capsys, "labels", "add", "FAC", "--as", "li", "--db", url)[0] == 0


def test_the_name_the_window_remembers_sets_up_no_project(
    capsys: pytest.CaptureFixture[str], project: Project
) -> None:
    """The window's remembered name may be another project's: a lead's command with no name given writes as
    nobody on a project with nobody, as before, and makes no one its lead."""
    from gui import settings

    settings.save(annotator="zoe")
    url = _url(project)
    code, out, err = run(capsys, "labels", "add", "EVENT", "--db", url)
    assert code == 0, err
    assert not out.startswith("added zoe as lead")
    assert project.team.annotators() == []


@pytest.mark.parametrize(
    ("command", "action"), LEAD_COMMANDS, ids=[" ".join(c[:2]) for c, _ in LEAD_COMMANDS]
)
def test_someone_joining_while_a_lead_command_runs_refuses_it(
    capsys: pytest.CaptureFixture[str],
    project: Project,
    monkeypatch: pytest.MonkeyPatch,
    command: tuple[str, ...],
    action: str | None,
) -> None:
    """wang (and zhao) opened the window, wang the lead, after li's command found the project empty and
    before it wrote: li's command is refused like any other, not an "unexpected error ... please report
    it"."""
    url = _url(project)
    docs(project, 2)
    if action == "label_unmerge":
        assert run(capsys, "labels", "remove", "MISC", "--merge-into", "ORG", "--db", url)[0] == 0
    real = Team.founder
    joined: list[dict[str, list[tuple[object, ...]]]] = []

    def founder_then_wang_joins(team: Team, name: str, permission: Permission) -> Founder:
        founder = real(team, name, permission)
        with Project.open(url) as other:  # zhao too: assign refuses a name not in a project with people
            other.annotator("wang")
            other.annotator("zhao")
        joined.append(snapshot(project))
        return founder

    monkeypatch.setattr(Team, "founder", founder_then_wang_joins)
    code, _, err = run(capsys, *command, "--as", "li", "--db", url)
    said = "someone joined the project while this command ran: only the lead may"
    assert code == 2 and said in err and "unexpected" not in err, err
    assert err.startswith(f"newstag {command[0]}") and "(li is not one of its people)" in err
    assert "in this project: wang (lead); nothing was written\n" in err
    assert snapshot(project) == joined[0]
