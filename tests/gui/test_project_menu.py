"""Document → New project… / Open project… / Open recent / Quit, and Project → Overview: driven by keys and
clicks, checked in the databases (and the files) involved."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import uuid
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import create_engine, text

from gui.overview import Overview
from gui.project_dialog import ProjectDialog
from gui.project_menu import OPEN_WINDOWS, recent_projects, remember_project
from model.commands import Context, SetDocumentState
from model.spans import DocState, Entity, Role
from storage.project import Project
from tests.conftest import PG_ADMIN_URL
from tests.gui.conftest import add_documents
from tests.gui.helpers import CTRL
from tests.gui.test_review_window import finish

LEFT = Qt.MouseButton.LeftButton
K = Qt.Key


@pytest.fixture(autouse=True)
def _close_switched_windows() -> Iterator[None]:
    yield
    for window in list(OPEN_WINDOWS):
        window.close()
    QApplication.processEvents()


def url_of(project: Project) -> str:
    return project.engine.url.render_as_string(hide_password=False)


def dialog_of(window: QMainWindow) -> ProjectDialog:
    dialog = window.project_menu.dialogs[-1]  # type: ignore[attr-defined]
    assert isinstance(dialog, ProjectDialog) and dialog.isVisible()
    return dialog


def switched(qtbot: QtBot, before: int) -> QMainWindow:
    qtbot.waitUntil(lambda: len(OPEN_WINDOWS) > before, timeout=20_000)
    window = OPEN_WINDOWS[-1]
    qtbot.waitExposed(window)
    return window


def test_quit_is_ctrl_q_in_the_document_menu_and_no_key_is_bound_twice(
    qtbot: QtBot, make_window, corpus
) -> None:
    window = make_window()
    quit_action = window.findChild(QAction, "action_quit")
    document = next(a.menu() for a in window.menuBar().actions() if a.menu().objectName() == "menu_Document")
    names = [a.objectName() for a in document.actions()]
    assert names[:2] == ["action_new_project", "action_open_project"] and names[-1] == "action_quit"
    assert "action_import" in names
    keys = Counter(
        k.toString(QKeySequence.SequenceFormat.PortableText)
        for a in window.findChildren(QAction)
        if a.objectName().startswith("action_")
        for k in a.shortcuts()
    )
    assert [k for k, n in keys.items() if n > 1] == []
    assert quit_action.shortcut().toString() == "Ctrl+Q"
    qtbot.keyClick(window.article, K.Key_Q, CTRL)
    qtbot.waitUntil(lambda: not window.isVisible())


def test_a_new_project_opens_in_a_new_window_and_open_recent_goes_back(
    qtbot: QtBot, make_window, corpus, sqlite_project: Project, tmp_path: Path
) -> None:
    window = make_window()
    first_url = url_of(sqlite_project)
    qtbot.keyClick(window.article, K.Key_N, CTRL)
    dialog = dialog_of(window)
    assert dialog.windowTitle() == "New project"
    qtbot.keyClicks(dialog.pathEdit, str(tmp_path / "fresh"))
    qtbot.mouseClick(dialog.okButton, LEFT)
    new = switched(qtbot, 0)
    fresh = tmp_path / "fresh.db"
    assert url_of(new.project) == f"sqlite:///{fresh}"  # type: ignore[attr-defined]
    assert new.annotator.name == "alice" and new.project.documents.count() == 0  # type: ignore[attr-defined]
    assert not window.isVisible()
    with sqlite3.connect(fresh) as conn:  # a real newstag database on disk
        assert conn.execute("SELECT count(*) FROM annotators WHERE name = 'alice'").fetchone() == (1,)
    assert recent_projects()[:2] == [f"sqlite:///{fresh}", first_url]
    menu = new.project_menu.recent_menu  # type: ignore[attr-defined]
    menu.aboutToShow.emit()
    assert [a.text() for a in menu.actions()] == [str(tmp_path / "newstag.db")]
    menu.actions()[0].trigger()
    back = switched(qtbot, 1)
    assert url_of(back.project) == first_url and back.project.documents.count() == 3  # type: ignore[attr-defined]
    assert not new.isVisible()
    assert recent_projects()[:2] == [first_url, f"sqlite:///{fresh}"]


def test_a_new_project_never_replaces_a_file_and_open_refuses_what_is_no_project(
    qtbot: QtBot, make_window, corpus, tmp_path: Path
) -> None:
    window = make_window()
    mine = tmp_path / "mine.db"
    mine.write_bytes(b"my own notes")
    qtbot.keyClick(window.article, K.Key_N, CTRL)
    dialog = dialog_of(window)
    qtbot.keyClicks(dialog.pathEdit, str(mine))
    qtbot.mouseClick(dialog.okButton, LEFT)
    qtbot.waitUntil(lambda: "exists already" in dialog.resultLabel.text())
    assert mine.read_bytes() == b"my own notes" and dialog.isVisible() and not OPEN_WINDOWS
    dialog.close()

    other = tmp_path / "other.db"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE notes (text TEXT)")
    content = other.read_bytes()
    qtbot.keyClick(window.article, K.Key_O, CTRL)
    dialog = dialog_of(window)
    assert dialog.windowTitle() == "Open project"
    for path, said in ((tmp_path / "absent.db", "does not exist"), (other, "holds no newstag project")):
        dialog.pathEdit.clear()
        qtbot.keyClicks(dialog.pathEdit, str(path))
        qtbot.mouseClick(dialog.okButton, LEFT)
        qtbot.waitUntil(lambda said=said: said in dialog.resultLabel.text())
    assert other.read_bytes() == content and not (tmp_path / "absent.db").exists() and not OPEN_WINDOWS
    assert window.isVisible()


@pytest.mark.postgres
def test_open_a_postgresql_project_after_testing_the_connection(
    qtbot: QtBot, make_window, corpus, pg_project: Project
) -> None:
    add_documents(pg_project, ["新华社北京电。"])
    window = make_window()
    qtbot.keyClick(window.article, K.Key_O, CTRL)
    dialog = dialog_of(window)
    qtbot.mouseClick(dialog.postgresRadio, LEFT, pos=QPoint(6, dialog.postgresRadio.height() // 2))
    assert dialog.testButton.isEnabled()
    qtbot.keyClicks(dialog.urlEdit, "postgresql+psycopg://postgres@127.0.0.1:1/test")
    qtbot.mouseClick(dialog.testButton, LEFT)
    qtbot.waitUntil(lambda: "Cannot use this database" in dialog.resultLabel.text(), timeout=15_000)
    dialog.urlEdit.clear()
    qtbot.keyClicks(dialog.urlEdit, url_of(pg_project))
    qtbot.mouseClick(dialog.testButton, LEFT)
    qtbot.waitUntil(lambda: dialog.resultLabel.text().startswith("Connected (PostgreSQL"), timeout=15_000)
    assert "a newstag project with 1 document(s)" in dialog.resultLabel.text()
    qtbot.mouseClick(dialog.okButton, LEFT)
    new = switched(qtbot, 0)
    assert new.project.engine.dialect.name == "postgresql"  # type: ignore[attr-defined]
    assert new.project.documents.count() == 1  # type: ignore[attr-defined]
    assert pg_project.team.annotator("alice").name == "alice"
    assert recent_projects()[0] == url_of(pg_project)


def test_the_overview_shows_what_stats_and_agreement_say_and_refreshes(
    qtbot: QtBot, make_window, sqlite_project: Project
) -> None:
    a, b, _c = add_documents(sqlite_project, ["李强在北京。", "王毅访问上海。", "新华社报道。"])
    finish(sqlite_project, "alice", a, Entity(0, 2, "PER"), Entity(3, 5, "LOC"))
    finish(sqlite_project, "bob", a, Entity(0, 2, "PER"))
    sqlite_project.annotations.add_time(a, sqlite_project.annotator("alice").id, 150)
    ctx = Context(b, sqlite_project.annotator("alice").id)
    SetDocumentState(ctx, DocState.IN_PROGRESS, DocState.NEW).do(sqlite_project.annotations)
    sqlite_project.annotations.add_time(b, sqlite_project.annotator("alice").id, 90)  # not finished yet
    sqlite_project.team.add("rita", Role.REVIEWER)  # everyone's work: a reviewer's or the lead's view
    window = make_window("rita")
    window.findChild(QAction, "action_overview").trigger()
    view = window.project_menu.dialogs[-1]
    assert isinstance(view, Overview)
    qtbot.waitUntil(lambda: view.data is not None)
    assert view.documents.text().startswith("3 document(s)")
    assert "1 done, 1 in progress, 1 new" in view.documents.text()
    table = view.annotators
    rows = {
        table.item(r, 0).text(): [table.item(r, i).text() for i in range(6)] for r in range(table.rowCount())
    }
    # minutes per finished document: the 150 s of the finished one, not with the 90 s of the unfinished one
    assert rows["alice"][2:] == ["1", "1", "0:04:00", "2.5"]
    assert rows["bob"][2:5] == ["1", "0", "0:00:00"]
    assert view.pairs.rowCount() == 1 and view.pairs.item(0, 0).text() == "alice × bob"
    assert view.pairs.item(0, 2).text() == "0.667"  # one span agreed of 2 and 1
    assert (
        "1 document(s) finished by two or more annotators: 0 reviewed, 1 to review" in view.reviewLabel.text()
    )
    assert "No model trained on this project yet" in view.modelLabel.text()
    finish(sqlite_project, "bob", b)
    view.data = None
    qtbot.keyClick(view, K.Key_F5)
    qtbot.waitUntil(lambda: view.data is not None)
    assert "2 done, 0 in progress, 1 new" in view.documents.text()


def test_a_recent_project_that_is_gone_is_said_and_forgotten(
    qtbot: QtBot, make_window, corpus, sqlite_project: Project, tmp_path: Path
) -> None:
    gone = tmp_path / "gone.db"
    Project.open(f"sqlite:///{gone}").close()
    remember_project(f"sqlite:///{gone}")
    window = make_window()
    menu = window.project_menu.recent_menu
    menu.aboutToShow.emit()
    assert [a.text() for a in menu.actions()] == [str(gone)]
    gone.unlink()
    menu.actions()[0].trigger()
    box = window.findChild(QMessageBox, "projectRefusedBox")
    qtbot.waitUntil(box.isVisible)
    assert str(gone) in box.text() and "removed from the recent list" in box.text()
    assert f"sqlite:///{gone}" not in recent_projects() and not gone.exists() and window.isVisible()


@pytest.mark.postgres
def test_a_new_project_in_an_empty_postgresql_database(
    qtbot: QtBot, make_window, corpus, pg_database: str
) -> None:
    admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    name = f"newstag_new_{uuid.uuid4().hex[:10]}"
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = admin.url.set(database=name).render_as_string(hide_password=False)
    try:
        window = make_window()
        qtbot.keyClick(window.article, K.Key_N, CTRL)
        dialog = dialog_of(window)
        qtbot.keyClicks(dialog.urlEdit, url)
        assert dialog.postgresRadio.isChecked()  # typing a URL chooses the server
        qtbot.mouseClick(dialog.testButton, LEFT)
        qtbot.waitUntil(lambda: "no newstag project in this database yet" in dialog.resultLabel.text())
        qtbot.mouseClick(dialog.okButton, LEFT)
        new = switched(qtbot, 0)
        assert new.project.documents.count() == 0  # type: ignore[attr-defined]
        probe = Project.open(url)
        assert [a.name for a in probe.team.annotators()] == ["alice"]
        probe.close()
        qtbot.keyClick(new.article, K.Key_N, CTRL)  # a second New project on it is refused
        again = dialog_of(new)
        qtbot.keyClicks(again.urlEdit, url)
        qtbot.mouseClick(again.okButton, LEFT)
        qtbot.waitUntil(lambda: "holds a newstag project already" in again.resultLabel.text())
        new.close()
    finally:
        for window in list(OPEN_WINDOWS):
            window.close()
        QApplication.processEvents()
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def test_the_overview_reads_the_same_on_sqlite_and_postgresql(qtbot: QtBot, project: Project) -> None:
    a, b, _c, _d = add_documents(project, ["李强在北京。", "王毅访问上海。", "新华社报道。", "北京欢迎你。"])
    finish(project, "alice", a, Entity(0, 2, "PER"))
    finish(project, "bob", a, Entity(0, 2, "PER"))
    finish(project, "bob", b, Entity(0, 2, "PER"), Entity(4, 6, "LOC"))
    SetDocumentState(Context(b, project.annotator("alice").id), DocState.IN_PROGRESS, DocState.NEW).do(
        project.annotations
    )
    view = Overview(project)
    qtbot.addWidget(view)
    qtbot.waitUntil(lambda: view.data is not None)
    assert (
        "4 document(s)" in view.documents.text() and "2 done, 0 in progress, 2 new" in view.documents.text()
    )
    assert project.stats().states == {"done": 2, "in_progress": 0, "new": 2}
    assert view.pairs.item(0, 2).text() == "1.000"
    assert "Mean pairwise span F1 (exact) 1.000" in view.agreementLabel.text()
    view.close()


SWITCH_AND_QUIT = """
import sys
from PySide6.QtCore import QTimer, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from gui.app import run_app, start_application
from gui.main_window import MainWindow

