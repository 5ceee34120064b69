"""Migrations: one chain, models and migrations agree, upgrade on open, newer schemas refused untouched."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text

from model.faults import FaultKind
from storage.db import SchemaTooNewError, alembic_config, create_db_engine, head_revision
from storage.orm import Base
from storage.project import Project
from tests.conftest import snapshot


def test_revisions_form_one_chain() -> None:
    script = ScriptDirectory.from_config(alembic_config())
    heads = script.get_heads()
    assert len(heads) == 1, f"several heads: {heads}"
    revisions = list(script.walk_revisions())
    bases = [r for r in revisions if r.down_revision is None]
    assert len(bases) == 1
    # walking down from the head reaches every revision exactly once
    seen, rev = [], script.get_revision(heads[0])
    while rev is not None:
        seen.append(rev.revision)
        rev = script.get_revision(rev.down_revision) if rev.down_revision else None
    assert sorted(seen) == sorted(r.revision for r in revisions)


def test_models_and_migrations_agree(project: Project) -> None:
    with project.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), Base.metadata)
    assert diff == []


def test_open_creates_schema_with_wal_and_foreign_keys(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "folder" / "new.db"
    with Project.open(f"sqlite:///{path}") as project:
        assert path.exists()
        with project.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() == head_revision()
        assert set(inspect(project.engine).get_table_names()) >= {"documents", "spans", "events", "progress"}
        assert [label.name for label in project.labels.all()] == ["PER", "LOC", "ORG", "MISC"]


def test_a_newer_schema_is_refused_and_left_untouched(project: Project) -> None:
    with project.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999_from_the_future'"))
    before = snapshot(project)
    with pytest.raises(SchemaTooNewError, match="newer version of newstag") as caught:
        Project.open(project.engine.url.render_as_string(hide_password=False))
    assert caught.value.kind is FaultKind.TOO_NEW
    assert caught.value.fault is not None and caught.value.fault.detail == "9999_from_the_future"
    assert caught.value.fault.where == project.engine.url.render_as_string(hide_password=True)
    assert snapshot(project) == before
    with project.engine.connect() as conn:
        version = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
        assert version == "9999_from_the_future"
    with project.engine.begin() as conn:  # let the fixture tear down a database it recognises
        conn.execute(text("UPDATE alembic_version SET version_num = :v"), {"v": head_revision()})


def test_reopening_is_idempotent(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'x.db'}"
    Project.open(url).close()
    with Project.open(url) as project:
        assert len(project.labels.all()) == 4
    engine = create_db_engine(url)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM alembic_version")).scalar() == 1
    engine.dispose()


def test_an_older_database_is_upgraded_on_open_with_its_data(tmp_path: Path) -> None:
    from alembic import command

    url = f"sqlite:///{tmp_path / 'old.db'}"
    engine = create_db_engine(url)
    command.upgrade(alembic_config(engine), "0001")
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO documents (title, text, source, content_hash, meta, imported_at) "
                "VALUES ('t', '北京', 's', 'h', '{}', '2026-01-01')"
            )
        )
    engine.dispose()
    with Project.open(url) as project:
        assert [d.text for d in project.documents.all()] == ["北京"]
        with project.engine.connect() as conn:
            assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == head_revision()
            assert "trained_models" in inspect(project.engine).get_table_names()


@pytest.fixture(params=["sqlite", pytest.param("pg", marks=pytest.mark.postgres)])
def empty_url(request: pytest.FixtureRequest, tmp_path: Path):  # type: ignore[no-untyped-def]
    """A database with no schema yet: a new SQLite file, or a new PostgreSQL database (dropped after)."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'old.db'}"
        return
    import uuid

    from sqlalchemy import create_engine

    from tests.conftest import PG_ADMIN_URL

    request.getfixturevalue("pg_database")  # skips (or fails in CI) when the server is not there
    name = f"newstag_mig_{uuid.uuid4().hex[:12]}"
    admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    yield admin.url.set(database=name).render_as_string(hide_password=False)
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


NOW = "'2026-01-01'"


def _at_revision(url: str, revision: str):  # type: ignore[no-untyped-def]
    """An engine on a new database migrated up to ``revision``, holding one document (北京欢迎你)."""
    from alembic import command

    engine = create_db_engine(url)
    command.upgrade(alembic_config(engine), revision)
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO documents (title, text, source, content_hash, meta, imported_at) "
                f"VALUES ('t', '北京欢迎你', 's', 'h', '{{}}', {NOW})"
            )
        )
    return engine


