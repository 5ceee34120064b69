"""The one place that converts between stored offsets and positions in the article view.

Stored offsets are Python code-point offsets into the document's text. ``QPlainTextEdit`` counts UTF-16 code
units (a character beyond U+FFFF, such as 𠮷 or an emoji, takes two positions) and rewrites line breaks as
block separators: ``\\n`` and U+2029 become one separator each (one position, like the character they
replace), U+2028 stays one position, and ``\\r\\n`` collapses into a single separator. Stored text has
``\\r\\n`` normalised to ``\\n`` already; the map is robust to it anyway.
"""

from __future__ import annotations

import bisect
import re

_SPECIAL = re.compile("[\U00010000-\U0010ffff]|\r\n")


class OffsetMap:
    """Code-point offsets ↔ view positions for one text. Building it is O(number of special characters)."""

    def __init__(self, text: str) -> None:
        self.text = text
        # Code-point index of each character whose width in the view is not one position, and that width
        # minus one (+1 for a character beyond the BMP, -1 for the \n of \r\n: it shares the \r's position).
        self._index: list[int] = []
        self._cumulative: list[int] = []  # sum of the deltas up to and including this entry
        self._after: list[int] = []  # view position just after that character
        total = 0
        for match in _SPECIAL.finditer(text):
            if match.group() == "\r\n":
                index, delta = match.start() + 1, -1
            else:
                index, delta = match.start(), 1
            total += delta
            self._index.append(index)
            self._cumulative.append(total)
            self._after.append(index + 1 + total)
        self.length = len(text) + total  # view positions covered by the text

    @property
    def identity(self) -> bool:
        return not self._index

    def to_view(self, offset: int) -> int:
        """The view position of code-point ``offset`` (0 ≤ offset ≤ len(text))."""
        if not self._index:
            return offset
        before = bisect.bisect_left(self._index, offset)  # special characters strictly before offset
        return offset + (self._cumulative[before - 1] if before else 0)

    def to_offset(self, position: int) -> int:
        """The code-point offset at view ``position``. A position inside a surrogate pair rounds up to after
        the character; the position of a collapsed ``\\r\\n`` maps to after the newline."""
        if not self._index:
            return position
        passed = bisect.bisect_right(self._after, position)  # special characters that end at or before it
        offset = position - (self._cumulative[passed - 1] if passed else 0)
        return max(0, min(offset, len(self.text)))

    def to_view_range(self, start: int, end: int) -> tuple[int, int]:
        return self.to_view(start), self.to_view(end)

    def to_offset_range(self, start: int, end: int) -> tuple[int, int]:
        return self.to_offset(start), self.to_offset(end)
