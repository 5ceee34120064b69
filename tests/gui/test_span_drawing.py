"""What the article view draws: a visible boundary between adjacent spans at every zoom, rejected spans
struck through with their label, label tags that cover no text. Checked on the rectangles the view records
(``ArticleView.painted``) and on the pixels it painted."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPalette
from pytestqt.qtbot import QtBot

from gui.article_view import ArticleView
from gui.main_window import MainWindow
from gui.span_style import PaintedSpan
from model.spans import Status
from storage.project import Project
from tests.gui.conftest import add_documents, add_suggestions
from tests.gui.helpers import CTRL, drag_select, own, press

K = Qt.Key
# 美国|越南: two accepted LOC spans side by side; 中|美 and 越|美: suggestions side by side. Each pair opens
# its paragraph, so that no zoom wraps a line between the two.
ADJACENT = (
    "美国越南两国。\n中美关系。\n越美合作。\n"
    "第二段有更多的文字,让这一行足够长,长到折到下一行去,才好看清楚标签的位置,也看清楚它不遮住上一行的字。"
)
TAGGED = (ADJACENT.index("两国"), ADJACENT.index("标签"))  # on the first line; on a wrapped line


def painted(view: ArticleView, start: int, end: int, status: Status | None = None) -> PaintedSpan:
    spans = view.session.spans
    found = [
        p
        for p in view.painted
        if (spans[p.index].start, spans[p.index].end) == (start, end)
        and (status is None or p.status is status)
    ]
    assert len(found) == 1, (start, end, view.painted)
    return found[0]


def render(view: ArticleView) -> QImage:
    view.viewport().repaint()
    return view.viewport().grab().toImage()


def ink(view: ArticleView) -> list[QRectF]:
    """The ink of every glyph the view shows: each glyph's bounding box from its font, in viewport
    coordinates (independent of how the view places its tags)."""
    boxes = []
    block = view.document().firstBlock()
    while block.isValid():
        layout = block.layout()
        origin = view.blockBoundingGeometry(block).translated(view.contentOffset()).topLeft()
        for i in range(layout.lineCount()):
            for run in layout.lineAt(i).glyphRuns():
                font = run.rawFont()
                for glyph, at in zip(run.glyphIndexes(), run.positions(), strict=True):
                    box = font.boundingRect(glyph).translated(at + origin)
                    if box.width() > 0 and box.height() > 0:
                        boxes.append(box)
        block = block.next()
    assert boxes
    return boxes


def zoom(qtbot: QtBot, window: MainWindow, steps: int) -> None:
    key = K.Key_Equal if steps > 0 else K.Key_Minus
    for _ in range(abs(steps)):
        press(qtbot, window, key, CTRL)


@pytest.mark.parametrize("steps", [-20, 0, 20])  # the smallest zoom, the normal size, the largest zoom
def test_adjacent_spans_of_one_label_keep_a_visible_boundary(
    qtbot: QtBot, make_window, sqlite_project: Project, steps: int
) -> None:
    (doc,) = add_documents(sqlite_project, [ADJACENT])
    add_suggestions(sqlite_project, doc, [(8, 9, "LOC"), (9, 10, "LOC"), (14, 15, "LOC"), (15, 16, "LOC")])
    window = make_window()
    view = window.article
    zoom(qtbot, window, steps)
    drag_select(qtbot, window, 0, 2)
    press(qtbot, window, K.Key_2)
    drag_select(qtbot, window, 2, 4)
    press(qtbot, window, K.Key_2)
    assert own(sqlite_project, doc, window) == {(0, 2, "LOC", "accepted"), (2, 4, "LOC", "accepted")}
    press(qtbot, window, K.Key_Escape)  # no focus frame over the boundaries
    press(qtbot, window, K.Key_End)  # nor the text cursor
    image = render(view)
    background = view.viewport().palette().color(QPalette.ColorRole.Base)
    for a, b, status in (
        ((0, 2), (2, 4), Status.ACCEPTED),
        ((8, 9), (9, 10), Status.SUGGESTED),
        ((14, 15), (15, 16), Status.SUGGESTED),
    ):
        left, right = painted(view, *a, status), painted(view, *b, status)
        end, start = left.fills[-1], right.fills[0]
        assert start.left() - end.right() >= 2, (a, b, steps)  # a gap, not one block
        y = int(end.top()) + 1  # above the glyphs' ink
        gap = int((end.right() + start.left()) / 2)
        assert image.pixelColor(gap, y).rgb() == background.rgb(), (a, b, steps)
        assert image.pixelColor(int(end.center().x()), y).rgb() != background.rgb()
        assert image.pixelColor(int(start.center().x()), y).rgb() != background.rgb()


def test_rejected_spans_are_struck_through_with_their_label_and_the_status_bar_says_so(
    qtbot: QtBot, make_window, corpus, sqlite_project: Project
) -> None:
    window = make_window()
    view = window.article
    assert window.session.focused_span.entity.start == 0  # 越南外交部 ORG
    press(qtbot, window, K.Key_X)
    assert own(sqlite_project, corpus[0], window) == {(0, 5, "ORG", "rejected")}
    render(view)
    assert all(p.status is not Status.REJECTED for p in view.painted)  # hidden by default
    assert not window.rejected_label.isVisible()
    press(qtbot, window, K.Key_H, CTRL)
    assert window.rejected_label.isVisible()
    assert window.rejected_label.text() == "showing rejected"
    press(qtbot, window, K.Key_Escape)
    image = render(view)
    shown = painted(view, 0, 5, Status.REJECTED)
    assert shown.label == "ORG"
    assert shown.tag is not None  # its label, in a tag
    fill = shown.fills[0]
    assert shown.tag.bottom() <= fill.top() + view.look.top_free and shown.tag.left() <= fill.left() + 1
    assert not any(shown.tag.intersects(box) for box in ink(view))
    mark = view.look.style(window.session.spans[shown.index]).mark
    middle = int(fill.center().y())
    struck = [image.pixelColor(int(fill.center().x()), y).rgb() for y in (middle - 1, middle)]
    assert mark.rgb() in struck
    press(qtbot, window, K.Key_H, CTRL)
    render(view)
    assert all(p.status is not Status.REJECTED for p in view.painted)
    assert not window.rejected_label.isVisible()


def test_the_focused_tag_covers_no_text_and_follows_the_font_size(
    qtbot: QtBot, make_window, sqlite_project: Project
) -> None:
    (doc,) = add_documents(sqlite_project, [ADJACENT])
    first, wrapped = TAGGED
    add_suggestions(sqlite_project, doc, [(first, first + 2, "LOC"), (wrapped, wrapped + 2, "PER")])
    window = make_window()
    window.resize(700, 700)
    view = window.article
    sizes = []
    for steps in (0, 3, 3):
        zoom(qtbot, window, steps)
        for start in TAGGED:
            end = start + 2
            window.session.focus_at(start)
            render(view)
            shown = painted(view, start, end)
            assert shown.tag is not None
            assert not any(shown.tag.intersects(box) for box in ink(view)), (start, steps)
            assert shown.tag.bottom() <= shown.fills[0].top() + view.look.top_free  # above the span
            assert shown.tag.left() <= shown.fills[0].left() + 1 <= shown.tag.right()
        sizes.append((view.points, view.look.tag_font.pointSizeF(), shown.tag.height()))
    assert sizes[0][1] >= 9  # readable: at least 9 pt (12 px at 96 dpi)
    assert sizes[0][0] < sizes[1][0] < sizes[2][0]
    assert sizes[0][1] < sizes[1][1] < sizes[2][1]  # the tag grows with the article's font
    assert sizes[0][2] < sizes[2][2]


def test_hovering_a_span_shows_its_label_tag(qtbot: QtBot, make_window, corpus) -> None:
    window = make_window()
    view = window.article
    a, b = view.position_rect(16), view.position_rect(17)  # 布 of 布林肯 (16, 19) PER
    qtbot.mouseMove(view.viewport(), QPoint(int((a.left() + b.left()) / 2), int(a.center().y())))
    qtbot.waitUntil(lambda: view.hovered >= 0)
    assert window.session.spans[view.hovered].entity.start == 16
    render(view)
    shown = painted(view, 16, 19)
    assert shown.tag is not None and shown.label == "PER"
    assert not any(shown.tag.intersects(box) for box in ink(view))
    qtbot.mouseMove(view.viewport(), QPoint(int(view.position_rect(21).left()) + 3, int(a.center().y())))
    qtbot.waitUntil(lambda: view.hovered < 0)  # 会谈: no span
    render(view)
    assert painted(view, 16, 19).tag is None


def test_the_tag_colour_keeps_its_text_readable() -> None:
    from gui.span_style import readable_on

    assert readable_on(QColor("#F0E442")) == QColor("#000000")
    assert readable_on(QColor("#332288")) == QColor("#ffffff")
