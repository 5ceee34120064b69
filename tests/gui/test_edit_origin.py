"""What an edited span says about its source, in a real window driven by keys: a suggestion accepted and then
resized is the annotator's (origin human, "resize of jieba"), the combiner's history counts the suggestion as
wrong, and Ctrl+Z / Ctrl+Shift+Z take that back and forth."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from gui.entity_model import ORIGIN, TEXT
from gui.main_window import MainWindow
from model.spans import Entity, Layer
from storage.project import Project
from tests.gui.helpers import CTRL, SHIFT, click_at, press

K = Qt.Key


def stored(project: Project, window: MainWindow) -> set[tuple[int, int, str, str, str | None]]:
    doc = window.session.document.id
    return {
        (s.start, s.end, s.label, str(s.origin), s.origin_detail)
        for s in project.annotations.spans(doc, Layer.ANNOTATOR, window.annotator.id)
    }


def origin_shown(window: MainWindow, surface: str) -> str:
    model = window.entities.entities
    (row,) = [r for r in range(model.rowCount()) if model.cell(r, TEXT) == surface]
    return model.cell(row, ORIGIN)


def test_an_accepted_suggestion_grown_is_the_annotators_and_undo_gives_the_source_back(
    qtbot: QtBot, make_window, corpus, sqlite_project: Project
) -> None:
    window = make_window()
    assert window.session.focused_span.entity == Entity(0, 5, "ORG")  # 越南外交部, from jieba
    press(qtbot, window, K.Key_Return)
    assert stored(sqlite_project, window) == {(0, 5, "ORG", "jieba", None)}
    assert sqlite_project.decisions.acceptance_history() == {"jieba": (1, 0)}
    click_at(qtbot, window, 2)  # back on the accepted span
    assert window.session.focused_span.entity == Entity(0, 5, "ORG")
    press(qtbot, window, K.Key_Period)  # grow: 越南外交部部
    assert stored(sqlite_project, window) == {(0, 6, "ORG", "human", "resize of jieba")}
    assert sqlite_project.decisions.acceptance_history() == {"jieba": (0, 1)}  # jieba's boundary was wrong
    assert origin_shown(window, "越南外交部部") == "human"
    assert window.focus_label.text().endswith("· accepted · from: human")
    press(qtbot, window, K.Key_Z, CTRL)
    assert stored(sqlite_project, window) == {(0, 5, "ORG", "jieba", None)}
    assert sqlite_project.decisions.acceptance_history() == {"jieba": (1, 0)}
    assert origin_shown(window, "越南外交部") == "jieba"
    press(qtbot, window, K.Key_Z, CTRL | SHIFT)
    assert stored(sqlite_project, window) == {(0, 6, "ORG", "human", "resize of jieba")}
    press(qtbot, window, K.Key_3)  # relabel it (ORG again: nothing); LOC, then: the first source is kept
    press(qtbot, window, K.Key_2)
    assert stored(sqlite_project, window) == {(0, 6, "LOC", "human", "relabel of jieba")}
    assert sqlite_project.decisions.acceptance_history() == {"jieba": (0, 1)}
