"""Start-up: an empty database opens on the seed articles; the annotator's name is remembered."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from gui import settings
from gui.app import ensure_seeds
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
