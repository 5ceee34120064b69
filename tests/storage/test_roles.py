"""Roles (``model.roles``) in storage, on SQLite and PostgreSQL: the first person is the lead, a project
keeps one, gold writing is refused to annotators with nothing written, and migration 0005 gives old projects
a lead."""

from __future__ import annotations

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from model.roles import Permission, RoleRefused
from model.spans import Entity, Layer, Role
from storage.db import alembic_config, create_db_engine
from storage.project import Project
from storage.team import TeamError
from tests.conftest import snapshot
from tests.storage.test_migrations import empty_url  # noqa: F401  (a fixture)
from tests.storage.test_team import annotate, docs


def test_the_first_person_is_the_lead_and_a_project_keeps_one(project: Project) -> None:
    assert project.annotator("li").role is Role.LEAD  # asked for an annotator: the first is the lead
    assert project.annotator("wang").role is Role.ANNOTATOR
    assert project.team.add("rita", Role.REVIEWER).role is Role.REVIEWER
    with pytest.raises(TeamError, match="rita is in this project already"):
        project.team.add("rita", Role.LEAD)
    before = snapshot(project)
    with pytest.raises(TeamError, match="li is the project's only lead"):
        project.team.set_role("li", Role.ANNOTATOR)
    with pytest.raises(TeamError, match="no one called zoe"):
        project.team.set_role("zoe", Role.LEAD)
    assert snapshot(project) == before
    project.team.set_role("wang", Role.LEAD)
    project.team.set_role("li", Role.REVIEWER)
    assert {p.name: p.role for p in project.team.annotators()} == {
        "li": Role.REVIEWER,
        "rita": Role.REVIEWER,
        "wang": Role.LEAD,
    }


def test_require_names_who_may(project: Project) -> None:
    project.annotator("li")
    project.annotator("wang")
    project.team.add("rita", Role.REVIEWER)
    assert project.team.require("rita", Permission.REVIEW) == project.team.find("rita")
    with pytest.raises(RoleRefused) as refused:
        project.team.require("wang", Permission.REVIEW)
    assert str(refused.value) == (
        "only a reviewer or the lead may review disagreements and write the gold layer (wang is an "
        "annotator); in this project: li (lead), rita (reviewer)"
    )
    with pytest.raises(RoleRefused, match=r"only the lead may edit the label set \(rita is a reviewer\)"):
        project.team.require("rita", Permission.EDIT_LABELS)
    with pytest.raises(RoleRefused, match="nobody was named"):
        project.team.require(None, Permission.ASSIGN)
    with pytest.raises(TeamError, match="no one called zoe"):
        project.team.require("zoe", Permission.ASSIGN)


def test_gold_writing_is_refused_to_an_annotator_with_nothing_written(project: Project) -> None:
    (doc,) = docs(project, 1)
    annotate(project, "li", doc, Entity(4, 7, "PER"))  # li: the lead
    annotate(project, "wang", doc, Entity(4, 7, "PER"))
    item = project.reviews.load(doc)
    before = snapshot(project)
    with pytest.raises(RoleRefused, match="wang is an annotator"):
        project.reviews.save_gold(item, project.annotator("wang").id, [Entity(4, 7, "PER")], [])
    assert snapshot(project) == before
    project.team.set_role("wang", Role.REVIEWER)  # a role given since counts at once
    assert project.reviews.save_gold(item, project.annotator("wang").id, [Entity(4, 7, "PER")], []) == 1
    assert [s.label for s in project.annotations.spans(doc, Layer.GOLD)] == ["PER"]


def test_the_database_refuses_an_unknown_role(project: Project) -> None:
    with pytest.raises(IntegrityError), project.engine.begin() as conn:
        conn.execute(
            text("INSERT INTO annotators (name, role, created_at) VALUES ('x', 'boss', '2026-01-01')")
        )


def test_0005_makes_the_first_person_of_an_old_project_its_lead(empty_url: str) -> None:  # noqa: F811
    from alembic import command

    engine = create_db_engine(empty_url)
    command.upgrade(alembic_config(engine), "0004")
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO annotators (name, role, created_at) VALUES "
                "('first', 'annotator', '2026-01-01'), ('second', 'reviewer', '2026-01-02')"
            )
        )
        with pytest.raises(IntegrityError), conn.begin_nested():
            conn.execute(
                text("INSERT INTO annotators (name, role, created_at) VALUES ('x', 'lead', '2026-01-01')")
            )
    engine.dispose()
    with Project.open(empty_url) as project:
        assert {p.name: p.role for p in project.team.annotators()} == {
            "first": Role.LEAD,
            "second": Role.REVIEWER,
        }
        assert project.team.add("third", Role.LEAD).role is Role.LEAD  # the database takes the new role
        with pytest.raises(IntegrityError), project.engine.begin() as conn:
            conn.execute(text("UPDATE annotators SET role = 'boss' WHERE name = 'third'"))
        if project.engine.dialect.name == "sqlite":  # the schema rewritten in place is sound
            with project.engine.connect() as conn:
                assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"


def test_adding_a_person_and_giving_a_role_are_logged_with_who_did_it(project: Project) -> None:
    from sqlalchemy import select

    from storage.orm import EventRow

    li = project.annotator("li")  # opening the window under a name: not an event
    rita = project.team.add("rita", Role.REVIEWER, by=li.id)
    project.team.set_role("rita", Role.LEAD, by=li.id)
    project.team.set_role("rita", Role.LEAD, by=li.id)  # her role already: nothing written
    with pytest.raises(TeamError):
        project.team.set_role("zoe", Role.LEAD, by=li.id)
    with project.session_factory() as s:
        logged = [
            (e.annotator_id, e.action, e.payload) for e in s.scalars(select(EventRow).order_by(EventRow.id))
        ]
    assert logged == [
        (li.id, "annotator_add", {"name": "rita", "role": "reviewer", "asked": "reviewer"}),
        (li.id, "role_set", {"name": "rita", "role": "lead", "was": "reviewer"}),
    ]
    assert project.team.find("rita") == rita.__class__(rita.id, "rita", Role.LEAD)
