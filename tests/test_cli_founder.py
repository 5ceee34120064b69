"""The lead's commands run with ``--as NAME`` on a project with nobody in it yet: NAME becomes its lead (its
first person) in the command's own transaction, as ``annotators add --as`` does; a refused command writes
neither, and the commands that only read add nobody. On SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from model.spans import Role
from storage.orm import EventRow
from storage.project import Project
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
    capsys: pytest.CaptureFixture[str], project: Project, command: tuple[str, ...]
) -> None:
    url = _url(project)
    docs(project, 1)
    actor = ("--as", "li") if command[0] in ("agreement", "review-queue", "consistency") else ()
    assert run(capsys, *command, *actor, "--db", url)[0] == 0
    assert project.team.annotators() == []
