"""Every row of the README's key table ("Annotating: the window and its keys"), pressed as a scripted
annotator presses it: the keys are read from the README (not from the code under test), each key of a row is
pressed for real in the state the README says it applies to, and the effect the README describes is checked in
the database or the window. A row with no scenario here fails, so a key added to the README is driven too."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from gui.export_dialog import ExportDialog
from gui.import_dialog import ImportDialog
from gui.main_window import MainWindow
from gui.project_dialog import ProjectDialog
from gui.review_window import ReviewWindow
from gui.shortcuts_dialog import ShortcutsDialog
from model.ops import Action, Insert
from model.spans import DocState, DocumentId, Layer, Origin, Status
from storage.project import Project
from tests.gui.conftest import ARTICLE
from tests.gui.helpers import double_click_at, own, state

README = Path(__file__).resolve().parents[2] / "README.md"
HEADER = "| keys | what it does |"


def readme_rows() -> list[tuple[str, str]]:
    """(keys cell, what it does) of each row of the README's key table, as written."""
    lines = README.read_text(encoding="utf-8").split(HEADER, 1)[1].splitlines()[2:]
    rows = []
    for line in lines:
        if not line.startswith("|"):
            break
        cells = line.split("|")
        rows.append((cells[1].strip(), cells[2].strip()))
    return rows


def row_keys(cell: str) -> list[str]:
    """The keys a cell names, one key sequence (portable text) each: "Return / Enter / Space" is three keys,
    "1–9" nine, "Shift+←/→" two; a mouse action in brackets is left out, a row of mouse actions only
    ("double click") is itself."""
    cell = re.sub(r"\(.*?\)", "", cell.replace("`", "")).strip()
    if cell.startswith("1–9"):
        return [str(d) for d in range(1, 10)]
    if cell == "Shift+←/→":
        return ["Shift+Left", "Shift+Right"]
    if " / " not in cell and QKeySequence(cell).count() != 1:
        return [cell]  # a mouse action
    return [part.strip() for part in cell.split(" / ")]


ROWS = readme_rows()
CASES = [(cell, key) for cell, _what in ROWS for key in row_keys(cell)]


@dataclass
class Desk:
    """The window, its project and corpus, and the annotator's hands."""

    qtbot: QtBot
    window: MainWindow
    project: Project
    corpus: list[DocumentId]

    def press(self, key: str, times: int = 1) -> None:
        """Press the key (portable text) where the keyboard focus is, as a person does."""
        combo = QKeySequence(key)[0]
        for _ in range(times):
            target = QApplication.focusWidget() or self.window.article
            self.qtbot.keyClick(target, combo.key(), combo.keyboardModifiers())

    def own(self, doc: int = 0) -> set[tuple[int, int, str, str]]:
        return own(self.project, self.corpus[doc], self.window)

    def focused(self) -> tuple[int, int] | None:
        span = self.window.session.focused_span
        return None if span is None else (span.start, span.end)

    def said(self) -> str:
        return self.window.statusBar().currentMessage()

    def opened(self, kind: type) -> list[QWidget]:
        menus = self.window.menus.dialogs + self.window.project_menu.dialogs
        return [d for d in menus + QApplication.topLevelWidgets() if isinstance(d, kind) and d.isVisible()]


def select(desk: Desk, key: str) -> None:
    text = ARTICLE
    desk.window.article.select(7, 7) if key == "Shift+Right" else desk.window.article.select(10, 10)
    desk.press(key, 3)
    assert desk.window.article.selection() == (7, 10)
    assert text[7:10] in desk.window.focus_label.text()  # the status bar names the selection


def double_click(desk: Desk, _key: str) -> None:
    double_click_at(desk.qtbot, desk.window, 5)  # 部 of 部长: the test tokenizer's words are two long
    assert desk.window.article.selection() == (4, 6)


def label_key(desk: Desk, key: str) -> None:
    label = next((x.name for x in desk.window.session.labels if x.hotkey == key), None)
    if label is None:
        desk.press(key)
        assert f"No label has the key {key}" in desk.said()
        assert desk.own() == set()
        return
    desk.window.article.select(11, 13)  # 美国 (a LOC suggestion): a new span over the selection
    desk.press(key)
    assert (11, 13, label, "accepted") in desk.own()
    desk.window.article.select(14, 14)  # no selection: the focused span is relabelled
    desk.window.session.set_focus(0)  # 越南外交部, ORG suggested
    desk.press(key)
    assert (0, 5, label, "accepted") in desk.own()