def test_0004_keeps_one_of_each_duplicate_suggestion_and_renames_bad_labels(empty_url: str) -> None:
    engine = _at_revision(empty_url, "0003")
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO labels (name, colour, hotkey, position, description) VALUES "
                "('NEW LOC', '#111111', '7', 5, 'from JSONL'), "
                "('NEW_LOC', '#222222', NULL, 6, ''), "
                "('LOC', '#333333', '2', 1, ''), ('ORG', '#444444', '3', 2, '')"
            )
        )
        values = ", ".join(
            f"(1, 'suggestion', NULL, {a}, {b}, '{label}', '{origin}', 'suggested', 1, {NOW}, {NOW})"
            for a, b, label, origin in [
                (0, 2, "LOC", "jieba"),
                (0, 2, "LOC", "model"),
                (0, 2, "LOC", "rule"),
                (0, 2, "ORG", "jieba"),
                (2, 4, "NEW LOC", "jieba"),
            ]
        )
        conn.execute(
            text(
                'INSERT INTO spans (document_id, layer, annotator_id, start, "end", label, origin, '
                f"status, version, created_at, updated_at) VALUES {values}"
            )
        )
    engine.dispose()
    with Project.open(empty_url) as project:
        with project.engine.connect() as conn:
            rows = conn.execute(text('SELECT start, "end", label, origin FROM spans ORDER BY id')).all()
            label = conn.execute(
                text("SELECT colour, hotkey, position FROM labels WHERE name = 'NEW_LOC_2'")
            ).one()
        assert [tuple(r) for r in rows] == [
            (0, 2, "LOC", "jieba"),
            (0, 2, "ORG", "jieba"),
            (2, 4, "NEW_LOC_2", "jieba"),
        ]
        assert tuple(label) == ("#111111", "7", 5)
        assert "NEW LOC" not in {lab.name for lab in project.labels.all()}


def test_0006_renames_labels_with_an_invisible_character(empty_url: str) -> None:
    """A label the older rule let in (PER + a zero-width space) is renamed with its spans and hotkey, beside
    the PER it looked like; after the migration the database refuses such a name."""
    from sqlalchemy.exc import DBAPIError

    engine = _at_revision(empty_url, "0005")
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO labels (name, colour, hotkey, position, description) VALUES "
                "('PER', '#222222', '1', 0, ''), (:n, '#111111', '7', 5, '')"
            ),
            {"n": "PER\u200b"},
        )
        conn.execute(
            text(
                'INSERT INTO spans (document_id, layer, annotator_id, start, "end", label, origin, '
                "status, version, created_at, updated_at) VALUES "
                f"(1, 'suggestion', NULL, 0, 2, :n, 'jieba', 'suggested', 1, {NOW}, {NOW})"
            ),
            {"n": "PER\u200b"},
        )
    engine.dispose()
    with Project.open(empty_url) as project:
        with project.engine.connect() as conn:
            assert conn.execute(text("SELECT label FROM spans")).scalar_one() == "PER_"
            assert tuple(conn.execute(text("SELECT hotkey FROM labels WHERE name = 'PER_'")).one()) == ("7",)
        names = {label.name for label in project.labels.all()}
        assert "PER_" in names and "PER" in names and "PER\u200b" not in names
        with pytest.raises(DBAPIError), project.engine.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO labels (name, colour, hotkey, position, description) "
                    "VALUES (:n, '#1', NULL, 9, '')"
                ),
                {"n": "LOC\ufeff"},
            )


LAST_EVENT = (
    "SELECT document_id FROM events WHERE annotator_id = 1 AND document_id IS NOT NULL "
    "ORDER BY id DESC LIMIT 1"
)


def test_0007_indexes_the_events_by_annotator(empty_url: str) -> None:
    """An older database's event log gets the index the window's "where was I" reads through
    (``DocumentList.last_worked_on``): the annotator's last event found without walking the log."""
    engine = _at_revision(empty_url, "0006")
    with engine.begin() as conn:
        conn.execute(text(f"INSERT INTO annotators (name, role, created_at) VALUES ('ann', 'lead', {NOW})"))
        conn.execute(
            text(
                "INSERT INTO events (at, annotator_id, document_id, action, payload) VALUES "
                f"({NOW}, 1, 1, 'add', '{{}}'), ({NOW}, NULL, NULL, 'import', '{{}}')"
            )
        )
    engine.dispose()
    with Project.open(empty_url) as project:
        indexes = {ix["name"]: ix["column_names"] for ix in inspect(project.engine).get_indexes("events")}
        assert indexes.get("ix_events_annotator_id_id") == ["annotator_id", "id"]
        with project.engine.connect() as conn:
            assert conn.execute(text(LAST_EVENT)).scalar_one() == 1
            if project.engine.dialect.name == "sqlite":
                plan = " ".join(
                    str(row[-1]) for row in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + LAST_EVENT)
                )
                assert "ix_events_annotator_id_id" in plan, plan


def test_sqlite_commits_survive_a_power_cut_unless_told_otherwise(
    sqlite_project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    """synchronous=FULL by default (README, "Durability"); NORMAL on request; anything else is refused."""
    from storage.db import DatabaseError

    def synchronous() -> int:
        with Project.open(str(sqlite_project.engine.url)) as project, project.engine.connect() as conn:
            return int(conn.exec_driver_sql("PRAGMA synchronous").scalar() or 0)

    assert synchronous() == 2  # FULL
    monkeypatch.setenv("NEWSTAG_SQLITE_SYNCHRONOUS", "normal")
    assert synchronous() == 1
    monkeypatch.setenv("NEWSTAG_SQLITE_SYNCHRONOUS", "off")
    with pytest.raises(DatabaseError, match="must be one of FULL, NORMAL"):
        synchronous()
