"""The article: plain text (never HTML) in a CJK font, with the spans painted over it.

Only the spans that intersect the visible blocks are painted, straight from the block layouts, so a long
article with thousands of spans scrolls as fast as plain text. Suggestions: pale fill, dashed outline.
Accepted: their label's solid colour. Rejected (only when shown): grey, struck through. The focused span:
a thick dark frame. Hovering a span shows its label, status and origin.
"""

from __future__ import annotations

import bisect
import logging
from typing import cast

from PySide6.QtCore import QEvent, QPoint, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QHelpEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QTextCursor,
    QTextLine,
)
from PySide6.QtWidgets import QPlainTextEdit, QToolTip, QWidget

from gui.offsets import OffsetMap
from gui.session import AnnotationSession
from model.spans import Document, Span, Status

logger = logging.getLogger(__name__)

CJK_FAMILIES = [
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "Noto Sans SC",
    "Microsoft YaHei",
    "PingFang SC",
    "WenQuanYi Micro Hei",
    "Sans Serif",
]
FALLBACK_COLOUR = "#888888"


def article_font(size: int = 14) -> QFont:
    font = QFont()
    font.setFamilies(CJK_FAMILIES)
    font.setPointSize(size)
    return font


def _cursor_x(line: QTextLine, position: int) -> float:
    """The x of a cursor position in ``line``: PySide6's ``cursorToX`` returns ``(x, position)``, which its
    stubs type as ``object``."""
    x, _position = cast(tuple[float, int], line.cursorToX(position))
    return x


