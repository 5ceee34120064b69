"""Shared fixtures: fresh databases (SQLite from a migrated template, PostgreSQL in a throwaway database)."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("NEWSTAG_CONFIG_DIR", "")  # replaced per test below; never the user's real settings

import pytest
from sqlalchemy import create_engine, text

import storage.answers
import storage.db
from storage.db import create_db_engine, migrate
from storage.project import Project
from tests.pg_proxy import BOUND, CONNECT, Proxy, proxy_to

# newstag's cache folder (jieba's dictionary cache, swept temporaries) is one of the run's own, shared by its
# tests and the commands they start, never the runner's ~/.cache/newstag
_CACHE_HOME = tempfile.mkdtemp(prefix="newstag-test-cache-")
os.environ["XDG_CACHE_HOME"] = _CACHE_HOME
atexit.register(shutil.rmtree, _CACHE_HOME, True)

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SHARED_DATA = ROOT.parent / "shared" / "data"
PG_ADMIN_URL = os.environ.get("NEWSTAG_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")


@pytest.fixture(autouse=True)
def _isolated_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test reads or writes the user's real data folder or settings."""
    monkeypatch.setenv("NEWSTAG_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.delenv("NEWSTAG_DB", raising=False)


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "template.db"
    Project.open(f"sqlite:///{path}").close()
    return path


@pytest.fixture
def sqlite_project(sqlite_template: Path, tmp_path: Path) -> Iterator[Project]:
    path = tmp_path / "newstag.db"
    shutil.copy(sqlite_template, path)
    project = Project.open(f"sqlite:///{path}")
    yield project
    project.close()


def _pg_available() -> bool:
    try:
        engine = create_engine(PG_ADMIN_URL, connect_args={"connect_timeout": 3})
        with engine.connect():
            pass
        engine.dispose()
        return True
    except Exception:
        return False


@contextmanager
def throwaway_pg_database(prefix: str) -> Iterator[str]:
    """The URL of a new, empty PostgreSQL database, dropped at the end; the test is skipped (failed in CI)
    when the server is not reachable."""
    if not _pg_available():
        if os.environ.get("CI"):
            pytest.fail(f"PostgreSQL is not reachable at {PG_ADMIN_URL} (CI must start it)")
        pytest.skip(f"PostgreSQL is not reachable at {PG_ADMIN_URL}")
    name = f"{prefix}{uuid.uuid4().hex[:12]}"
    admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield admin.url.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(scope="session")
def pg_database() -> Iterator[str]:
    """A throwaway PostgreSQL database for this test run, migrated once, dropped at the end."""
    with throwaway_pg_database("newstag_test_") as url:
        engine = create_db_engine(url)
        migrate(engine)
        engine.dispose()
        yield url


TABLES = (
    "events",
    "progress",
    "spans",
    "assignments",
    "reviews",
    "trained_models",
    "settings",
    "labels",
    "annotators",
    "documents",
)


@pytest.fixture
def pg_project(pg_database: str) -> Iterator[Project]:
    engine = create_db_engine(pg_database)
    with engine.begin() as conn:  # TRUNCATE fires no row triggers: the append-only guard stays on
        conn.execute(text(f"TRUNCATE {', '.join(TABLES)} RESTART IDENTITY CASCADE"))
    engine.dispose()
    project = Project.open(pg_database)
    yield project
    project.close()


@pytest.fixture
def proxy(pg_project: Project, pg_database: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[Proxy]:
    """A proxy of the test's own in front of ``pg_database`` (``tests/pg_proxy.py``), with the wait for an
    answer cut to ``BOUND`` seconds, and for a new connection to ``CONNECT``."""
    monkeypatch.setattr(storage.answers, "ANSWER_WAIT_S", BOUND)
    monkeypatch.setattr(storage.db, "CONNECT_WAIT_S", CONNECT)
    with proxy_to(pg_database) as started:
        yield started


@pytest.fixture
def proxied(proxy: Proxy, pg_database: str) -> Iterator[Project]:
    """The project of ``pg_project``, opened through the proxy."""
    project = Project.open(proxy.url(pg_database))
    yield project
    project.close()


@pytest.fixture(params=["sqlite", pytest.param("pg", marks=pytest.mark.postgres)])
def project(request: pytest.FixtureRequest) -> Project:
    """The same test on a fresh SQLite file and on the real PostgreSQL server."""
    return request.getfixturevalue(f"{request.param}_project")


def snapshot(project: Project) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table, to prove that a failed operation changed nothing."""
    with project.engine.connect() as conn:
        return {
            table: sorted(tuple(map(repr, row)) for row in conn.execute(text(f"SELECT * FROM {table}")))
            for table in TABLES
        }
