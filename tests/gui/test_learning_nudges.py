"""Boundary nudges teach the engine exactly what the database holds (issue 15, item 1): a nudge moves the
learned count from the old string to the new one, so nudges that end where they began leave the project
dictionary and every other document's suggestions as they were, in the window and for ``newstag suggest``."""

from __future__ import annotations

import dataclasses
import subprocess
import sys

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from model.spans import DocumentId, Layer
from storage.project import Project
from storage.suggestions import SuggestionService
from tests.gui.conftest import add_documents
from tests.gui.helpers import drag_select, own, press

K = Qt.Key
A = "世卫组织说，新冠肺炎疫情仍在蔓延。"
B = "记者了解到，新冠肺炎疫情期间，新冠肺炎疫苗的研发加快。"
C = "专家表示，新冠肺炎疫情防控不能松懈。"


def suggested(project: Project, doc: DocumentId, text: str) -> list[tuple[str, str]]:
    return sorted((text[s.start : s.end], s.label) for s in project.annotations.spans(doc, Layer.SUGGESTION))


def test_nudges_ending_where_they_began_leave_the_dictionary_and_other_documents_as_they_were(
    qtbot: QtBot, make_window, sqlite_project: Project
) -> None:
    settings = sqlite_project.training.settings()
    sqlite_project.training.set_settings(dataclasses.replace(settings, pretrained=""))  # rules alone: fast
    a, b, c = add_documents(sqlite_project, [A, B, C])
    service = SuggestionService(sqlite_project)
    for doc in (a, b, c):
        service.ensure(doc)
    window = make_window(service=service)
    qtbot.waitUntil(lambda: window.session.warm, timeout=30_000)
    assert window.session.document.id == a
    idle = lambda: window.session.workers.busy == 0  # noqa: E731

    start = A.index("新冠肺炎")
    drag_select(qtbot, window, start, start + 4)
    press(qtbot, window, K.Key_4)  # MISC
    qtbot.waitUntil(idle)
    assert own(sqlite_project, a, window) == {(start, start + 4, "MISC", "accepted")}
    dictionary = service.rules.project_dictionary
    rows = dictionary.rows()
    assert ("新冠肺炎", "MISC", 1, 0) in rows
    others = {b: suggested(sqlite_project, b, B), c: suggested(sqlite_project, c, C)}
    assert ("新冠肺炎", "MISC") in others[b]

    for key in (
        K.Key_Period,
        K.Key_Period,
        K.Key_Comma,
        K.Key_BracketLeft,
        K.Key_Comma,
        K.Key_BracketRight,
    ):  # grow, grow, shrink, grow at the start, shrink, shrink at the start
        press(qtbot, window, key)
        qtbot.waitUntil(idle)
    assert own(sqlite_project, a, window) == {(start, start + 4, "MISC", "accepted")}
    assert dictionary.rows() == rows  # no intermediate string (新冠肺炎疫, 说，新冠肺炎…) is remembered
    assert {b: suggested(sqlite_project, b, B), c: suggested(sqlite_project, c, C)} == others

    window.close()
    url = sqlite_project.engine.url.render_as_string(hide_password=False)
    result = subprocess.run(
        [sys.executable, "-m", "gui.cli", "--db", url, "suggest", "--documents", "all", "--quiet"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert {b: suggested(sqlite_project, b, B), c: suggested(sqlite_project, c, C)} == others