class ArticleView(QPlainTextEdit):
    def __init__(self, session: AnnotationSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("articleView")
        # always there, so the text never reflows (and is never laid out twice) when an article is long enough
        # to need it
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.session = session
        self.setReadOnly(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setFont(article_font())
        self.setCursorWidth(2)
        self.viewport().setMouseTracking(True)
        self.offsets = OffsetMap("")
        self._starts: list[int] = []  # view positions of the spans, in the session's order (sorted by start)
        self._ends: list[int] = []
        self._longest = 0
        self._focused = -1
        self._colours = {label.name: QColor(label.colour) for label in session.labels}
        self._styles: dict[tuple[str, Status], tuple[QColor, QColor, QPen]] = {}
        self._badge_font = QFont(self.font())
        self._badge_font.setPointSizeF(max(7.0, self.font().pointSizeF() * 0.55))
        session.documentOpened.connect(self._show_document)
        session.spansChanged.connect(self._show_spans)

    # -- content -----------------------------------------------------------------------------------

    def _show_document(self, document: Document) -> None:
        self.offsets = OffsetMap(document.text)
        self._starts, self._ends, self._focused = [], [], -1
        self.setPlainText(document.text)  # plain text: "<b>" stays "<b>"
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
        focused = self.session.focused
        if focused != self._focused and focused >= 0:
            cursor = self.textCursor()
            cursor.setPosition(self._starts[focused])
            self.setTextCursor(cursor)
            self.ensureCursorVisible()
        self._focused = focused
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

    # -- painting ----------------------------------------------------------------------------------

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
            origin = self.blockBoundingGeometry(block).translated(offset).topLeft()
            base = block.position()
            a = max(start, base) - base
            b = min(end, base + block.length() - 1) - base
            if b > a and layout is not None and layout.lineCount():
                first = layout.lineForTextPosition(a).lineNumber()
                last = layout.lineForTextPosition(b).lineNumber()
                for i in range(max(first, 0), (last if last >= 0 else layout.lineCount() - 1) + 1):
                    line = layout.lineAt(i)
                    lo = max(a, line.textStart())
                    hi = min(b, line.textStart() + line.textLength())
                    if hi <= lo:
                        continue
                    x1, x2 = _cursor_x(line, lo), _cursor_x(line, hi)
                    rects.append(QRectF(origin.x() + x1, origin.y() + line.y(), x2 - x1, line.height()))
            block = block.next()
        return rects

    def visible_spans(self, top: int, bottom: int) -> list[int]:
        """Indices of the spans that intersect the blocks between viewport y ``top`` and ``bottom``."""
        first, last = self._visible(top, bottom)
        lo = bisect.bisect_left(self._starts, first - self._longest)
        hi = bisect.bisect_left(self._starts, last)
        return [i for i in range(lo, hi) if self._ends[i] > first]

    def paintEvent(self, event: QPaintEvent) -> None:
        area = event.rect()
        shown = (
            [
                (i, self._rects(self._starts[i], self._ends[i]))
                for i in self.visible_spans(area.top(), area.bottom())
            ]
            if self._starts
            else []
        )
        spans = self.session.spans
        painter = QPainter(self.viewport())
        for i, rects in shown:  # fills under the text
            fill = self._style(spans[i])[0]
            for rect in rects:
                painter.fillRect(rect, fill)
        painter.end()
        super().paintEvent(event)
        painter = QPainter(self.viewport())  # marks over it: cheap, unantialiased, only for visible spans
        for i, rects in shown:
            self._paint_marks(painter, spans[i], rects)
        focused = self.session.focused
        for i, rects in shown:
            if i == focused:
                self._paint_focus(painter, spans[i], rects)
        painter.end()

    def _style(self, span: Span) -> tuple[QColor, QColor, QPen]:
        """(fill, mark colour, dashed pen) for a span's label and status, cached."""
        key = (span.label, span.status)
        style = self._styles.get(key)
        if style is None:
            colour = QColor(self._colours.get(span.label, QColor(FALLBACK_COLOUR)))
            if span.status is Status.REJECTED:
                colour = QColor(FALLBACK_COLOUR)
            fill = QColor(colour)
            fill.setAlpha({Status.SUGGESTED: 40, Status.ACCEPTED: 105, Status.REJECTED: 30}[span.status])
            pen = QPen(colour, 0, Qt.PenStyle.DashLine)
            style = self._styles[key] = (fill, colour.darker(125), pen)
        return style

    def _paint_marks(self, painter: QPainter, span: Span, rects: list[QRectF]) -> None:
        _fill, colour, pen = self._style(span)
        if span.status is Status.SUGGESTED:  # tentative: a dashed outline
            painter.setPen(pen)
            for rect in rects:
                painter.drawRect(rect.adjusted(0, 0, -1, -1))
        elif span.status is Status.ACCEPTED:  # decided: a solid bar under the solid fill
            for rect in rects:
                painter.fillRect(QRectF(rect.left(), rect.bottom() - 2, rect.width(), 2), colour)
        else:  # rejected (shown on request): struck through
            for rect in rects:
                painter.fillRect(QRectF(rect.left(), rect.center().y(), rect.width(), 1), colour)

    def _paint_focus(self, painter: QPainter, span: Span, rects: list[QRectF]) -> None:
        """A thick dark frame, and the label in a badge over the span's top-left corner."""
        dark = QColor("#111111")
        for rect in rects:
            outer = rect.adjusted(-2, -1, 2, 1)
            for edge in (
                QRectF(outer.left(), outer.top(), outer.width(), 2),
                QRectF(outer.left(), outer.bottom() - 2, outer.width(), 2),
                QRectF(outer.left(), outer.top(), 2, outer.height()),
                QRectF(outer.right() - 2, outer.top(), 2, outer.height()),
            ):
                painter.fillRect(edge, dark)
        if rects:
            first = rects[0]
            painter.setFont(self._badge_font)
            metrics = painter.fontMetrics()
            top = first.top() - metrics.height()
            if top < 0:  # no room above the first line: put the badge under the span
                top = rects[-1].bottom() + 1
            badge = QRectF(first.left() - 2, top, metrics.horizontalAdvance(span.label) + 6, metrics.height())
            painter.fillRect(badge, dark)
            painter.setPen(QColor("#ffffff"))
            painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, span.label)

    # -- mouse and hover -----------------------------------------------------------------------------

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        clicked = event.button() is Qt.MouseButton.LeftButton and not self.textCursor().hasSelection()
        if clicked and not self.session.focus_at(self.offset_at(event.position().toPoint())):
            self.session.clear_focus()

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() is QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            offset = self.offset_at(event.pos())
            hits = [s for s in self.session.spans if s.start <= offset < s.end]
            if hits:
                QToolTip.showText(
                    event.globalPos(),
                    "\n".join(f"{s.label} · {s.status.value} · {s.origin.value}" for s in hits),
                    self.viewport(),
                )
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)
