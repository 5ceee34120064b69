"""The article's text layout: plain text with a band above every line, where the label tags go."""

from __future__ import annotations

from typing import cast

from PySide6.QtCore import QPointF, QRect, QRectF
from PySide6.QtGui import QTextBlock, QTextDocument, QTextLine
from PySide6.QtWidgets import QPlainTextDocumentLayout, QScrollBar


def cursor_x(line: QTextLine, position: int) -> float:
    """The x of a cursor position in ``line``: PySide6's ``cursorToX`` returns ``(x, position)``, which its
    stubs type as ``object``."""
    x, _position = cast(tuple[float, int], line.cursorToX(position))
    return x


FRAME = 3  # pixels a focused span's frame reaches below its line


def show_whole(bar: QScrollBar, line: QRect, height: int) -> None:
    """After ``ensureCursorVisible``: QPlainTextEdit counts a line near the bottom as shown while the top
    margin it leaves out cuts it (and a focused span's frame on it); one more line of scrolling shows it."""
    if line.bottom() + FRAME > height and bar.value() < bar.maximum():
        bar.setValue(bar.value() + 1)  # the bar counts lines


class SpacedLayout(QPlainTextDocumentLayout):
    """A plain-text layout with ``extra`` pixels above every line (the band where label tags go) and below
    the last one.

    ``QPlainTextEdit`` ignores a block's line height, and ``QTextEdit`` honours it but lays the whole text
    out at once (a 100,000-character article costs ~100 ms more to open). This keeps the plain layout's lazy,
    block-by-block work and moves each block's lines down once it is laid out; the block's rectangle, hit
    tests and cursor rectangles all follow the lines' positions."""

    def __init__(self, document: QTextDocument, extra: int) -> None:
        super().__init__(document)
        self.extra = extra

    def blockBoundingRect(self, block: QTextBlock) -> QRectF:
        layout = block.layout()
        if layout is not None:
            if not layout.lineCount():
                super().blockBoundingRect(block)  # lays the block out
            count = layout.lineCount()
            if count and layout.lineAt(0).y() < self.extra - 0.5:  # laid out afresh: not spaced yet
                for i in range(count):
                    line = layout.lineAt(i)
                    line.setPosition(QPointF(line.x(), line.y() + (i + 1) * self.extra))
        rect = super().blockBoundingRect(block)
        if not block.next().isValid():
            # room below the last line: QPlainTextEdit's scroll range leaves the top margin out, and
            # scrolled to the end it cut the last line (and a focused span's frame there) by that much
            rect.adjust(0, 0, 0, self.extra)
        return rect
