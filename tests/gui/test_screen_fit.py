"""Windows and dialogs fit the screen they open on (a 1366×768 laptop), and the annotation and review windows
come back where the user left them (gui/screen_fit.py)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

import gui.screen_fit as screen_fit
from gui import settings
from gui.import_dialog import ImportDialog
from gui.main_window import PLACE_KEY, MainWindow
from gui.screen_fit import fit_to_screen
from storage.project import Project

LAPTOP = QRect(0, 0, 1366, 728)  # 1366×768 less a 40-pixel taskbar


def test_a_window_larger_than_the_screen_takes_what_the_screen_holds_centred(qtbot: QtBot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    fit_to_screen(window, 1400, 860, LAPTOP)
    assert window.width() <= LAPTOP.width() and window.height() <= LAPTOP.height()
    assert window.width() >= 0.9 * LAPTOP.width() and window.height() >= 0.9 * LAPTOP.height()
    assert LAPTOP.contains(window.geometry())
    middle = window.geometry().center()
    assert abs(middle.x() - LAPTOP.center().x()) <= 2 and abs(middle.y() - LAPTOP.center().y()) <= 2


def test_a_window_the_screen_holds_keeps_its_size(qtbot: QtBot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    fit_to_screen(window, 1400, 860, QRect(0, 0, 2560, 1400))
    assert (window.width(), window.height()) == (1400, 860)


def test_a_dialog_opened_on_a_laptop_screen_fits_it(
    qtbot: QtBot, sqlite_project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The Import… dialog asked for 1180×780 whatever the screen: its buttons were below a 728-pixel work
    area. Its size now comes from the screen it opens on."""
    monkeypatch.setattr(screen_fit, "available_area", lambda window: LAPTOP)
    dialog = ImportDialog(sqlite_project)
    qtbot.addWidget(dialog)
    assert dialog.height() <= LAPTOP.height() and dialog.width() <= LAPTOP.width()


def test_the_annotation_window_fits_a_laptop_screen_on_first_start(
    make_window: Callable[..., MainWindow], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(screen_fit, "available_area", lambda window: LAPTOP)
    window = make_window()
    assert window.height() <= LAPTOP.height() and window.width() <= LAPTOP.width()


def test_the_annotation_window_comes_back_where_it_was_closed(
    make_window: Callable[..., MainWindow], qtbot: QtBot
) -> None:
    first = make_window()
    assert (first.width(), first.height()) == (1400, 860)  # no screen to fit offscreen: its own size
    first.resize(760, 560)  # within the offscreen platform's nominal screen, which Qt keeps a window on
    qtbot.waitUntil(lambda: (first.width(), first.height()) == (760, 560))
    first.close()
    assert settings.load().get(PLACE_KEY)
    again = make_window()
    assert (again.width(), again.height()) == (760, 560)


def test_a_saved_place_newstag_cannot_use_gives_the_usual_size(
    make_window: Callable[..., MainWindow], tmp_path: Path
) -> None:
    settings.save(**{PLACE_KEY: "not Qt's geometry"})
    window = make_window()
    assert (window.width(), window.height()) == (1400, 860)
    stored = json.loads(settings.settings_path().read_text(encoding="utf-8"))
    assert stored[PLACE_KEY] == "not Qt's geometry"  # read, not yet replaced: closing the window saves anew
