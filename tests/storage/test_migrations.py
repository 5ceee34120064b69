"""Migrations: one chain, models and migrations agree, upgrade on open, newer schemas refused untouched."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text

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
    with pytest.raises(SchemaTooNewError, match="newer version of newstag"):
        Project.open(project.engine.url.render_as_string(hide_password=False))
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
        conn.execute(text("INSERT INTO documents (title, text, source, content_hash, meta, imported_at) "
                          "VALUES ('t', '北京', 's', 'h', '{}', '2026-01-01')"))
    engine.dispose()
    with Project.open(url) as project:
        assert [d.text for d in project.documents.all()] == ["北京"]
        with project.engine.connect() as conn:
            assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == head_revision()
            assert "trained_models" in inspect(project.engine).get_table_names()
