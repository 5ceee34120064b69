"""Stored text and names are shown as typed, never as HTML: an annotator called <i>ann</i>, a label <u>U</u>
and an article that reads <b>粗体</b> show their angle brackets in every label, tooltip and window title of
the annotation and review windows."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from model.commands import AddSpans, Context, SetDocumentState
from model.spans import DocState, DocumentId, Entity, Label
from storage.documents import DocumentStore, NewDocument
from storage.project import Project
from tests.gui.conftest import add_suggestions
from tests.gui.helpers import press
from tests.gui.test_review_window import open_window

TITLE = "<i>标题</i>"
TEXT = f"{TITLE}\n<b>粗体</b>会见<a href='x'>链接</a>。"
HTML_NAME, HTML_LABEL, HTML_SPAN = "<i>ann</i>", "<u>U</u>", "<b>粗体</b>"
RAW = (HTML_NAME, HTML_LABEL, HTML_SPAN, "<i>rev</i>", "<s>bob</s>")


def _html_project(project: Project) -> DocumentId:
    html = Label(HTML_LABEL, "#123456", "5", 9, "<b>bold description</b>")
    project.labels.replace([*project.labels.all(), html])
    with project.transaction() as s:
        (doc,) = DocumentStore.insert_batch(s, [NewDocument(TITLE, TEXT, "<src>", {})])
    assert doc is not None
    start = TEXT.index(HTML_SPAN)
    add_suggestions(project, DocumentId(doc), [(start, start + len(HTML_SPAN), HTML_LABEL)])
    return DocumentId(doc)


def _widgets(window: QWidget) -> list[QWidget]:
    return [window, *window.findChildren(QWidget)]


def assert_nothing_rendered_as_html(window: QWidget) -> list[str]:
    """Every QLabel either is plain text or holds nothing Qt would take for HTML; no tooltip or status tip
    carries a stored string unescaped. Returns the texts of the labels, to check what they show."""
    shown = []
    for label in window.findChildren(QLabel):
        text = label.text()
        shown.append(text)
        if label.textFormat() != Qt.TextFormat.PlainText:
            assert not GuiQt.mightBeRichText(text), f"{label.objectName() or label}: {text!r} renders as HTML"
    tips = [w.toolTip() for w in _widgets(window)] + [w.statusTip() for w in _widgets(window)]
    tips += [a.toolTip() for a in window.findChildren(QAction)]
    for tip in tips:
        assert not any(raw in tip for raw in RAW), f"tooltip {tip!r} would render stored text as HTML"
    return shown


def test_the_annotation_window_shows_html_bearing_text_and_names_literally(
    qtbot: QtBot, make_window, sqlite_project: Project
) -> None:
    doc = _html_project(sqlite_project)
    window = make_window(HTML_NAME)
    window.session.open_document(doc)
    press(qtbot, window, Qt.Key.Key_Tab)  # focus the suggestion over <b>粗体</b>
    assert window.session.focused_span is not None
    shown = assert_nothing_rendered_as_html(window)
    assert any(HTML_SPAN in text and HTML_LABEL in text for text in shown)  # the focused span
    assert f"Annotator: {HTML_NAME}" in shown
    assert window.windowTitle() == f"newstag — {TITLE} — {HTML_NAME}"
    button = window.labels.buttons[HTML_LABEL]
    assert HTML_LABEL in button.text()
    assert "&lt;b&gt;bold description&lt;/b&gt;" in button.toolTip()
    model = window.documents.model
    tips = [model.data(model.index(row, 0), Qt.ItemDataRole.ToolTipRole) for row in range(model.rowCount())]
    assert any("&lt;i&gt;标题&lt;/i&gt;" in tip for tip in tips) and not any(TITLE in tip for tip in tips)
    press(qtbot, window, Qt.Key.Key_Return)  # accepted: the status bar says what, literally
    assert_nothing_rendered_as_html(window)


def test_the_review_window_shows_html_bearing_text_and_names_literally(
    qtbot: QtBot, sqlite_project: Project
) -> None:
    doc = _html_project(sqlite_project)
    start = TEXT.index(HTML_SPAN)
    for name, label in ((HTML_NAME, HTML_LABEL), ("<s>bob</s>", "PER")):
        ctx = Context(doc, sqlite_project.annotator(name).id)
        AddSpans(ctx, [Entity(start, start + len(HTML_SPAN), label)]).do(sqlite_project.annotations)
        SetDocumentState(ctx, DocState.DONE, DocState.IN_PROGRESS).do(sqlite_project.annotations)
    window = open_window(qtbot, sqlite_project, "<i>rev</i>")
    qtbot.waitUntil(lambda: bool(window.session.alignment and window.session.alignment.disagreements))
    shown = assert_nothing_rendered_as_html(window)
    assert any(HTML_SPAN in text for text in shown)  # the disagreement: “<b>粗体</b>”: label differs
    assert window.windowTitle() == "newstag review — <i>rev</i>"
    assert window.queue.item(0).text().count(TITLE) == 1
    tip = window.queue.item(0).toolTip()
    assert "&lt;i&gt;ann&lt;/i&gt;" in tip and "&lt;s&gt;bob&lt;/s&gt;" in tip
    assert window.panel.item(0, 1).text() in (HTML_NAME, "<s>bob</s>")