app = start_application()
first, other = sys.argv[1], sys.argv[2]

def windows():
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]

def switch():
    (window,) = windows()
    window.project_menu.switch_to(other)
    QTimer.singleShot(1500, quit_)

def quit_():
    (window,) = windows()
    print("now", window.project.url, window.project.documents.count(), flush=True)
    window.activateWindow()
    QTest.keyClick(window.article, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)

QTimer.singleShot(1500, switch)
print("exit", run_app(first, "alice"), flush=True)
"""


def run_two_projects(script: str, tmp_path: Path) -> tuple[str, str, subprocess.CompletedProcess[str]]:
    """``script`` run in a process of its own on a new project (first) with another (other) beside it."""
    first, other = f"sqlite:///{tmp_path / 'first.db'}", f"sqlite:///{tmp_path / 'other.db'}"
    Project.open(other).close()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "NEWSTAG_CONFIG_DIR": str(tmp_path / "config")}
    result = subprocess.run(
        [sys.executable, "-c", script, first, other],
        cwd=Path(__file__).resolve().parents[2],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    return first, other, result


def test_the_application_switches_project_and_quits_with_ctrl_q(tmp_path: Path) -> None:
    """The real start-up (``run_app``): open one project, switch to another, Ctrl+Q; the process ends cleanly
    and both databases are sound."""
    first, other, result = run_two_projects(SWITCH_AND_QUIT, tmp_path)
    assert result.returncode == 0, result.stderr
    assert f"now {other} 0" in result.stdout and "exit 0" in result.stdout
    assert "QThread" not in result.stderr and "Traceback" not in result.stderr
    with Project.open(first) as project:
        assert project.documents.count() == 5  # the seed articles
        assert [a.name for a in project.team.annotators()] == ["alice"]
    assert json.loads((tmp_path / "config" / "settings.json").read_text("utf-8"))["recent_projects"] == [
        other,
        first,
    ]


START_AND_SWITCH = """
import sys
import time
from PySide6.QtCore import QTimer, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from gui.app import run_app, start_application
from gui.main_window import MainWindow

