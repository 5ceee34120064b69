"""Two commands (or a command and a window) setting up a project with nobody in it at the same moment: the
first person is its lead, and there is one. On PostgreSQL (READ COMMITTED) both counted nobody and both
became its lead; SQLite's writing transactions begin IMMEDIATE and wait for each other. Each runs in a
thread of its own with its own connection, held just after it read who is in the project until the other
has read it too or is waiting to: the interleaving that made two leads."""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import create_engine, event, text

from model.roles import Permission
from model.spans import Label, Role
from storage.project import Project
from storage.team import TeamError

COUNT = re.compile(r"SELECT count\(\*\) AS \w+\s+FROM annotators\s*$")  # "is there anyone yet"
ROWS = re.compile(r"SELECT annotators\.id, [\w., ]+\s+FROM annotators\s*$")  # assign: "who is there"


def _labels_add(project: Project, name: str) -> object:  # newstag labels add EVENT --as NAME
    label = Label({"li": "EVENT", "wang": "FAC"}[name], {"li": "#123456", "wang": "#654321"}[name])
    return project.labels.add(label, by=project.team.founder(name, Permission.EDIT_LABELS))


def _annotators_add(project: Project, name: str) -> object:  # newstag annotators add NAME2 --as NAME
    return project.team.found(name, f"{name}2", Role.ANNOTATOR)


def _window(project: Project, name: str) -> object:  # the window opened as NAME
    return project.team.annotator(name)


def _assign_as(project: Project, name: str) -> object:  # newstag assign --annotators NAME --as NAME
    return project.team.assign([name], by=project.team.founder(name, Permission.ASSIGN))


def _assign(project: Project, name: str) -> object:  # newstag assign --annotators NAME, nobody named
    return project.team.assign([name])


Step = Callable[[Project, str], object]
STEPS: dict[str, tuple[Step, re.Pattern[str]]] = {
    "labels add --as": (_labels_add, COUNT),
    "annotators add --as": (_annotators_add, COUNT),
    "window": (_window, COUNT),
    "assign --as": (_assign_as, COUNT),
    "assign": (_assign, ROWS),
}
PAIRS = [(k, k) for k in STEPS] + [("labels add --as", "window"), ("window", "annotators add --as")]


class Meeting:
    """Holds a thread after its first statement matching its pattern until the other thread has run its own
    too, or is waiting for a lock (PostgreSQL says so; for SQLite, whose waits cannot be seen, a second)."""

    def __init__(self, url: str) -> None:
        self.arrived = 0
        self.cond = threading.Condition()
        self.local = threading.local()
        self.watch = create_engine(url) if url.startswith("postgresql") else None

    def close(self) -> None:
        if self.watch is not None:
            self.watch.dispose()

    def _someone_waits(self) -> bool:
        if self.watch is None:
            return False
        with self.watch.connect() as conn:
            query = "SELECT count(*) FROM pg_locks l JOIN pg_database d ON d.oid = l.database"
            return bool(conn.scalar(text(f"{query} WHERE NOT l.granted AND d.datname = current_database()")))

    def hook(self, _conn: Any, _cursor: Any, statement: str, *_rest: Any) -> None:
        pattern = getattr(self.local, "pattern", None)
        if pattern is None or not pattern.search(statement.strip()):
            return
        self.local.pattern = None  # once per thread
        with self.cond:
            self.arrived += 1
            self.cond.notify_all()
        deadline = time.monotonic() + (10 if self.watch is not None else 1)
        while time.monotonic() < deadline:
            with self.cond:
                if self.arrived >= 2:
                    return
                self.cond.wait(0.02)
            if self._someone_waits():
                return


def _race(url: str, first: str, second: str) -> dict[str, object]:
    meeting = Meeting(url)
    start = threading.Barrier(2, timeout=60)
    outcome: dict[str, object] = {}

    def run(kind: str, name: str) -> None:
        step, pattern = STEPS[kind]
        with Project.open(url) as project:
            event.listen(project.engine, "after_cursor_execute", meeting.hook)
            start.wait()
            meeting.local.pattern = pattern
            try:
                outcome[name] = step(project, name)
            except (PermissionError, TeamError) as exc:  # the one who came second may be refused
                outcome[name] = exc

    threads = [threading.Thread(target=run, args=a) for a in ((first, "li"), (second, "wang"))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    meeting.close()
    assert not any(t.is_alive() for t in threads)
    return outcome


@pytest.mark.parametrize(("first", "second"), PAIRS, ids=[f"{a} | {b}" for a, b in PAIRS])
def test_two_people_setting_up_a_project_at_once_make_one_lead(
    project: Project, first: str, second: str
) -> None:
    url = project.engine.url.render_as_string(hide_password=False)
    outcome = _race(url, first, second)
    assert set(outcome) == {"li", "wang"}
    leads = [p.name for p in project.team.annotators() if p.role is Role.LEAD]
    assert len(leads) == 1, (leads, outcome)
    other = ({"li", "wang"} - set(leads)).pop()
    if (person := project.team.find(other)) is not None:  # let in after the lead, as an annotator
        assert person.role is Role.ANNOTATOR
    else:  # refused: a lead's command on a project that has its lead now
        assert isinstance(outcome[other], (PermissionError, TeamError)) or outcome[other] is None
