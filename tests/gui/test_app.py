"""Start-up: an empty database opens on the seed articles; the annotator's name is remembered."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QInputDialog, QLineEdit
from pytestqt.qtbot import QtBot

from gui import settings
from gui.app import annotating, ensure_seeds
from gui.main_window import MainWindow
from seeds import seed_paths
from storage.project import Project


def test_seeds_fill_an_empty_project_once(sqlite_project: Project) -> None:
    assert ensure_seeds(sqlite_project) == 5
    assert ensure_seeds(sqlite_project) == 0
    assert sqlite_project.documents.count() == len(seed_paths()) == 5


def test_window_shows_the_first_seed_as_plain_text(qtbot: QtBot, sqlite_project: Project) -> None:
    ensure_seeds(sqlite_project)
    window = MainWindow(sqlite_project, sqlite_project.annotator("alice"))
    qtbot.addWidget(window)
    window.show()
    assert window.article.toPlainText().startswith("越南外交部部长裴青山")


def test_settings_round_trip() -> None:
    settings.save(annotator="王小明")
    assert settings.load()["annotator"] == "王小明"


def type_into_name_dialogs(answers: list[str | None], prompts: list[str]) -> None:
    """Each name dialog that opens gets the next answer typed and Return pressed (None: Escape)."""

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, QInputDialog) and dialog.isVisible():
            prompts.append(dialog.labelText())
            answer = answers.pop(0)
            if answer is None:
                QTest.keyClick(dialog, Qt.Key.Key_Escape)
            else:
                edit = dialog.findChild(QLineEdit)
                QTest.keyClicks(edit, answer)
                QTest.keyClick(edit, Qt.Key.Key_Return)
        if answers:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)


def test_a_name_the_project_refuses_is_said_and_asked_again_never_remembered(
    qapp: QApplication, sqlite_project: Project
) -> None:
    """A name with a comma typed at the first start ended the program with "unexpected error (TeamError)",
    and had been remembered first, so every later start ended the same way."""
    prompts: list[str] = []
    type_into_name_dialogs(["li,wei", "liwei"], prompts)
    person = annotating(sqlite_project, None)
    assert person is not None and person.name == "liwei"
    assert len(prompts) == 2 and "comma" not in prompts[0]
    assert prompts[1].startswith("the name 'li,wei' has a comma") and prompts[1].endswith(prompts[0])
    assert settings.load()["annotator"] == "liwei"
    assert [a.name for a in sqlite_project.team.annotators()] == ["liwei"]


def test_cancelling_after_a_refused_name_opens_nothing_and_remembers_nothing(
    qapp: QApplication, sqlite_project: Project
) -> None:
    prompts: list[str] = []
    type_into_name_dialogs(["x" * 201, None], prompts)
    assert annotating(sqlite_project, None) is None
    assert "201 characters long" in prompts[1]
    assert "annotator" not in settings.load() and sqlite_project.team.annotators() == []
    type_into_name_dialogs([" zhao "], prompts)  # --annotator "a,b" is refused the same way, then asked
    person = annotating(sqlite_project, "a,b")
    assert person is not None and person.name == "zhao" and "has a comma" in prompts[2]
    assert "annotator" not in settings.load()  # a name given with --annotator is not remembered...


def test_return_with_no_name_typed_asks_again_rather_than_ending_the_program(
    qapp: QApplication, sqlite_project: Project
) -> None:
    """A new annotator pressing Return at the first start, before typing a name, saw the program end without
    a word (OK with an empty name was taken as Cancel)."""
    prompts: list[str] = []
    type_into_name_dialogs(["", "  ", "wang"], prompts)
    person = annotating(sqlite_project, None)
    assert person is not None and person.name == "wang"
    assert len(prompts) == 3 and prompts[1].startswith("A name is needed") and prompts[1] == prompts[2]
    assert "--annotator" in prompts[0]  # how to annotate under another name later, truly
    assert settings.load()["annotator"] == "wang"


def test_a_machine_without_a_chinese_font_is_told_how_to_get_one(
    qtbot: QtBot, make_window, corpus, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtGui import QFontDatabase

    monkeypatch.setattr(QFontDatabase, "families", lambda *args: ["Noto Sans CJK SC"])
    assert not make_window().message_bar.isVisible()
    monkeypatch.setattr(QFontDatabase, "families", lambda *args: [])
    window = make_window("bob")
    assert window.message_bar.isVisible()
    assert window.message_bar.text().startswith("No installed font has Chinese")
    assert "sudo apt-get install fonts-noto-cjk" in window.message_bar.text()
