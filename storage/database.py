"""One open database: the engine, a session per unit of work, and the transaction every write goes through.

The managers in ``storage/`` take a ``Database``; ``storage.project.Project`` is one, with the managers hung
off it. Nothing here knows a manager, so no storage module needs to import the facade.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from storage.db import SQLITE_IMMEDIATE


class Database:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.session_factory = sessionmaker(engine, expire_on_commit=False)

    @property
    def url(self) -> str:
        return self.engine.url.render_as_string(hide_password=True)

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One unit of work: committed on success, rolled back on any exception."""
        with self.session_factory.begin() as session:
            if self.engine.dialect.name == "sqlite":
                session.connection(execution_options={SQLITE_IMMEDIATE: True})
            yield session

    def close(self) -> None:
        self.engine.dispose()
