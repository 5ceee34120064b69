"""What the keys that decide many spans at once say: Shift+Return / Shift+X over a group partly decided
already, E / Shift+E on a name once in its article or next to a longer span. Each says what it did."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from model.spans import Entity
from storage.project import Project
from tests.gui.conftest import add_documents, add_suggestions
from tests.gui.helpers import CTRL, SHIFT, own, press

K = Qt.Key


def test_shift_e_says_no_other_one_to_label_here_not_in_this_article(
    qtbot: QtBot, make_window, sqlite_project: Project
) -> None:
    """The second 美国 lies inside 美国国务院: said "no other one in this article" beside "1 inside a longer
    suggestion left as they are", and, once 美国国务院 was accepted, "no other one in this article" alone."""
    doc, _ = add_documents(sqlite_project, ["美国总统访问越南。美国国务院发言。", "美国人说。"])
    add_suggestions(sqlite_project, doc, [(0, 2, "LOC"), (9, 14, "ORG")])
    window = make_window()
    assert window.session.focused_span.entity == Entity(0, 2, "LOC")
    press(qtbot, window, K.Key_E, SHIFT)
    said = "Accepted “美国” as LOC; offered in 1 other document(s)."
    said += " 1 inside a longer suggestion left as they are."
    assert window.statusBar().currentMessage() == said
    press(qtbot, window, K.Key_Z, CTRL)
    assert own(sqlite_project, doc, window) == set()
    press(qtbot, window, K.Key_Tab)
    assert window.session.focused_span.entity == Entity(9, 14, "ORG")
    press(qtbot, window, K.Key_Return)  # 美国国务院 accepted, the framed 美国 next
    assert window.session.focused_span.entity == Entity(0, 2, "LOC")
    press(qtbot, window, K.Key_E, SHIFT)
    said = "Accepted “美国” as LOC; offered in 1 other document(s). No other one to label here."
    assert window.statusBar().currentMessage() == said
    assert own(sqlite_project, doc, window) == {(0, 2, "LOC", "accepted"), (9, 14, "ORG", "accepted")}


def test_e_on_a_name_once_in_its_article_says_it_was_accepted_not_labelled_0_more(
    qtbot: QtBot, make_window, corpus, sqlite_project: Project
) -> None:
    """E said "Labelled 0 more “越南外交部” in this article." and Shift+E, no other document having it,
    "offered in 0 other document(s)": both read as failures, and neither said the span was accepted."""
    window = make_window()
    assert window.session.focused_span.entity == Entity(0, 5, "ORG")
    press(qtbot, window, K.Key_E)
    said = "Accepted “越南外交部” as ORG. No other one to label here."
    assert window.statusBar().currentMessage() == said
    assert (0, 5, "ORG", "accepted") in own(sqlite_project, corpus[0], window)
    press(qtbot, window, K.Key_Z, CTRL)
    press(qtbot, window, K.Key_E, SHIFT)
    said = "Accepted “越南外交部” as ORG; no other unfinished document to offer it in."
    said += " No other one to label here."
    assert window.statusBar().currentMessage() == said


def test_a_group_partly_decided_is_not_said_all_decided(
    qtbot: QtBot, make_window, sqlite_project: Project
) -> None:
    """Shift+Return on the second 裴青山, the first accepted and the third rejected, said "Accepted all 1
    “裴青山” as PER" while one stayed rejected."""
    (doc,) = add_documents(sqlite_project, ["裴青山说。裴青山笑。裴青山走。"])
    add_suggestions(sqlite_project, doc, [(0, 3, "PER"), (5, 8, "PER"), (10, 13, "PER")])
    window = make_window()
    press(qtbot, window, K.Key_Return)
    press(qtbot, window, K.Key_Tab)
    press(qtbot, window, K.Key_X)
    assert window.session.focused_span.entity == Entity(5, 8, "PER")
    press(qtbot, window, K.Key_Return, SHIFT)
    said = "Accepted 1 more “裴青山” as PER; 1 already accepted; 1 left rejected (Ctrl+Z takes them back)."
    assert window.statusBar().currentMessage() == said
    assert own(sqlite_project, doc, window) == {
        (0, 3, "PER", "accepted"),
        (5, 8, "PER", "accepted"),
        (10, 13, "PER", "rejected"),
    }
    press(qtbot, window, K.Key_Z, CTRL)
    assert window.session.focused_span.entity == Entity(5, 8, "PER")
    press(qtbot, window, K.Key_X, SHIFT)
    said = "Rejected 2 more “裴青山” PER; 1 already rejected (Ctrl+Z takes them back)."
    assert window.statusBar().currentMessage() == said
    assert {s[3] for s in own(sqlite_project, doc, window)} == {"rejected"}
