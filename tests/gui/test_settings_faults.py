"""The user's settings file (``settings.json``: keys, view settings, recent projects, the annotator's name)
broken, a folder, or a link: the window still starts and says so, and the file is never overwritten but
kept aside, byte for byte; settings are written through a temporary file of their own, never through a
name someone else may hold."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from gui import settings
from tests.gui.helpers import CTRL, press

ROOT = Path(__file__).resolve().parents[2]

BROKEN = {
    "not JSON": b'{"annotator": "alice", "line_spacing": 2.6',
    "not UTF-8": '{"annotator": "Zoë"}'.encode("latin-1"),
    "a JSON list": b'["alice"]',
    "shortcuts a list": json.dumps({"annotator": "alice", "shortcuts": ["Ctrl+J"]}).encode(),
    "a scope a list": json.dumps({"shortcuts": {"main": ["accept", "J"]}}).encode(),
    "spacing a word": json.dumps({"line_spacing": "wide", "article_points": 16}).encode(),
    "points a word": json.dumps({"article_points": "big"}).encode(),
    "underlines a list": json.dumps({"underlines": ["PER", "wavy"]}).encode(),
    "hidden columns a number": json.dumps({"entity_panel_hidden_columns": 5}).encode(),
}


def settings_file() -> Path:
    return settings.config_dir() / settings.FILE_NAME


def write_settings(content: bytes) -> Path:
    path = settings_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    return path


@pytest.mark.parametrize("content", BROKEN.values(), ids=BROKEN.keys())
def test_a_broken_settings_file_is_said_kept_aside_and_the_window_works(
    qtbot: QtBot, make_window, corpus, content: bytes
) -> None:
    path = write_settings(content)
    window = make_window()  # it started: no traceback from a value of the wrong kind
    kept = path.with_name("settings.json.unreadable")
    assert kept.read_bytes() == content  # the user's file, byte for byte
    message = window.message_bar.text()
    assert window.message_bar.isVisible() and str(path) in message and str(kept) in message
    assert window.session.document is not None and window.article.toPlainText()
    before = window.article.points
    press(qtbot, window, Qt.Key.Key_Equal, CTRL)  # zoom: a setting remembered
    assert window.article.points > before
    assert json.loads(path.read_text("utf-8"))["article_points"] == window.article.points
    assert kept.read_bytes() == content


def test_values_of_the_right_kind_beside_a_wrong_one_are_used_and_kept(make_window, corpus) -> None:
    write_settings(json.dumps({"line_spacing": "wide", "article_points": 16, "newer": [1]}).encode())
    window = make_window()
    assert window.article.points == 16
    assert "line_spacing" in window.message_bar.text()
    window.article.set_spacing(2.6)
    remembered = json.loads(settings_file().read_text("utf-8"))
    assert remembered.pop("recent_projects")  # the window remembers the project it opened
    assert remembered == {
        "article_points": 16,
        "newer": [1],
        "line_spacing": 2.6,
    }


def test_a_folder_where_the_settings_file_should_be_is_kept_aside(make_window, corpus) -> None:
    path = settings_file()
    (path / "notes").mkdir(parents=True)
    (path / "notes" / "mine.txt").write_text("mine", "utf-8")
    window = make_window()
    assert str(path) in window.message_bar.text()
    kept = path.with_name("settings.json.unreadable")
    assert (kept / "notes" / "mine.txt").read_text("utf-8") == "mine"
    window.article.set_spacing(2.6)
    assert json.loads(path.read_text("utf-8"))["line_spacing"] == 2.6


def test_an_earlier_file_kept_aside_is_never_overwritten() -> None:
    first = write_settings(b"{broken")
    settings.save(annotator="alice")
    write_settings(b"[also broken]")
    settings.save(language="zh_CN")
    assert first.with_name("settings.json.unreadable").read_bytes() == b"{broken"
    assert first.with_name("settings.json.unreadable-2").read_bytes() == b"[also broken]"
    assert json.loads(first.read_text("utf-8")) == {"language": "zh_CN"}


def test_an_empty_settings_file_is_no_settings_and_nothing_is_said(make_window, corpus) -> None:
    write_settings(b"")
    window = make_window()
    assert not window.message_bar.isVisible()
    assert not settings_file().with_name("settings.json.unreadable").exists()


def test_settings_are_written_through_a_link_to_the_file_it_names(tmp_path: Path) -> None:
    dotfiles = tmp_path / "dotfiles"
    dotfiles.mkdir()
    (dotfiles / "newstag.json").write_text('{"annotator": "alice"}', "utf-8")
    settings.config_dir().mkdir(parents=True)
    settings_file().symlink_to(dotfiles / "newstag.json")
    settings.save(language="zh_CN")
    assert settings_file().is_symlink()
    assert json.loads((dotfiles / "newstag.json").read_text("utf-8")) == {
        "annotator": "alice",
        "language": "zh_CN",
    }


def test_a_file_behind_the_old_temporary_name_is_not_written_through(tmp_path: Path) -> None:
    """The settings were written to ``settings.json.tmp`` first: a link there (or a file the user keeps)
    was written through and then renamed over."""
    mine = tmp_path / "mine.txt"
    mine.write_text("mine", "utf-8")
    settings.config_dir().mkdir(parents=True)
    (settings.config_dir() / "settings.json.tmp").symlink_to(mine)
    settings.save(annotator="alice")
    assert mine.read_text("utf-8") == "mine"
    assert (settings.config_dir() / "settings.json.tmp").is_symlink()
    assert json.loads(settings_file().read_text("utf-8")) == {"annotator": "alice"}


SAVER = """
import sys
from gui import settings
for i in range(int(sys.argv[2])):
    settings.save(**{sys.argv[1]: i})
"""


def test_two_processes_saving_at_once_both_finish(tmp_path: Path) -> None:
    """Two windows remember settings at the same moment: with one shared temporary name, one renamed the
    other's file away and failed with a traceback."""
    env = {**os.environ, "NEWSTAG_CONFIG_DIR": str(settings.config_dir())}
    runs = [
        subprocess.Popen([sys.executable, "-c", SAVER, key, "300"], cwd=ROOT, env=env, stderr=subprocess.PIPE)
        for key in ("first", "second")
    ]
    errors = [run.communicate(timeout=120)[1].decode() for run in runs]
    assert [run.returncode for run in runs] == [0, 0], errors
    assert json.loads(settings_file().read_text("utf-8"))["first"] >= 0