def focus_next(desk: Desk, key: str) -> None:
    assert desk.focused() == (0, 5)
    desk.press(key)
    assert desk.focused() == (7, 10)


def focus_previous(desk: Desk, key: str) -> None:
    desk.press("Tab", 2)
    assert desk.focused() == (11, 13)
    desk.press(key)
    assert desk.focused() == (7, 10)


def accept(desk: Desk, key: str) -> None:
    desk.press(key)
    assert desk.own() == {(0, 5, "ORG", "accepted")}
    assert desk.focused() == (7, 10)  # focus moves on


def reject(desk: Desk, key: str) -> None:
    desk.press(key)
    assert desk.own() == {(0, 5, "ORG", "rejected")}
    assert desk.focused() == (7, 10)


RESIZED = {"[": (6, 10), "]": (8, 10), ",": (7, 9), ".": (7, 11)}


def resize(desk: Desk, key: str) -> None:
    desk.press("Tab")  # 裴青山
    desk.press(key)
    assert desk.focused() == RESIZED[key]
    assert (*RESIZED[key], "PER", "accepted") in desk.own()


def label_everywhere(desk: Desk, key: str) -> None:
    desk.press("Tab")  # 裴青山 (7, 10); the other one is at (25, 28)
    desk.press(key)
    assert (25, 28, "PER", "accepted") in desk.own()
    other = desk.project.annotations.spans(desk.corpus[1], Layer.SUGGESTION, None)
    offered = {(s.start, s.end, s.label) for s in other}
    assert ((10, 13, "PER") in offered) is (key == "Shift+E")  # 布林肯访问河内,会见裴青山。


def group(desk: Desk, key: str) -> None:
    desk.press("Tab")
    desk.press(key)
    status = "rejected" if "X" in key or "Delete" in key else "accepted"
    assert desk.own() == {(7, 10, "PER", status), (25, 28, "PER", status)}


def accept_all(desk: Desk, key: str) -> None:
    desk.press(key)
    assert desk.own() == {(a, b, label, "accepted") for a, b, label in SUGGESTED}


SUGGESTED = [(0, 5, "ORG"), (7, 10, "PER"), (11, 13, "LOC"), (16, 19, "PER"), (25, 28, "PER")]


def clear(desk: Desk, key: str) -> None:
    desk.window.article.select(11, 13)
    assert desk.focused() is not None
    desk.press(key)  # the selection first
    assert desk.focused() == (0, 5) and desk.window.article.selection() is None
    desk.press(key)  # then the focused span
    assert desk.focused() is None


def snap(desk: Desk, key: str) -> None:
    desk.press(key)
    assert "snap" in desk.said()
    desk.window.article.select(7, 9)  # 裴青: snaps out to the test tokenizer's words 部裴 and 青山
    desk.press("1")
    assert (6, 10, "PER", "accepted") in desk.own()


def done_and_next(desk: Desk, key: str) -> None:
    desk.press(key)
    assert state(desk.project, desk.corpus[0], desk.window) is DocState.DONE
    assert desk.window.session.document.id == desk.corpus[1]


def other_article(desk: Desk, key: str) -> None:
    desk.press(key)
    assert desk.window.session.document.id == desk.corpus[1 if key == "Ctrl+PgDown" else 2]  # wraps around


def undo(desk: Desk, key: str) -> None:
    desk.press(key)
    assert "Nothing to undo" in desk.said()
    desk.press("Return")
    desk.press(key)
    assert desk.own() == set()
    assert desk.focused() == (0, 5)  # the focus goes back to the span it touched


def redo(desk: Desk, key: str) -> None:
    desk.press("Return")
    desk.press("Ctrl+Z")
    desk.press(key)
    assert desk.own() == {(0, 5, "ORG", "accepted")}
    assert desk.focused() == (7, 10)


def show_rejected(desk: Desk, key: str) -> None:
    desk.press("X")
    assert (0, 5) not in {(s.start, s.end) for s in desk.window.session.spans}
    desk.press(key)
    assert (0, 5) in {(s.start, s.end) for s in desk.window.session.spans}
    assert desk.window.rejected_label.isVisible()


def compare_gold(desk: Desk, key: str) -> None:
    doc = desk.corpus[0]
    desk.project.annotations.apply(
        Action("review", desk.window.annotator.id, doc),
        [Insert(doc, Layer.GOLD, None, 0, 5, "ORG", Status.ACCEPTED, Origin.HUMAN)],
    )
    desk.press(key)
    gold = desk.window.menus.gold
    desk.qtbot.waitUntil(lambda: gold.isVisible() and gold.table.rowCount() == 1)


