"""``newstag annotators`` and ``newstag labels``, and every role refusal of the command line, on SQLite and
PostgreSQL: each refusal names who may, exits 2 and leaves the database exactly as it was."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from gui.cli import main
from model.spans import Label, Role
from storage.orm import EventRow
from storage.project import Project
from tests.conftest import snapshot
from tests.storage.test_team import annotate, docs


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture
def team(project: Project) -> tuple[Project, str]:
    """li (the lead: the first person), rita (a reviewer), wang and zhao (annotators, one document done)."""
    url = project.engine.url.render_as_string(hide_password=False)
    (doc,) = docs(project, 1)
    for name in ("li", "wang", "zhao"):
        project.annotator(name)
    project.team.add("rita", Role.REVIEWER)
    from model.spans import Entity

    annotate(project, "wang", doc, Entity(4, 7, "PER"))
    annotate(project, "zhao", doc, Entity(4, 7, "LOC"))
    return project, url


def test_annotators_list_add_and_set_role(capsys: pytest.CaptureFixture[str], project: Project) -> None:
    url = project.engine.url.render_as_string(hide_password=False)
    assert run(capsys, "annotators", "list", "--db", url)[1].startswith("nobody yet")
    code, out, _ = run(capsys, "annotators", "add", "li", "--role", "annotator", "--db", url)
    assert code == 0 and out == "added li as lead (the first person of a project is its lead)\n"
    assert run(capsys, "annotators", "add", "wang", "--as", "li", "--db", url)[:2] == (
        0,
        "added wang as annotator\n",
    )
    assert run(capsys, "annotators", "set-role", "wang", "reviewer", "--as", "li", "--db", url)[1] == (
        "wang is now reviewer\n"
    )
    assert run(capsys, "annotators", "set-role", "wang", "reviewer", "--as", "li", "--db", url)[1] == (
        "wang is reviewer already; nothing was written\n"  # and no event below
    )
    code, _, err = run(capsys, "annotators", "set-role", "li", "annotator", "--as", "li", "--db", url)
    assert code == 2 and "li is the project's only lead" in err
    assert run(capsys, "annotators", "list", "--db", url)[1] == "li\tlead\nwang\treviewer\n"
    li = project.team.find("li")
    assert li is not None
    with project.session_factory() as s:  # each change one event, with who made it (the lead, --as li)
        logged = [(e.annotator_id, e.action, e.payload["name"]) for e in s.scalars(select(EventRow))]
    assert logged == [
        (None, "annotator_add", "li"),
        (li.id, "annotator_add", "wang"),
        (li.id, "role_set", "wang"),
    ]


def test_annotators_add_as_someone_in_a_new_project_makes_them_the_lead(
    capsys: pytest.CaptureFixture[str], project: Project
) -> None:
    """A lead following the README adds the team with --as themselves from the start: in a project with
    nobody yet, the one running the command is its first person (the lead), and the person added gets the
    role asked, not the lead's, which left the lead refused from then on ('no one called li')."""
    url = project.engine.url.render_as_string(hide_password=False)
    code, out, _ = run(capsys, "annotators", "add", "wang", "--role", "annotator", "--as", "li", "--db", url)
    assert code == 0
    assert (
        out == "added li as lead (--as: the first person of a project is its lead)\nadded wang as annotator\n"
    )
    assert run(capsys, "annotators", "add", "zhao", "--as", "li", "--db", url)[:2] == (
        0,
        "added zhao as annotator\n",
    )
    assert run(capsys, "annotators", "list", "--db", url)[1] == "li\tlead\nwang\tannotator\nzhao\tannotator\n"
    li = project.team.find("li")
    assert li is not None
    with project.session_factory() as s:
        logged = [(e.annotator_id, e.action, e.payload["name"]) for e in s.scalars(select(EventRow))]
    assert logged == [
        (None, "annotator_add", "li"),
        (li.id, "annotator_add", "wang"),
        (li.id, "annotator_add", "zhao"),
    ]


def test_annotators_add_as_someone_refused_name_writes_nothing(
    capsys: pytest.CaptureFixture[str], project: Project
) -> None:
    """The lead and the first person are added together or not at all: a name with a comma refuses both."""
    url = project.engine.url.render_as_string(hide_password=False)
    before = snapshot(project)
    code, _, err = run(capsys, "annotators", "add", "wang,zhao", "--as", "li", "--db", url)
    assert code == 2 and "wang,zhao" in err
    assert snapshot(project) == before


GUARDED = [
    ("assign", "--annotators", "wang,zhao"),
    ("agreement",),
    ("review-queue",),
    ("consistency",),  # the gold layer
    ("consistency", "--annotator", "zhao"),  # another's layer
    ("export", "--layer", "annotator", "--annotator", "zhao", "--out", "never-written.conll"),
    ("labels", "add", "EVENT"),
    ("labels", "edit", "PER", "--colour", "#000000"),
    ("labels", "remove", "MISC"),
    ("labels", "order", "ORG"),
    ("labels", "preset", "cluener"),
    ("annotators", "add", "zoe"),
    ("annotators", "set-role", "wang", "lead"),
]


@pytest.mark.parametrize("command", GUARDED, ids=lambda c: " ".join(c[:2]))
def test_an_annotator_is_refused_with_who_may_and_nothing_changes(
    capsys: pytest.CaptureFixture[str], team: tuple[Project, str], command: tuple[str, ...]
) -> None:
    project, url = team
    before = snapshot(project)
    code, out, err = run(capsys, *command, "--as", "wang", "--db", url)
    assert code == 2 and out == ""
    assert err.startswith(f"newstag {command[0]}") and "(wang is an annotator)" in err
    assert "li (lead)" in err
    if command[0] in ("agreement", "review-queue", "consistency", "export"):
        assert "rita (reviewer)" in err  # reviewers may see these too
    code, _, err = run(capsys, *command, "--db", url)  # nobody named
    assert code == 2 and "Say who you are with --as NAME" in err
    assert snapshot(project) == before


