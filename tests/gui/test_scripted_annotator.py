"""The scripted-annotator story: a script that knows only the documented shortcuts annotates documents end
to end, and the database holds exactly what it decided."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from pytestqt.qtbot import QtBot

from gui.shortcuts import SHORTCUTS
from model.spans import DocState, Layer
from storage.project import Project
from tests.gui.helpers import drag_select, own, state

KEYS = {s.command: QKeySequence(s.keys[0]) for s in SHORTCUTS}


def hit(qtbot: QtBot, window, command: str, times: int = 1) -> None:
    """Press the documented key of ``command`` (from the shortcuts table, not from the code under test)."""
    combo = KEYS[command][0]
    for _ in range(times):
        qtbot.keyClick(window.article, combo.key(), combo.keyboardModifiers())


def test_a_script_annotates_two_documents_with_the_documented_keys(
    qtbot: QtBot, make_window, corpus, sqlite_project: Project
) -> None:
    window = make_window()
    hit(qtbot, window, "accept_focused")  # 越南外交部 ORG
    hit(qtbot, window, "reject_focused")  # 裴青山, by mistake (labelled again below, from a selection)
    hit(qtbot, window, "focus_next")  # skip 美国 to 布林肯
    hit(qtbot, window, "accept_focused")
    hit(qtbot, window, "focus_previous")  # back to 美国
    hit(qtbot, window, "grow_end", 2)  # 美国国务
    hit(qtbot, window, "shrink_end", 2)  # 美国 again
    qtbot.keyClick(window.article, Qt.Key.Key_3)  # relabel as ORG
    hit(qtbot, window, "clear_focus")
    for _ in range(4):  # caret from the start of 美国 back to the start of 裴青山, then select it
        qtbot.keyClick(window.article, Qt.Key.Key_Left)
    for _ in range(3):
        qtbot.keyClick(window.article, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(window.article, Qt.Key.Key_1)
    hit(qtbot, window, "label_everywhere")  # the second 裴青山 too
    hit(qtbot, window, "mark_done_and_next")
    assert own(sqlite_project, corpus[0], window) == {
        (0, 5, "ORG", "accepted"),
        (7, 10, "PER", "accepted"),
        (11, 13, "ORG", "accepted"),
        (16, 19, "PER", "accepted"),
        (25, 28, "PER", "accepted"),
    }  # the mistake undone, not duplicated
    assert state(sqlite_project, corpus[0], window) is DocState.DONE
    assert window.session.document.id == corpus[1]
    hit(qtbot, window, "accept_all")
    hit(qtbot, window, "mark_done_and_next")
    assert own(sqlite_project, corpus[1], window) == {(0, 3, "PER", "accepted")}
    assert window.progress_label.text() == "Done 2 / 3"


def test_text_that_arrived_with_crlf_is_labelled_at_its_stored_offsets(
    qtbot: QtBot, make_window, tmp_path: Path, sqlite_project: Project
) -> None:
    path = tmp_path / "crlf.txt"
    path.write_bytes("标题\r\n𠮷野家在东京\r\n开店😀。\r\n".encode())
    assert sqlite_project.importer.import_file(path).imported == 1
    window = make_window()
    text = window.session.document.text
    assert "\r" not in text
    start = text.index("开店")
    drag_select(qtbot, window, start, start + 2)
    qtbot.keyClick(window.article, Qt.Key.Key_4)
    stored = sqlite_project.annotations.spans(
        window.session.document.id, Layer.ANNOTATOR, window.annotator.id
    )
    assert [(s.start, s.end) for s in stored] == [(start, start + 2)]
    assert text[stored[0].start : stored[0].end] == "开店"
