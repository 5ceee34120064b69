"""SQLite: a unit of work that writes takes the write lock when it begins, so two writers queue instead of
one failing with "database is locked" when it upgrades from reading after the other committed."""

from __future__ import annotations

import threading
import time

from sqlalchemy import text

from storage.project import Project


def test_a_writer_that_read_first_waits_for_the_other_instead_of_failing(sqlite_project: Project) -> None:
    errors: list[BaseException] = []

    def other_writer() -> None:
        try:
            with sqlite_project.transaction() as s:
                s.execute(text("INSERT INTO settings (key, value) VALUES ('other', '{}')"))
        except BaseException as exc:  # collected for the assertion below
            errors.append(exc)

    with sqlite_project.transaction() as s:
        s.execute(text("SELECT count(*) FROM settings")).all()  # read first…
        thread = threading.Thread(target=other_writer)
        thread.start()
        time.sleep(0.3)  # …the other writer starts meanwhile…
        s.execute(text("INSERT INTO settings (key, value) VALUES ('mine', '{}')"))  # …then write
    thread.join(10)
    assert errors == []
    assert sqlite_project.settings.get("mine") == {} and sqlite_project.settings.get("other") == {}
    with sqlite_project.engine.connect() as conn:
        assert (
            conn.exec_driver_sql("SELECT count(*) FROM settings WHERE key IN ('mine', 'other')").scalar() == 2
        )
