"""The article: plain text (never HTML) in the desktop's Chinese font, with the spans painted over it.

Only the spans that intersect the visible blocks are painted, straight from the block layouts, so a long
article with thousands of spans scrolls as fast as plain text. How a span looks is ``gui.span_style``'s
business; this widget lays the text out (zoom, line spacing with a band above every line for label tags:
``SpacedLayout``), finds the rectangles, and records what it painted (``painted``) so tests and tools can see
it. The focused
span and the span under the mouse show their label in a tag; hovering a span also names it in a tooltip.
"""

from __future__ import annotations

import bisect
import logging
from typing import Protocol

from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, Qt, Signal, SignalInstance
from PySide6.QtGui import (
    QHelpEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QTextCursor,
    QTextDocument,
    QWheelEvent,
)
from PySide6.QtWidgets import QPlainTextEdit, QToolTip, QWidget

from gui import settings
from gui.article_font import DEFAULT_POINTS, DEFAULT_SPACING, article_font, zoom_step
from gui.offsets import OffsetMap
from gui.spaced_layout import SpacedLayout, cursor_x, show_whole
from gui.span_style import PaintedSpan, SpanLook
from gui.terms import origin_said, word
from model.spans import Document, Label, Span, Status

logger = logging.getLogger(__name__)

MARGIN = 4


class SpanSource(Protocol):
    """What the view reads: the annotation session, or the review session."""

    labels: list[Label]
    spans: list[Span]
    focused: int

    @property
    def documentOpened(self) -> SignalInstance: ...

    @property
    def spansChanged(self) -> SignalInstance: ...

    def focus_at(self, offset: int) -> bool: ...

    def clear_focus(self) -> None: ...