def test_who_may_what(capsys: pytest.CaptureFixture[str], team: tuple[Project, str], tmp_path: Path) -> None:
    _project, url = team
    assert run(capsys, "consistency", "--annotator", "wang", "--as", "wang", "--db", url)[0] == 0  # one's own
    assert run(capsys, "review-queue", "--as", "rita", "--db", url)[0] == 0
    out = tmp_path / "wang.conll"  # one's own layer exports
    mine = ("--layer", "annotator", "--annotator", "wang", "--out", str(out), "--as", "wang", "--quiet")
    code, _, err = run(capsys, "export", *mine, "--db", url)
    assert code == 0, err
    assert "裴\tB-PER\n青\tI-PER\n山\tI-PER" in out.read_text(encoding="utf-8")  # wang's PER
    code, _, err = run(capsys, "labels", "add", "EVENT", "--as", "rita", "--db", url)
    assert code == 2 and "only the lead may edit the label set (rita is a reviewer)" in err
    code, _, err = run(capsys, "assign", "--annotators", "wang", "--as", "nobody", "--db", url)
    assert code == 2 and "no one called nobody in this project" in err
    assert run(capsys, "assign", "--annotators", "wang,zhao", "--as", "li", "--db", url)[0] == 0


def test_labels_commands(capsys: pytest.CaptureFixture[str], team: tuple[Project, str]) -> None:
    project, url = team
    lead = ("--as", "li", "--db", url)
    code, out, _ = run(capsys, "labels", "add", "EVENT", "--hotkey", "5", "--description", "Named events",
                       "--example", "奥运会", *lead)  # fmt: skip
    assert code == 0 and out == "added EVENT\t#330000\t5\tNamed events e.g. 奥运会\n"
    for bad, message in [
        (("labels", "add", "NEW EVENT"), "contains whitespace (U+0020)"),
        (("labels", "add", "X" * 65), "65 characters long"),
        (("labels", "add", "FAC", "--hotkey", "5"), "hotkey 5 belongs to EVENT already"),
        (("labels", "edit", "LOC", "--hotkey", "1"), "hotkey 1 belongs to PER already"),
        (("labels", "edit", "LOC", "--colour", "green"), "#rrggbb"),
        (("labels", "remove", "PER"), "PER is used by 1 span(s); merge it into another label"),
    ]:
        before = snapshot(project)
        code, _, err = run(capsys, *bad, *lead)
        assert code == 2 and message in err, err
        assert snapshot(project) == before
    run(capsys, "labels", "edit", "EVENT", "--hotkey", "none", "--rename", "EVT", *lead)
    assert run(capsys, "labels", "order", "EVT", "LOC", *lead)[1] == "EVT LOC PER ORG MISC\n"
    code, out, _ = run(capsys, "labels", "remove", "PER", "--merge-into", "LOC", *lead)
    assert code == 0 and out.startswith("merged PER into LOC: 1 span(s) relabelled (event ")
    assert "undo with: newstag labels unmerge PER" in out
    listing = run(capsys, "labels", "list", "--db", url)[1].splitlines()
    assert listing[0] == "EVT\t#330000\t-\tNamed events e.g. 奥运会\t0 span(s)"
    assert listing[1].startswith("LOC\t#88CCEE\t2\tLocation: ") and listing[1].endswith("\t2 span(s)")
    assert run(capsys, "labels", "unmerge", "PER", *lead)[1] == "PER is back: 1 span(s) moved back from LOC\n"
    assert [label.name for label in project.labels.all()] == [
        "EVT",
        "LOC",
        "PER",
        "ORG",
        "MISC",
    ]  # in its place
    code, out, _ = run(capsys, "labels", "preset", "cluener", *lead)
    assert code == 0 and out.count("added ") == 10 and "added name\t" in out
    assert "suggestion conventions: general (without MSRA's habits" in out
    assert project.training.settings().conventions == "general"


def test_labels_edit_changes_only_the_fields_named(
    capsys: pytest.CaptureFixture[str], team: tuple[Project, str]
) -> None:
    """`labels edit PER --colour X` took PER's hotkey away: argparse ran the hotkey's default ("", leave it)
    through the hotkey type, which reads "" as none. Only the fields named change, and the log says so."""
    project, url = team
    before = {label.name: label for label in project.labels.all()}
    code, out, err = run(capsys, "labels", "edit", "PER", "--colour", "#123456", "--as", "li", "--db", url)
    assert code == 0, err
    after = {label.name: label for label in project.labels.all()}
    per = before["PER"]
    assert per.hotkey == "1"
    assert after["PER"] == Label(per.name, "#123456", per.hotkey, per.position, per.description)
    assert out == f"now PER\t#123456\t1\t{per.description}\n"
    assert {n: x for n, x in after.items() if n != "PER"} == {n: x for n, x in before.items() if n != "PER"}
    with project.session_factory() as s:
        edit = s.scalars(select(EventRow).where(EventRow.action == "label_edit")).one()
    assert edit.payload["changed"] == {"colour": [per.colour, "#123456"]}
    run(capsys, "labels", "edit", "PER", "--description", "people", "--as", "li", "--db", url)
    assert project.labels.all()[0] == Label("PER", "#123456", "1", per.position, "people")
    run(capsys, "labels", "edit", "PER", "--hotkey", "none", "--as", "li", "--db", url)
    assert project.labels.all()[0].hotkey is None
