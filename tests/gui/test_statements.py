"""What one key press costs the database on the UI thread: one write transaction and at most one read, counted
statement by statement (``before_cursor_execute``); the view and the document list follow the saved change
without reading the spans again. And the Edit menu names the step it will undo."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import event

from gui.terms import word
from model.spans import DocState
from storage.project import Project
from tests.gui.helpers import CTRL, own, press

K = Qt.Key
WRITES = ("INSERT", "UPDATE", "DELETE")


@dataclass
class Units:
    """Statements on the UI thread, grouped by the transaction (unit of work) they ran in."""

    units: list[list[str]] = field(default_factory=list)

    @property
    def writes(self) -> list[list[str]]:
        return [u for u in self.units if any(s.lstrip().upper().startswith(WRITES) for s in u)]

    @property
    def reads(self) -> list[list[str]]:
        return [u for u in self.units if u not in self.writes]


@contextmanager
def counted(project: Project) -> Iterator[Units]:
    found = Units()
    ui = threading.get_ident()
    current: dict[int, list[str]] = {}

    def begin(conn) -> None:  # type: ignore[no-untyped-def]
        if threading.get_ident() == ui:
            current[id(conn)] = []
            found.units.append(current[id(conn)])

    def statement(conn, _cursor, text, _params, _context, _many) -> None:  # type: ignore[no-untyped-def]
        if threading.get_ident() == ui and not text.lstrip().upper().startswith("BEGIN"):
            unit = current.get(id(conn))
            if unit is None:  # outside any transaction: a unit of its own
                unit = []
                found.units.append(unit)
            unit.append(text)

    engine = project.engine
    event.listen(engine, "begin", begin, insert=True)  # before the listener that issues BEGIN IMMEDIATE
    event.listen(engine, "before_cursor_execute", statement)
    try:
        yield found
    finally:
        event.remove(engine, "begin", begin)
        event.remove(engine, "before_cursor_execute", statement)


def test_the_counter_tells_a_write_from_a_read(sqlite_project: Project) -> None:
    with counted(sqlite_project) as units:
        sqlite_project.documents.count()
        sqlite_project.settings.set("x", {"y": 1})
    assert len(units.reads) == 1 and len(units.writes) == 1


def test_a_key_press_does_one_write_and_no_more_than_one_read(
    qtbot: QtBot, make_window, corpus, sqlite_project: Project
) -> None:
    window = make_window()
    for key, modifier in ((K.Key_Return, None), (K.Key_X, None), (K.Key_2, None), (K.Key_Z, CTRL)):
        qtbot.wait(10)  # whatever the previous key started settles first
        with counted(sqlite_project) as units:
            press(qtbot, window, key, modifier) if modifier else press(qtbot, window, key)
            qtbot.wait(50)  # and what this one scheduled on the event loop (the document list) runs
        assert len(units.writes) == 1, (key, units.units)
        assert len(units.reads) <= 1, (key, units.units)
    assert own(sqlite_project, corpus[0], window) == {(0, 5, "ORG", "accepted"), (7, 10, "PER", "rejected")}


def test_the_document_list_follows_the_change_without_reading(
    qtbot: QtBot, make_window, corpus, sqlite_project: Project
) -> None:
    window = make_window()
    model = window.documents.model
    row = model.row_of(corpus[0])
    assert model.entry(row).open_suggestions == 5 and model.entry(row).state is DocState.NEW
    with counted(sqlite_project) as units:
        press(qtbot, window, K.Key_Return)
        qtbot.wait(50)
    assert units.reads == []
    assert model.entry(row).open_suggestions == 4 and model.entry(row).state is DocState.IN_PROGRESS
    assert model.data(model.index(row, 1), Qt.ItemDataRole.DisplayRole) == word(DocState.IN_PROGRESS)


def test_the_edit_menu_names_what_it_will_undo(qtbot: QtBot, make_window, corpus) -> None:
    window = make_window()
    undo, redo = window.actions_by_command["undo"], window.actions_by_command["redo"]
    assert undo.text() == "Undo"
    press(qtbot, window, K.Key_Return)
    assert undo.text() == "Undo Accept ORG 越南外交部"
    press(qtbot, window, K.Key_Z, CTRL)
    assert undo.text() == "Undo" and redo.text() == "Redo Accept ORG 越南外交部"
