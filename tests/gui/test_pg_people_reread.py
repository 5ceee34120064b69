"""Project → People…: a person added, and the PostgreSQL server stops answering just after the COMMIT (a
proxy of the test's own, ``tests/pg_proxy.py``). The dialog's read of the table after it waited the answer
bound, then the probe of the server on top: "saved, but the database could not be read afterwards" came 15 s
after the click, beyond the 10 s bound. Now the save is said at once and the read back is refused within the
bound."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

import storage.answers
from storage.project import Project
from tests.gui.test_people_dialog import open_people
from tests.gui.test_pg_label_rereads import MARGIN, WITHIN
from tests.gui.test_roles_window import click_menu  # noqa: F401  (open_people's)
from tests.pg_proxy import Proxy

pytestmark = pytest.mark.postgres


@pytest.fixture
def sqlite_project(proxy: Proxy, pg_database: str) -> Iterator[Project]:
    """The window's fixtures on the real server, through the proxy."""
    project = Project.open(proxy.url(pg_database))
    yield project
    project.close()


def test_a_person_added_then_not_read_back_is_said_within_the_answer_bound(
    qtbot: QtBot, make_window, corpus, pg_project: Project, proxy: Proxy, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window("alice")
    dialog = open_people(qtbot, window)
    dialog.name_edit.setText("carol")
    monkeypatch.setattr(storage.answers, "ANSWER_WAIT_S", WITHIN)
    read_back = dialog.reload

    def frozen_then_read(select: str | None = None) -> None:  # the server freezes once the add is committed
        proxy.freeze()
        read_back(select)

    monkeypatch.setattr(dialog, "reload", frozen_then_read)
    started = time.monotonic()
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    waited = time.monotonic() - started
    proxy.thaw()
    said = dialog.message.text()
    assert said.startswith("Adding the person: saved, but the database could not be read afterwards: "), said
    assert WITHIN - 1 <= waited < WITHIN + MARGIN, waited
    assert pg_project.team.find("carol") is not None
