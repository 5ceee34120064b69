"""The review window on a document its annotators agree on, driven by key presses as a reviewer does."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from model.spans import Entity, Layer
from storage.project import Project
from tests.gui.conftest import add_documents
from tests.gui.test_review_window import finish, open_window


def test_an_agreed_document_once_saved_is_not_said_to_need_a_save(
    qtbot: QtBot, sqlite_project: Project
) -> None:
    """After Ctrl+Return saved an agreed document as gold (version 1, "saved"), the panel still said "The
    annotators agree on everything: save to make it gold (Ctrl+S)", sending the reviewer to save it again;
    it now says the gold layer holds it, and says so again when the document is opened later."""
    (doc,) = add_documents(sqlite_project, ["新华社报道上海发展。"])
    for name in ("alice", "bob"):
        finish(sqlite_project, name, doc, Entity(0, 3, "ORG"), Entity(5, 7, "LOC"))
    window = open_window(qtbot, sqlite_project)
    ask = "The annotators agree on everything: save to make it gold (Ctrl+S)."
    assert window.kind.text() == ask  # nothing is gold yet
    qtbot.keyClick(window.article, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert sqlite_project.reviews.load(doc).version == 1
    assert len(sqlite_project.annotations.spans(doc, Layer.GOLD)) == 2
    assert "gold version 1 · saved" in window.state.text()
    held = "The annotators agree on everything; the gold layer holds it (version 1)."
    assert window.kind.text() == held
    window.session.open(doc)  # opened again later
    assert window.kind.text() == held
