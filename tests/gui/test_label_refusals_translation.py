"""Project → Labels… when someone else changed the label set meanwhile: the change is refused, the table shows
what the database holds, and the label set's reason is said in the window's language (``gui/label_words.py``);
in English it is the core's own words, which ``newstag labels`` prints."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from gui import i18n
from gui.label_editor import NAME
from gui.main_window import MainWindow
from model.labels import LabelError
from model.reasons import ReasonKind
from model.spans import DocumentId, Label
from storage.project import Project
from tests.conftest import snapshot
from tests.gui.test_label_editor import open_editor, type_into
from tests.gui.test_translation import english_words

LEFT = Qt.MouseButton.LeftButton


def test_a_label_set_changed_meanwhile_is_refused_in_chinese(
    qtbot: QtBot, sqlite_project: Project, corpus: list[DocumentId], make_window: Callable[..., MainWindow]
) -> None:
    assert i18n.install(i18n.CHINESE) == i18n.CHINESE
    try:
        window = make_window("alice")  # the first person: the lead
        editor = open_editor(qtbot, window)
        sqlite_project.labels.add(Label("AGENCY", "#123456"))  # another lead, in another window
        before = snapshot(sqlite_project)
        type_into(qtbot, editor, 2, NAME, "AGENCY")  # ORG renamed to a name taken meanwhile
        said = [editor.message.text()]
        assert said[0] == "未保存：本项目已有标签 AGENCY"
        assert snapshot(sqlite_project) == before
        assert [editor.table.item(r, NAME).text() for r in range(editor.table.rowCount())][-1] == "AGENCY"
        sqlite_project.labels.remove("AGENCY")  # removed meanwhile, while the editor still shows it
        before = snapshot(sqlite_project)
        editor.table.selectRow(editor.table.rowCount() - 1)
        with qtbot.waitSignal(editor.tableReloaded):
            qtbot.mouseClick(editor.remove_button, LEFT)
        said.append(editor.message.text())
        assert said[1] == "未保存：本项目没有标签 AGENCY"
        assert snapshot(sqlite_project) == before
        assert "AGENCY" not in [editor.table.item(r, NAME).text() for r in range(editor.table.rowCount())]
    finally:
        i18n.install(i18n.ENGLISH)
    assert english_words(" ".join(said).replace("AGENCY", " ")) == []


def test_the_english_of_a_label_set_refusal_is_unchanged(sqlite_project: Project) -> None:
    sqlite_project.labels.add(Label("AGENCY", "#123456"))
    cases = {
        ReasonKind.LABEL_EXISTS: (
            lambda: sqlite_project.labels.add(Label("AGENCY", "#000000")),
            "the project has a label AGENCY already",
        ),
        ReasonKind.LABEL_UNKNOWN: (
            lambda: sqlite_project.labels.order(["NOPE", "NADA"]),
            "the project has no label NOPE, NADA",
        ),
        ReasonKind.LABEL_CANNOT_MERGE: (
            lambda: sqlite_project.labels.remove("AGENCY", merge_into="AGENCY"),
            "cannot merge AGENCY into AGENCY: name another label of the project",
        ),
        ReasonKind.LABEL_NO_PRESET: (
            lambda: sqlite_project.labels.preset("nope"),
            "no preset 'nope' (choose from ",
        ),
        ReasonKind.LABEL_NEVER_MERGED: (
            lambda: sqlite_project.labels.unmerge("GONE"),
            "GONE was never merged into another label",
        ),
        ReasonKind.LABEL_UNMERGE_EXISTS: (
            lambda: sqlite_project.labels.unmerge("AGENCY"),
            "the project has a label AGENCY already: nothing to undo",
        ),
    }
    for kind, (call, english) in cases.items():
        with pytest.raises(LabelError) as caught:
            call()
        assert caught.value.refusal is not None and caught.value.refusal.kind is kind
        assert str(caught.value).startswith(english), str(caught.value)
