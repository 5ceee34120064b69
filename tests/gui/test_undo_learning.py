"""Undo takes back what an action taught the suggestion engine, all of it: the project dictionary and the
combiner's acceptance history (which the rules' and the tagger's suggestions in every other document follow).
On the bundled seed articles, with the pretrained tagger: a decision, undone, leaves every document's open
suggestions as a project that never made it has them; redone, as the decision left them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from gui.app import ensure_seeds
from model.spans import DocumentId
from storage.project import Project
from storage.suggestions import SuggestionService
from tests.gui.helpers import press

K = Qt.Key
C = Qt.KeyboardModifier.ControlModifier


def open_counts(project: Project, window) -> dict[DocumentId, int | None]:  # type: ignore[no-untyped-def]
    return {e.id: e.open_suggestions for e in project.document_list.page(window.annotator.id, 0, 100)}


def test_undo_leaves_other_documents_suggested_as_before_the_decision(
    qtbot: QtBot, make_window, sqlite_project: Project
) -> None:
    assert ensure_seeds(sqlite_project) == 5
    service = SuggestionService(sqlite_project)
    window = make_window(service=service)
    idle = lambda: window.session.warm and window.session.workers.busy == 0  # noqa: E731
    qtbot.waitUntil(idle, timeout=120_000)
    for doc in open_counts(sqlite_project, window):
        service.ensure(doc)
    before = open_counts(sqlite_project, window)
    history = dict(getattr(service.engine, "history", {}))
    dictionary = service.rules.project_dictionary.rows()

    for key in (K.Key_Return, K.Key_A):  # one suggestion accepted; then all of them
        press(qtbot, window, key)
        qtbot.waitUntil(idle, timeout=60_000)
        taught = (dict(getattr(service.engine, "history", {})), service.rules.project_dictionary.rows())
        assert open_counts(sqlite_project, window) != before
        press(qtbot, window, K.Key_Z, C)
        qtbot.waitUntil(idle, timeout=60_000)
        assert open_counts(sqlite_project, window) == before
        assert getattr(service.engine, "history", {}) == history
        assert service.rules.project_dictionary.rows() == dictionary
        press(qtbot, window, K.Key_Y, C)  # a redo teaches it again
        qtbot.waitUntil(idle, timeout=60_000)
        assert (getattr(service.engine, "history", {}), service.rules.project_dictionary.rows()) == taught
        press(qtbot, window, K.Key_Z, C)
        qtbot.waitUntil(idle, timeout=60_000)
        assert open_counts(sqlite_project, window) == before


def test_undoing_several_decisions_restores_documents_suggested_between_them(
    qtbot: QtBot, make_window, sqlite_project: Project
) -> None:
    """A document re-suggested by a later decision (a rejection of a string the first decision did not touch)
    was suggested under the first one's history: undoing them all suggests it again as before."""
    assert ensure_seeds(sqlite_project) == 5
    service = SuggestionService(sqlite_project)
    window = make_window(service=service)
    idle = lambda: window.session.warm and window.session.workers.busy == 0  # noqa: E731
    qtbot.waitUntil(idle, timeout=120_000)
    for doc in open_counts(sqlite_project, window):
        service.ensure(doc)
    before = open_counts(sqlite_project, window)
    for key in (K.Key_Return, K.Key_X, K.Key_Return, K.Key_A):
        press(qtbot, window, key)
        qtbot.waitUntil(idle, timeout=60_000)
    press(qtbot, window, K.Key_Z, C, times=4)
    qtbot.waitUntil(idle, timeout=60_000)
    assert open_counts(sqlite_project, window) == before