class ArticleView(QPlainTextEdit):
    zoomChanged = Signal(float)  # the article's point size

    def __init__(self, session: SpanSource, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("articleView")
        # always there, so the text never reflows (and is never laid out twice) when an article is long enough
        # to need it
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.session = session
        self.setReadOnly(True)
        self.setUndoRedoEnabled(False)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setCursorWidth(2)
        self.viewport().setMouseTracking(True)
        remembered = settings.load()
        self.spacing = float(remembered.get("line_spacing", DEFAULT_SPACING))
        self.look = SpanLook.remembered(session.labels)
        self.offsets = OffsetMap("")
        self._text = ""
        self._starts: list[int] = []  # view positions of the spans, in the session's order (sorted by start)
        self._ends: list[int] = []
        self._longest = 0
        self._focused: tuple[int, int] | None = None  # where the focused span was at the last refresh
        self.hovered = -1
        self.painted: list[PaintedSpan] = []  # what the last paint drew (viewport coordinates)
        self._apply_font(float(remembered.get("article_points", DEFAULT_POINTS)))
        document = QTextDocument(self)
        document.setDocumentMargin(MARGIN)
        document.setDefaultFont(self.font())  # later font changes reach it through the widget
        self.spaced = SpacedLayout(document, self.line_distance())
        document.setDocumentLayout(self.spaced)
        self.setDocument(document)
        session.documentOpened.connect(self._show_document)
        session.spansChanged.connect(self._show_spans)

    # -- font, zoom and line spacing ------------------------------------------------------------------

    @property
    def points(self) -> float:
        return self.font().pointSizeF()

    def _apply_font(self, points: float) -> None:
        self.setFont(article_font(points))
        self.look.set_font(self.font())

    def line_distance(self) -> int:
        """Pixels added between two lines: up to the chosen spacing, and never less than a tag needs."""
        metrics = self.fontMetrics()
        pitch = self.spacing * metrics.horizontalAdvance("国")
        return max(self.look.lane, round(pitch - metrics.height()))

    def set_points(self, points: float) -> None:
        """Zoom: the article's font size (remembered)."""
        if points == self.points:
            return
        self._apply_font(points)
        self._relayout()
        settings.save(article_points=points)
        self.zoomChanged.emit(points)

    def zoom(self, steps: int) -> None:
        self.set_points(zoom_step(self.points, steps) if steps else float(DEFAULT_POINTS))

    def set_spacing(self, spacing: float) -> None:
        if spacing != self.spacing:
            self.spacing = spacing
            self._relayout()
            settings.save(line_spacing=spacing)

    def set_look(self, look: SpanLook) -> None:
        look.set_font(self.font())
        self.look = look
        self.viewport().update()

    def _build(self, text: str) -> None:
        self.spaced.extra = self.line_distance()
        self.setPlainText(text)  # plain text: "<b>" stays "<b>"; every block laid out (and spaced) afresh

    def _relayout(self) -> None:
        """Lay the same text out again (zoom, spacing), keeping the selection and the first visible line."""
        cursor = self.textCursor()
        anchor, position = cursor.anchor(), cursor.position()
        top = self.cursorForPosition(QPoint(0, 0)).position()
        self._build(self._text)
        cursor = QTextCursor(self.document())
        cursor.setPosition(min(anchor, self.offsets.length))
        cursor.setPosition(min(position, self.offsets.length), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        block = self.document().findBlock(min(top, self.offsets.length))
        layout = block.layout()
        line = layout.lineForTextPosition(top - block.position()).lineNumber() if layout is not None else 0
        self.verticalScrollBar().setValue(block.firstLineNumber() + max(0, line))  # scrolled by lines
        self.viewport().update()

    # -- content -----------------------------------------------------------------------------------

    def _show_document(self, document: Document) -> None:
        self.offsets = OffsetMap(document.text)
        self._text = document.text
        self._starts, self._ends, self._focused, self.hovered = [], [], None, -1
        self._build(document.text)
        if self.document().characterCount() - 1 != self.offsets.length:
            logger.warning(
                "document %s: the view holds %d positions, the offset map expects %d",
                document.id,
                self.document().characterCount() - 1,
                self.offsets.length,
            )

    def _show_spans(self) -> None:
        spans = self.session.spans
        to_view = self.offsets.to_view
        self._starts = [to_view(s.start) for s in spans]
        self._ends = [to_view(s.end) for s in spans]
        self._longest = max((e - s for s, e in zip(self._starts, self._ends, strict=True)), default=0)
        self.hovered = -1
        focused = self.session.focused
        where = (spans[focused].start, spans[focused].end) if 0 <= focused < len(spans) else None
        if where is not None and where != self._focused:  # another span (not only another index)
            cursor = self.textCursor()
            cursor.setPosition(self._starts[focused])  # a selection just labelled is done with
            self.setTextCursor(cursor)
            self.ensureCursorVisible()
            show_whole(self.verticalScrollBar(), self.cursorRect(), self.viewport().height())
        self._focused = where
        self.viewport().update()

    # -- selection, in stored offsets ----------------------------------------------------------------

    def selection(self) -> tuple[int, int] | None:
        """The selected text as code-point offsets (None when nothing is selected)."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        return self.offsets.to_offset_range(cursor.selectionStart(), cursor.selectionEnd())

    def select(self, start: int, end: int) -> None:
        """Select code points ``[start, end)`` (for scripts and tests)."""
        cursor = self.textCursor()
        cursor.setPosition(self.offsets.to_view(start))
        cursor.setPosition(self.offsets.to_view(end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)

    def position_rect(self, offset: int) -> QRectF:
        """Viewport rectangle of the cursor before code point ``offset`` (tests click there)."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.offsets.to_view(offset))
        return QRectF(self.cursorRect(cursor))

    def offset_at(self, point: QPoint) -> int:
        """The code point under a viewport point (the character, not the nearest gap)."""
        position = self.cursorForPosition(point).position()
        cursor = QTextCursor(self.document())
        cursor.setPosition(position)
        if position > 0 and self.cursorRect(cursor).center().x() > point.x():
            position -= 1
        return self.offsets.to_offset(position)

    def span_at(self, point: QPoint) -> int:
        """The index of the (shortest) span under a viewport point, or -1."""
        offset = self.offset_at(point)
        hits = [i for i, s in enumerate(self.session.spans) if s.start <= offset < s.end]
        if not hits:
            return -1
        index = min(hits, key=lambda i: self.session.spans[i].end - self.session.spans[i].start)
        inside = any(
            r.adjusted(-1, -1, 1, 1).contains(QPointF(point))
            for r in self._rects(self._starts[index], self._ends[index])
        )
        return index if inside else -1

    # -- geometry ------------------------------------------------------------------------------------

    def _visible(self, top: int, bottom: int) -> tuple[int, int]:
        """View positions covered by the blocks between viewport y ``top`` and ``bottom``."""
        block = self.firstVisibleBlock()
        offset = self.contentOffset()
        first = block.position()
        last = first
        while block.isValid():
            geometry = self.blockBoundingGeometry(block).translated(offset)
            if geometry.top() > bottom:
                break
            if geometry.bottom() >= top:
                last = block.position() + block.length()
            else:
                first = block.next().position() if block.next().isValid() else first
            block = block.next()
        return first, last

    def _rects(self, start: int, end: int) -> list[QRectF]:
        """Viewport rectangles (one per line) covering view positions ``[start, end)``."""
        rects: list[QRectF] = []
        offset = self.contentOffset()
        block = self.document().findBlock(start)
        while block.isValid() and block.position() < end:
            layout = block.layout()
            base = block.position()
            a = max(start, base) - base
            b = min(end, base + block.length() - 1) - base
            if b > a and layout is not None and layout.lineCount():
                origin = self.blockBoundingGeometry(block).translated(offset).topLeft()
                first = layout.lineForTextPosition(a).lineNumber()
                last = layout.lineForTextPosition(b).lineNumber()
                for i in range(max(first, 0), (last if last >= 0 else layout.lineCount() - 1) + 1):
                    line = layout.lineAt(i)
                    lo = max(a, line.textStart())
                    hi = min(b, line.textStart() + line.textLength())
                    if hi <= lo:
                        continue
                    x1, x2 = cursor_x(line, lo), cursor_x(line, hi)
                    rects.append(QRectF(origin.x() + x1, origin.y() + line.y(), x2 - x1, line.height()))
            block = block.next()
        return rects

    def visible_spans(self, top: int, bottom: int) -> list[int]:
        """Indices of the spans that intersect the blocks between viewport y ``top`` and ``bottom``."""
        first, last = self._visible(top, bottom)
        lo = bisect.bisect_left(self._starts, first - self._longest)
        hi = bisect.bisect_left(self._starts, last)
        return [i for i in range(lo, hi) if self._ends[i] > first]

    # -- painting ----------------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        area = event.rect()
        spans = self.session.spans
        look = self.look
        shown = (
            [
                (i, rects, look.fill_rects(rects))
                for i in self.visible_spans(area.top() - self.line_distance(), area.bottom())
                for rects in (self._rects(self._starts[i], self._ends[i]),)
            ]
            if self._starts
            else []
        )
        painter = QPainter(self.viewport())
        for i, _rects, fills in shown:  # fills under the text
            fill = look.style(spans[i]).fill
            for rect in fills:
                painter.fillRect(rect, fill)
        painter.end()
        super().paintEvent(event)
        painter = QPainter(self.viewport())  # marks over it: cheap, unantialiased, only for visible spans
        for i, _rects, fills in shown:
            look.paint_marks(painter, spans[i], fills)
        self.painted = self._paint_tags(painter, shown)
        painter.end()

    def _paint_tags(
        self, painter: QPainter, shown: list[tuple[int, list[QRectF], list[QRectF]]]
    ) -> list[PaintedSpan]:
        """Tags in the band above the lines: every shown rejected span's (left to right, one that would
        overlap a tag already drawn is left out: its tooltip names it), then the hovered span's, then the
        focused span's on top of all."""
        spans = self.session.spans
        focused, hovered = self.session.focused, self.hovered
        right_edge = float(self.viewport().width())
        tags: dict[int, QRectF] = {}
        taken: list[QRectF] = []
        for i, _rects, fills in shown:
            if spans[i].status is Status.REJECTED and fills and i not in (focused, hovered):
                rect = self.look.tag_rect(spans[i].label, fills[0], right_edge)
                if not any(rect.intersects(other) for other in taken):
                    taken.append(rect)
                    tags[i] = rect
                    self.look.paint_tag(painter, spans[i], rect, strong=False)
        for i, rects, _fills in shown:
            if i == focused:
                self.look.paint_focus(painter, rects)
        for i, _rects, fills in sorted(shown, key=lambda item: item[0] == focused):
            if i in (focused, hovered) and fills:
                rect = self.look.tag_rect(spans[i].label, fills[0], right_edge)
                tags[i] = rect
                self.look.paint_tag(painter, spans[i], rect, strong=i == focused)
        return [
            PaintedSpan(i, spans[i].label, spans[i].status, tuple(fills), tags.get(i))
            for i, _rects, fills in shown
        ]

    # -- mouse and hover -----------------------------------------------------------------------------

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        clicked = event.button() is Qt.MouseButton.LeftButton and not self.textCursor().hasSelection()
        if clicked and not self.session.focus_at(self.offset_at(event.position().toPoint())):
            self.session.clear_focus()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        """A double click selects jieba's word under the pointer, not Qt's whole run of hanzi up to the next
        punctuation (while jieba loads, and in the review window, which has no tokenizer at hand, Qt's)."""
        learning, document = getattr(self.session, "learning", None), getattr(self.session, "document", None)
        offset = self.offset_at(event.position().toPoint())
        word = learning.word_at(document.text, offset) if learning and document else None
        if event.button() is not Qt.MouseButton.LeftButton or word is None:
            return super().mouseDoubleClickEvent(event)
        self.select(*word)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        super().mouseMoveEvent(event)
        hovered = self.span_at(event.position().toPoint()) if self._starts else -1
        if hovered != self.hovered:
            self.hovered = hovered
            self.viewport().update()

    def leaveEvent(self, event: QEvent) -> None:
        super().leaveEvent(event)
        if self.hovered >= 0:
            self.hovered = -1
            self.viewport().update()

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:  # Ctrl+wheel zooms, as Ctrl+= / Ctrl+-
            delta = event.angleDelta().y()
            if delta:
                self.zoom(1 if delta > 0 else -1)
            event.accept()
            return
        super().wheelEvent(event)

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() is QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            offset = self.offset_at(event.pos())
            hits = [s for s in self.session.spans if s.start <= offset < s.end]
            if hits:
                QToolTip.showText(
                    event.globalPos(),
                    "\n".join(f"{s.label} · {word(s.status)} · {origin_said(s.origin)}" for s in hits),
                    self.viewport(),
                )
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)
