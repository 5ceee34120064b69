"""The review window's letter keys work whatever the case, and its status bar says what the gold layer is."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from model.spans import DocumentId
from storage.project import Project
from tests.gui.test_review_window import open_window, reviewed  # noqa: F401 (a fixture)

K = Qt.Key
SHIFT = Qt.KeyboardModifier.ShiftModifier


def test_shift_and_a_letter_does_what_the_letter_does(
    qtbot: QtBot,
    reviewed: tuple[Project, DocumentId],  # noqa: F811
) -> None:
    """The README lists the keys as capitals (B, X, U); Shift+U, or U with Caps Lock on, did nothing."""
    project, _doc = reviewed
    window = open_window(qtbot, project)
    session = window.session
    assert session.current == 0
    qtbot.keyClick(window.article, K.Key_J, SHIFT)  # next
    assert session.current == 1
    qtbot.keyClick(window.article, K.Key_K, SHIFT)  # previous
    assert session.current == 0
    qtbot.keyClick(window.article, K.Key_B, SHIFT)  # bob's version of the first disagreement
    assert session.current == 1 and session.decisions[0].source == "bob"
    qtbot.keyClick(window.article, K.Key_X, SHIFT)  # nothing for 布林肯
    assert session.open_count == 0
    qtbot.keyClick(window.article, K.Key_U, SHIFT)  # and taken back
    assert session.open_count == 1
    assert session.current == 1 and 1 not in session.decisions


def test_a_document_never_reviewed_has_no_gold_version_0(
    qtbot: QtBot,
    reviewed: tuple[Project, DocumentId],  # noqa: F811
) -> None:
    """The status bar said "gold version 0 · saved" before anything was reviewed or saved."""
    project, _doc = reviewed
    window = open_window(qtbot, project)
    assert window.state.text() == "2 of 2 disagreements open · 1 agreed · no gold yet"
    qtbot.keyClick(window.article, K.Key_B)
    assert window.state.text() == "1 of 2 disagreements open · 1 agreed · no gold yet · not saved yet"
    qtbot.keyClick(window.article, K.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert window.state.text().endswith("· 1 agreed · gold version 1 · saved")