app = start_application()
first, other = sys.argv[1], sys.argv[2]

def active():
    window = QApplication.activeWindow()
    return window if isinstance(window, MainWindow) else None

def waiting(until, then, seconds=30.0):
    # call then() once until() holds, or after some seconds: a loaded machine shows windows late
    deadline = time.monotonic() + seconds
    def poll():
        if until() or time.monotonic() > deadline:
            then()
        else:
            QTimer.singleShot(100, poll)
    poll()

def started():
    window = active()
    print("active at the start", window is not None, flush=True)
    if window is None:
        window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow))
    window.project_menu.switch_to(other)
    waiting(lambda: active() is not None and active().project.url == other, switched)

def switched():
    window = active()
    print("active after the switch", window is not None and window.project.url == other, flush=True)
    if window is None:
        app.quit()
    else:
        QTest.keyClick(window.article, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)

waiting(lambda: active() is not None, started)
print("exit", run_app(first, "alice"), flush=True)
"""


def test_the_window_has_the_keyboard_at_the_start_and_after_a_switch(tmp_path: Path) -> None:
    """Without a window manager (Xvfb and xdotool) a window shown is not active until the program activates
    it, and until then no key reached it; the offscreen platform behaves the same way."""
    _first, _other, result = run_two_projects(START_AND_SWITCH, tmp_path)
    assert result.returncode == 0, result.stderr
    assert "active at the start True" in result.stdout, result.stdout
    assert "active after the switch True" in result.stdout, result.stdout
    assert "exit 0" in result.stdout
