"""How a span looks, for every window that draws an article (annotation and review both go through
``ArticleView``): its fill, the marks over the text, its label tag, and the per-user choices behind them
(colour-vision-safe colours, an underline style per label).

Geometry rule: a span's fill stops ``inset`` pixels short of its own start and end, so two adjacent spans
(美国|越南) always show a gap between them, whatever the zoom. The marks say what a span is:
- suggested: a pale fill and a dashed outline;
- accepted: a solid fill, a bar at each end and the label's underline style;
- rejected (shown on request): struck through, with its label in a tag above it.
Tags sit in the empty band above each line (the line spacing always leaves room for one), so a tag never
covers text.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen

from gui import settings
from gui.i18n import QT_TRANSLATE_NOOP
from model.spans import SAFE_COLOURS, Label, Span, Status

logger = logging.getLogger(__name__)

FALLBACK_COLOUR = "#888888"
FILL_ALPHA = {Status.SUGGESTED: 40, Status.ACCEPTED: 105, Status.REJECTED: 24}
UNDERLINES = ("solid", "double", "dashed", "dotted", "wavy", "none")
UNDERLINE_NAMES = {  # as the Label styles dialog shows them
    "solid": QT_TRANSLATE_NOOP("LabelStyleDialog", "solid"),
    "double": QT_TRANSLATE_NOOP("LabelStyleDialog", "double"),
    "dashed": QT_TRANSLATE_NOOP("LabelStyleDialog", "dashed"),
    "dotted": QT_TRANSLATE_NOOP("LabelStyleDialog", "dotted"),
    "wavy": QT_TRANSLATE_NOOP("LabelStyleDialog", "wavy"),
    "none": QT_TRANSLATE_NOOP("LabelStyleDialog", "none"),
}
DEFAULT_UNDERLINES = ("solid", "double", "dashed", "dotted", "wavy")  # by label position, then cycling
TAG_SCALE = 0.68  # the tag's font size, relative to the article's
MIN_TAG_POINTS = 9.0
INK_TOP = 0.92  # Chinese and Latin glyphs rise at most this many ems above the baseline (accents included)
INK_BOTTOM = 0.25  # and reach at most this far below it (descenders)


@dataclass(frozen=True, slots=True)
class PaintedSpan:
    """What the article view drew for one span in its last paint (viewport coordinates)."""

    index: int  # in the session's span list
    label: str
    status: Status
    fills: tuple[QRectF, ...]  # the filled rectangles, one per line, inset at the span's own ends
    tag: QRectF | None  # the label tag, if one is drawn


@dataclass(frozen=True, slots=True)
class Style:
    fill: QColor
    mark: QColor  # the colour of the ends, underline, strike-through
    outline: QPen  # dashed, for suggestions


def default_underline(position: int) -> str:
    return DEFAULT_UNDERLINES[position % len(DEFAULT_UNDERLINES)]


def readable_on(colour: QColor) -> QColor:
    """Black or white, whichever reads better on ``colour`` (WCAG relative luminance)."""

    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    luminance = (
        0.2126 * linear(colour.redF()) + 0.7152 * linear(colour.greenF()) + 0.0722 * linear(colour.blueF())
    )
    return QColor("#000000") if luminance > 0.179 else QColor("#ffffff")


class SpanLook:
    """Colours, underline styles and the tag font for one label set; styles are cached per (label, status)."""

    def __init__(
        self, labels: list[Label], safe_colours: bool = False, underlines: dict[str, str] | None = None
    ) -> None:
        self.labels = labels
        self.safe_colours = safe_colours
        self.underlines = {
            label.name: (underlines or {}).get(label.name, default_underline(label.position))
            for label in labels
        }
        self.colours = {
            label.name: QColor(SAFE_COLOURS[i % len(SAFE_COLOURS)] if safe_colours else label.colour)
            for i, label in enumerate(labels)
        }
        self._styles: dict[tuple[str, Status], Style] = {}
        self.tag_font = QFont()
        self.tag_height = 0.0
        self.top_free = 0.0  # ink-free pixels at the top of a line box (its ascent beyond the glyphs)
        self.bottom_free = 0.0  # and at its bottom
        self.inset = 1.0

    @classmethod
    def remembered(cls, labels: list[Label]) -> SpanLook:
        """The look this user chose (``gui.settings``): safe colours or not, underline styles."""
        values = settings.load()
        return cls(labels, bool(values.get("safe_colours", False)), dict(values.get("underlines", {})))

    def colour(self, label: str) -> QColor:
        return self.colours.get(label, QColor(FALLBACK_COLOUR))

    def underline(self, label: str) -> str:
        return self.underlines.get(label, "solid")

    def style(self, span: Span) -> Style:
        key = (span.label, span.status)
        style = self._styles.get(key)
        if style is None:
            colour = QColor(self.colour(span.label))
            fill = QColor(FALLBACK_COLOUR if span.status is Status.REJECTED else colour)
            fill.setAlpha(FILL_ALPHA[span.status])
            mark = colour.darker(125)
            outline = colour.darker(150)  # a pale label colour (light blue, yellow) must show on white
            style = self._styles[key] = Style(fill, mark, QPen(outline, 0, Qt.PenStyle.DashLine))
        return style

    def set_font(self, article: QFont) -> None:
        """Size the tags (and the gap between adjacent spans) from the article's font."""
        self.tag_font = QFont(article)
        self.tag_font.setPointSizeF(max(MIN_TAG_POINTS, article.pointSizeF() * TAG_SCALE))
        self.tag_font.setBold(True)
        em = QFontMetricsF(self.tag_font).horizontalAdvance("国")  # a Chinese label name needs a full em
        self.tag_height = float(round(em + 2))
        metrics = QFontMetricsF(article)
        em = metrics.horizontalAdvance("国")
        self.top_free = max(0.0, metrics.ascent() - INK_TOP * em)
        self.bottom_free = max(0.0, metrics.descent() - INK_BOTTOM * em)
        self.inset = max(1.0, round(em / 12))

    @property
    def lane(self) -> int:
        """The space between two lines that a tag needs to touch no glyph of either (the line spacing never
        leaves less)."""
        return max(2, int(self.tag_height + 2 - self.top_free - self.bottom_free + 0.999))

    # -- geometry --------------------------------------------------------------------------------------

    def fill_rects(self, rects: list[QRectF]) -> list[QRectF]:
        """The span's line rectangles, pulled in by ``inset`` at its own start and end."""
        if not rects:
            return rects
        out = list(rects)
        out[0] = out[0].adjusted(self.inset, 0, 0, 0)
        out[-1] = out[-1].adjusted(0, 0, -self.inset, 0)
        return [r for r in out if r.width() > 0]

    def tag_rect(self, text: str, first: QRectF, right_edge: float) -> QRectF:
        """Where the tag of a span whose first line rectangle is ``first`` goes: in the band above it, at its
        start, moved left if it would leave the viewport."""
        width = QFontMetricsF(self.tag_font).horizontalAdvance(text) + 8
        left = min(first.left(), right_edge - width - 2)
        top = first.top() + self.top_free - self.tag_height - 1
        return QRectF(max(0.0, left), top, width, self.tag_height)

    # -- painting --------------------------------------------------------------------------------------

    def paint_marks(self, painter: QPainter, span: Span, fills: list[QRectF]) -> None:
        style = self.style(span)
        if not fills:
            return
        if span.status is Status.SUGGESTED:  # tentative: a dashed outline
            painter.setPen(style.outline)
            for rect in fills:
                painter.drawRect(rect.adjusted(0, 0, -1, -1))
            return
        first, last = fills[0], fills[-1]
        end = 2.0 if span.status is Status.ACCEPTED else 1.0
        painter.fillRect(QRectF(first.left(), first.top(), end, first.height()), style.mark)
        painter.fillRect(QRectF(last.right() - end, last.top(), end, last.height()), style.mark)
        if span.status is Status.ACCEPTED:
            underline = self.underline(span.label)
            for rect in fills:
                self._underline(painter, rect, underline, style.mark)
        else:  # rejected: struck through
            for rect in fills:
                painter.fillRect(QRectF(rect.left(), rect.center().y() - 1, rect.width(), 2), style.mark)

    @staticmethod
    def _underline(painter: QPainter, rect: QRectF, kind: str, colour: QColor) -> None:
        left, right, bottom = rect.left(), rect.right(), rect.bottom()
        if kind == "solid":
            painter.fillRect(QRectF(left, bottom - 2, rect.width(), 2), colour)
        elif kind == "double":
            painter.fillRect(QRectF(left, bottom - 1, rect.width(), 1), colour)
            painter.fillRect(QRectF(left, bottom - 4, rect.width(), 1), colour)
        elif kind in ("dashed", "dotted"):
            dash, gap = (6.0, 3.0) if kind == "dashed" else (2.0, 2.0)
            x = left
            while x < right:
                painter.fillRect(QRectF(x, bottom - 2, min(dash, right - x), 2), colour)
                x += dash + gap
        elif kind == "wavy":
            path = QPainterPath(QPointF(left, bottom - 1))
            x, up = left, True
            while x < right:
                x = min(x + 3.0, right)
                path.lineTo(QPointF(x, bottom - (4 if up else 1)))
                up = not up
            painter.setPen(QPen(colour, 1.5))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(path)

    def paint_tag(self, painter: QPainter, span: Span, rect: QRectF, strong: bool) -> None:
        """The label's name in a tag: the label's colour (dark and framed for the focused span), or, for a
        rejected span, a pale tag with the name struck through."""
        painter.setFont(self.tag_font)
        if span.status is Status.REJECTED:
            painter.fillRect(rect, QColor("#eeeeee"))
            painter.setPen(QPen(self.style(span).mark, 1))
            painter.drawRect(rect.adjusted(0, 0, -1, -1))
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, span.label)
            y = rect.center().y()
            painter.drawLine(QPointF(rect.left() + 3, y), QPointF(rect.right() - 3, y))
            return
        background = QColor("#111111") if strong else self.colour(span.label)
        painter.fillRect(rect, background)
        painter.setPen(readable_on(background))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, span.label)

    @staticmethod
    def paint_focus(painter: QPainter, rects: list[QRectF]) -> None:
        """A thick dark frame around the focused span's full rectangles."""
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