def dialog(kind: type) -> Callable[[Desk, str], None]:
    def opens(desk: Desk, key: str) -> None:
        desk.press(key)
        desk.qtbot.waitUntil(lambda: bool(desk.opened(kind)))

    return opens


def zoom(desk: Desk, key: str) -> None:
    article = desk.window.article
    normal = article.points
    if key == "Ctrl+0":
        desk.press("Ctrl+=", 2)
        assert article.points > normal
        desk.press(key)
        assert article.points == normal
    else:
        desk.press(key)
        assert (article.points > normal) is (key != "Ctrl+-")


def focus_keys(desk: Desk, key: str) -> None:
    window = desk.window
    if key == "Ctrl+1":
        window.documents.search.setFocus()
        desk.qtbot.waitUntil(window.documents.search.hasFocus)
        desk.press(key)
        desk.qtbot.waitUntil(window.article.hasFocus)
    elif key == "Ctrl+F":
        desk.press(key)
        desk.qtbot.waitUntil(window.documents.search.hasFocus)
    else:
        dialog(ShortcutsDialog)(desk, key)


def project_keys(desk: Desk, key: str) -> None:
    if key == "Ctrl+Q":
        desk.press(key)
        desk.qtbot.waitUntil(lambda: not desk.window.isVisible())
    else:
        dialog(ImportDialog if key == "Ctrl+Shift+I" else ProjectDialog)(desk, key)


SCENARIOS: dict[str, Callable[[Desk, str], None]] = {
    "Shift+←/→": select,
    "double click": double_click,
    "1–9": label_key,
    "Tab": focus_next,
    "Shift+Tab": focus_previous,
    "Return": accept,
    "X": reject,
    "[": resize,
    ",": resize,
    "E": label_everywhere,
    "Shift+E": label_everywhere,
    "Shift+Return": group,
    "Shift+X": group,
    "A": accept_all,
    "Escape": clear,
    "W": snap,
    "Ctrl+Return": done_and_next,
    "Ctrl+PgDown": other_article,
    "Ctrl+Z": undo,
    "Ctrl+Shift+Z": redo,
    "Ctrl+H": show_rejected,
    "Ctrl+G": compare_gold,
    "Ctrl+Shift+S": dialog(ExportDialog),
    "Ctrl+Shift+R": dialog(ReviewWindow),
    "Ctrl+=": zoom,
    "Ctrl+1": focus_keys,
    "Ctrl+N": project_keys,
}


def scenario(cell: str) -> Callable[[Desk, str], None]:
    first = re.sub(r"\(.*?\)", "", cell.replace("`", "")).split(" / ")[0].strip()
    first = "1–9" if first.startswith("1–9") else first
    found = SCENARIOS.get(first)
    assert found is not None, f"the README's key row {cell!r} has no scenario here: write one"
    return found


def single_key(key: str) -> bool:
    """A key of the article and the entity panel: one key, no Ctrl; not a selection key (Shift+arrows)."""
    combo = QKeySequence(key)
    return (
        combo.count() == 1
        and "+Left" not in key
        and "+Right" not in key
        and not combo[0].keyboardModifiers() & Qt.KeyboardModifier.ControlModifier
    )


# Single keys act in the article and in the entity panel (README: "Single keys act while the article or the
# entity panel has the keyboard focus"); the others anywhere, so once, from the article.
WHERE = [
    (cell, key, where)
    for cell, key in CASES
    for where in (("article", "entity panel") if single_key(key) and key != "double click" else ("article",))
]


@pytest.mark.parametrize(("cell", "key", "where"), WHERE, ids=[f"{c}:{k}:{w}" for c, k, w in WHERE])
def test_the_readmes_key_does_what_the_readme_says(
    qtbot: QtBot, make_window, corpus, sqlite_project: Project, cell: str, key: str, where: str
) -> None:
    window = make_window()
    if where == "entity panel":
        window.entities.setFocus()
        qtbot.waitUntil(window.entities.hasFocus)
        window.session.set_focus(0)
    desk = Desk(qtbot, window, sqlite_project, corpus)
    assert desk.focused() == (0, 5)  # 越南外交部, the first suggestion
    scenario(cell)(desk, key)


def test_every_row_of_the_readmes_key_table_is_driven() -> None:
    """The parse found the table, and each row of it has its scenario (a new row needs one)."""
    assert len(ROWS) >= 25
    for cell, _what in ROWS:
        scenario(cell)
