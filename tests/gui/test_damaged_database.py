"""A damaged database file: the window says so in a dialog and refuses every action; it never crashes and
never writes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

import gui.app
import storage.database
import storage.db
from gui import i18n
from seeds import seed_paths
from storage.db import damaged
from storage.project import IntegrityCheck, Project
from tests.conftest import snapshot
from tests.gui.helpers import own, press
from tests.gui.test_translation import english_words

K = Qt.Key


def damage_box(qtbot: QtBot, window) -> QMessageBox:  # type: ignore[no-untyped-def]
    """The damaged-database box, once the background check has shown it (it finishes in its own time)."""
    qtbot.waitUntil(
        lambda: (b := window.findChild(QMessageBox, "databaseDamagedBox")) is not None and b.isVisible(),
        timeout=30_000,
    )
    box = window.findChild(QMessageBox, "databaseDamagedBox")
    assert box is not None
    return box


def test_the_window_on_a_file_the_background_check_finds_damaged(
    qtbot: QtBot, make_window, corpus, sqlite_project: Project, monkeypatch
) -> None:
    def broken(engine) -> None:  # type: ignore[no-untyped-def]
        raise damaged(engine.url, "database disk image is malformed")

    monkeypatch.setattr(storage.database, "quick_check", broken)
    sqlite_project.annotator("alice")  # known already: opening the window writes nothing
    sqlite_project._check_in_background()
    window = make_window(
        active=False
    )  # the box may be shown, and take the activation, before the window has it
    box = damage_box(qtbot, window)
    assert f"the database file {sqlite_project.engine.url.database} is damaged" in box.text()
    assert box.textFormat() == Qt.TextFormat.PlainText
    box.accept()
    window.activateWindow()
    window.article.setFocus()
    qtbot.waitUntil(window.isActiveWindow)
    before = snapshot(sqlite_project)
    press(qtbot, window, K.Key_Return)
    assert "was not saved" in window.message_bar.text() and "is damaged" in window.message_bar.text()
    assert own(sqlite_project, corpus[0], window) == set()
    assert window.session.undo_stack.count() == 0
    assert snapshot(sqlite_project) == before


def test_in_chinese_the_windows_damage_dialog_is_chinese(
    qtbot: QtBot, make_window, corpus, sqlite_project: Project, monkeypatch
) -> None:
    def broken(engine) -> None:  # type: ignore[no-untyped-def]
        raise damaged(engine.url, "database disk image is malformed")

    monkeypatch.setattr(storage.database, "quick_check", broken)
    sqlite_project.annotator("alice")
    sqlite_project._check_in_background()
    assert i18n.install(i18n.CHINESE) == i18n.CHINESE
    try:
        window = make_window(active=False)
        box = damage_box(qtbot, window)
        text, title = box.text(), box.windowTitle()
        box.accept()
    finally:
        i18n.install(i18n.ENGLISH)
    path = sqlite_project.engine.url.database or ""
    assert title == "数据库已损坏"
    assert text.startswith(f"数据库文件 {path} 已损坏（database disk image is malformed），")


@pytest.mark.parametrize("where", ["header", "pages"])
def test_newstag_on_a_damaged_file_shows_a_dialog_and_exits(tmp_path: Path, monkeypatch, where: str) -> None:
    path = tmp_path / "damaged.db"
    with Project.open(f"sqlite:///{path}") as project:
        for seed in seed_paths():
            project.importer.import_file(seed)
        with project.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    with path.open("r+b") as f:
        if where == "header":
            f.write(b"no longer an SQLite header")
        else:  # every page after the schema: documents, spans, labels, their indexes
            size = path.stat().st_size
            f.seek(2 * 4096)
            f.write(b"\xff" * (size - 2 * 4096))
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)
    monkeypatch.setattr(gui.app, "ask_annotator", lambda: "alice")
    before = path.read_bytes()
    assert gui.app.run_app(f"sqlite:///{path}", "alice") == 2
    assert len(shown) == 1 and f"the database file {path} is damaged" in shown[0]
    assert path.read_bytes() == before
    assert not [w for w in QApplication.topLevelWidgets() if w.isVisible() and w.objectName() == "mainWindow"]


def test_run_app_opens_with_the_check_in_the_background(tmp_path: Path, monkeypatch) -> None:
    opened: list[IntegrityCheck] = []
    real = Project.open

    def spy(url: str | None = None, check: IntegrityCheck = IntegrityCheck.NOW) -> Project:
        opened.append(check)
        raise storage.db.DatabaseError("stop here")

    monkeypatch.setattr(Project, "open", staticmethod(spy))
    monkeypatch.setattr(QMessageBox, "exec", lambda box: 0)
    assert gui.app.run_app(f"sqlite:///{tmp_path / 'x.db'}", "alice") == 2
    assert opened == [IntegrityCheck.BACKGROUND]
    assert real is not None


def test_a_copy_of_a_sound_file_is_not_flagged(tmp_path: Path, sqlite_project: Project) -> None:
    path = tmp_path / "copy.db"
    shutil.copy(sqlite_project.engine.url.database or "", path)
    with Project.open(f"sqlite:///{path}", check=IntegrityCheck.BACKGROUND) as project:
        assert project.integrity_problem() is None


def test_in_chinese_the_damage_is_said_in_chinese_but_for_the_file_and_sqlites_words(
    tmp_path: Path, monkeypatch
) -> None:
    path = tmp_path / "damaged.db"
    Project.open(f"sqlite:///{path}").close()
    with path.open("r+b") as f:
        f.write(b"no longer an SQLite header")
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append((box.windowTitle(), box.text())) or 0)
    i18n.choose(i18n.CHINESE)  # View → Language (the settings are the test's own)
    try:
        assert gui.app.run_app(f"sqlite:///{path}", "alice") == 2
    finally:
        i18n.install(i18n.ENGLISH)
    ((title, text),) = shown
    assert title == "newstag 无法打开数据库"
    assert text.startswith(f"数据库文件 {path} 已损坏（file is not a database），newstag 不会使用它。")
    kept = text.replace(str(path), " ").replace("file is not a database", " ")
    for typed in ("`newstag backup --out FILE`", "`.recover`", "sqlite3"):  # typed as they are
        kept = kept.replace(typed, " ")
    assert english_words(kept) == []
