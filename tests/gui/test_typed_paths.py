"""A path typed into the Export dialog or New project…: ``~`` is the home folder (it made a folder named ``~``
in the working folder), and a relative path is refused, naming what to do, rather than written into whatever
folder the window was started from (a desktop launcher's is ``/``)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from gui.export_dialog import ExportDialog
from gui.project_menu import OPEN_WINDOWS
from tests.gui.helpers import CTRL
from tests.gui.test_export_dialog import corpus, run  # noqa: F401  (a fixture)
from tests.gui.test_project_menu import _close_switched_windows, dialog_of  # noqa: F401  (a fixture)

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def places(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    cwd, home = tmp_path / "cwd", tmp_path / "home"
    cwd.mkdir()
    home.mkdir()
    monkeypatch.chdir(cwd)
    monkeypatch.setenv("HOME", str(home))
    return cwd, home


def test_the_export_dialog_expands_the_home_folder_and_refuses_a_relative_path(
    qtbot: QtBot,
    corpus,  # noqa: F811
    places: tuple[Path, Path],
) -> None:
    cwd, home = places
    project, alice = corpus
    dialog = ExportDialog(project, alice)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.outEdit, "gold.bio")
    qtbot.mouseClick(dialog.exportButton, LEFT)
    assert "full path" in dialog.messageLabel.text() and not any(cwd.iterdir())
    dialog.outEdit.clear()
    qtbot.keyClicks(dialog.outEdit, "~/gold.bio")
    assert run(qtbot, dialog) is not None
    assert (home / "gold.bio").is_file() and not any(cwd.iterdir())


def test_a_new_project_refuses_a_relative_path(qtbot: QtBot, make_window, places: tuple[Path, Path]) -> None:
    cwd, _home = places
    window = make_window()
    qtbot.keyClick(window.article, Qt.Key.Key_N, CTRL)
    dialog = dialog_of(window)
    qtbot.keyClicks(dialog.pathEdit, "corpus")
    qtbot.mouseClick(dialog.okButton, LEFT)
    assert "full path" in dialog.resultLabel.text()
    qtbot.wait(200)
    assert not any(cwd.iterdir()) and dialog.isVisible() and not OPEN_WINDOWS
    dialog.close()
