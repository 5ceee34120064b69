"""A lead renames (or merges) a label while an annotator's window, on another machine, labels with it: the
window's label set is the one it read. The action went to the database with the old name, which the foreign
key refused, and the window said “unexpected error (IntegrityError: … violates foreign key constraint …)”
with the SQL, and kept its old label set, so the same key failed again and again. Now the action is refused
naming the label, nothing saved, the window reads the label set again, and the same key saves the span under
the label's new name."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from model.commands import AddSpans, Context
from model.ops import LabelGone
from model.spans import DocumentId, Entity, Label, Layer
from storage.project import Project
from tests.conftest import snapshot
from tests.gui.helpers import own, press
from tests.gui.test_review_window import open_window, reviewed  # noqa: F401 (a fixture)

K = Qt.Key
pytestmark = pytest.mark.postgres


@pytest.fixture
def sqlite_project(pg_project: Project) -> Project:
    """The window's fixtures (corpus, make_window) on the real PostgreSQL server."""
    return pg_project


def _lead(pg_database: str, **change: str) -> None:
    """Another program (the lead's window, elsewhere) changes ORG."""
    lead = Project.open(pg_database)
    try:
        lead.labels.edit("ORG", by=None, **change)
    finally:
        lead.close()


def test_accepting_with_a_label_a_lead_renamed_meanwhile_is_refused_then_works_under_the_new_name(
    qtbot: QtBot, make_window, corpus, pg_project: Project, pg_database: str
) -> None:
    window = make_window()
    _lead(pg_database, new_name="ORGANISATION")
    before = snapshot(pg_project)
    press(qtbot, window, K.Key_Return)  # accept ORG 越南外交部, as the window still knows it
    said = window.message_bar.text()
    assert said == (
        "“Accept ORG 越南外交部” was not saved: the label ORG is no longer in the project: a lead renamed, "
        "merged or removed it meanwhile; the labels were read again"
    ), said
    assert snapshot(pg_project) == before and window.session.undo_stack.count() == 0
    assert "ORGANISATION" in [label.name for label in window.session.labels]
    assert "ORG" not in [label.name for label in window.session.labels]
    press(qtbot, window, K.Key_Return)  # the suggestion, read again under its new name: saved
    assert own(pg_project, corpus[0], window) == {(0, 5, "ORGANISATION", "accepted")}
    assert window.session.undo_stack.count() == 1


def test_the_store_names_the_label_gone(corpus, pg_project: Project, pg_database: str) -> None:
    me = pg_project.annotator("ann")
    _lead(pg_database, new_name="ORGANISATION")
    with pytest.raises(LabelGone) as caught:
        AddSpans(Context(corpus[0], me.id), [Entity(0, 5, "ORG")]).do(pg_project.annotations)
    assert caught.value.labels == ("ORG",)


def test_a_failed_read_of_the_labels_after_the_refusal_is_said_as_such(
    qtbot: QtBot, make_window, corpus, pg_project: Project, pg_database: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The refusal said “the labels were read again” whether or not reading them again worked."""
    window = make_window()
    _lead(pg_database, new_name="ORGANISATION")

    def unreadable() -> list[Label]:
        raise RuntimeError("the server went away")

    monkeypatch.setattr(window.project.labels, "all", unreadable)
    press(qtbot, window, K.Key_Return)
    said = window.message_bar.text()
    assert said == (
        "“Accept ORG 越南外交部” was not saved: the label ORG is no longer in the project: a lead renamed, "
        "merged or removed it meanwhile; reading the labels again failed: try again"
    ), said
    assert "ORG" in [label.name for label in window.session.labels]
    monkeypatch.undo()  # the database back: the same key reads them, then saves under the new name
    press(qtbot, window, K.Key_Return)
    assert window.message_bar.text().endswith("; the labels were read again")
    press(qtbot, window, K.Key_Return)
    assert own(pg_project, corpus[0], window) == {(0, 5, "ORGANISATION", "accepted")}


def test_the_review_window_reads_the_labels_again_when_its_save_names_labels_gone(
    qtbot: QtBot,
    reviewed: tuple[Project, DocumentId],  # noqa: F811
    pg_database: str,
) -> None:
    """The review window said “open the document again” but kept its label set: the gold keys still made
    spans of the old labels, refused again. Now it reads the set at the refusal, and several labels gone are
    named as such."""
    project, doc = reviewed
    window = open_window(qtbot, project)
    lead = Project.open(pg_database)
    try:
        lead.labels.edit("ORG", by=None, new_name="ORGANISATION")
        lead.labels.edit("PER", by=None, new_name="PERSON")
    finally:
        lead.close()
    before = snapshot(project)
    qtbot.keyClick(window.article, K.Key_B)  # bob's version of the first disagreement
    qtbot.keyClick(window.article, K.Key_S, Qt.KeyboardModifier.ControlModifier)
    said = window.statusBar().currentMessage()
    assert said == (
        "Not saved: the labels ORG, PER are no longer in the project: a lead renamed, merged or removed them "
        "meanwhile; the labels were read again: open the document again"
    ), said
    assert snapshot(project) == before
    names = [label.name for label in window.session.labels]
    assert "ORGANISATION" in names and "PERSON" in names and "ORG" not in names
    keys = {a.objectName() for a in window.actions()}
    assert "review_label_ORGANISATION" in keys and "review_label_ORG" not in keys
    window.open_document(doc)  # as advised: the annotators' spans read again under the new names
    qtbot.keyClick(window.article, K.Key_B)
    qtbot.keyClick(window.article, K.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert window.statusBar().currentMessage().startswith("Gold saved (version 1)")
    assert {s.label for s in project.annotations.spans(doc, Layer.GOLD)} <= {"ORGANISATION", "PERSON", "LOC"}


def test_the_store_names_several_labels_gone_in_the_plural() -> None:
    assert str(LabelGone(["ORG"])).startswith("the label ORG is no longer in the project")
    assert str(LabelGone(["ORG", "PER"])).startswith("the labels ORG, PER are no longer in the project")
