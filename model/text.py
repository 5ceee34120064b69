"""Text normalisation that newstag allows itself: line endings only. Never NFKC, never width folding. And how
wide a text is in a terminal, so that tables with Chinese names line up."""

from __future__ import annotations

import bisect
import re
import unicodedata
from typing import Protocol

ASTRAL = re.compile("[\U00010000-\U0010ffff]")  # two UTF-16 code units each (a surrogate pair)


def line_ending_kind(text: str) -> str:
    """``lf``, ``crlf``, ``cr``, ``mixed`` or ``none``: what the text arrived with."""
    crlf = text.count("\r\n")
    cr = text.count("\r") - crlf
    lf = text.count("\n") - crlf
    kinds = [name for name, n in (("crlf", crlf), ("cr", cr), ("lf", lf)) if n]
    if not kinds:
        return "none"
    return kinds[0] if len(kinds) == 1 else "mixed"


class OffsetMap(Protocol):
    def __call__(self, offset: int, start: bool = False) -> int: ...


def normalise_newlines(text: str) -> tuple[str, OffsetMap]:
    """Rewrite ``\\r\\n`` and lone ``\\r`` as ``\\n``. Returns the new text and a function that maps an offset
    in the old text to the offset of the same character in the new one. An offset between ``\\r`` and ``\\n``
    maps to after the newline, or, for the ``start`` of a span, to before it: a span over half of a
    ``\\r\\n`` covers the line break it becomes (over its ``\\n`` alone it would cover nothing)."""
    if "\r" not in text:

        def same(offset: int, start: bool = False) -> int:
            return offset

        return text, same
    # Offsets (in the old text) of every \n that follows a \r: each one disappears.
    dropped = [i + 1 for i in range(len(text) - 1) if text[i] == "\r" and text[i + 1] == "\n"]
    new_text = text.replace("\r\n", "\n").replace("\r", "\n")

    def mapper(offset: int, start: bool = False) -> int:
        # characters removed strictly before `offset`; an offset pointing at a removed \n counts it too
        removed = bisect.bisect_right(dropped, offset)
        if removed and dropped[removed - 1] == offset and not start:
            return offset - removed + 1
        return offset - removed

    return new_text, mapper


def first_line_title(text: str, limit: int = 120) -> str:
    """The first non-empty line, stripped and shortened to ``limit`` characters."""
    for line in text.split("\n"):
        if line.strip():
            title = line.strip()
            return title if len(title) <= limit else title[: limit - 1] + "…"
    return ""


def find_all(text: str, surface: str) -> list[int]:
    """Start offsets of every non-overlapping occurrence of ``surface`` in ``text``."""
    found, i = [], text.find(surface)
    while i >= 0:
        found.append(i)
        i = text.find(surface, i + len(surface))
    return found


def display_width(text: str) -> int:
    """Columns ``text`` takes in a terminal: wide and full-width characters (hanzi, 。) two, combining marks
    and invisible format characters none, everything else one."""
    width = 0
    for ch in text:
        if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
            continue
        width += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return width


def clip(text: str, columns: int) -> str:
    """``text`` cut to at most ``columns`` terminal columns (a cut name ends in …)."""
    if display_width(text) <= columns:
        return text
    kept, width = "", 0
    for ch in text:
        w = display_width(ch)
        if width + w > columns - 1:
            break
        kept, width = kept + ch, width + w
    return kept + "…"


def pad(text: str, columns: int, right: bool = False) -> str:
    """``text`` padded with spaces to ``columns`` terminal columns (left-aligned, or right-aligned), so that
    the columns after a Chinese name line up with those after a Latin one."""
    fill = " " * max(0, columns - display_width(text))
    return fill + text if right else text + fill


def utf16_length(text: str) -> int:
    """How many UTF-16 code units ``text`` takes (Java and JavaScript count so): 𠮷 and 😀 count 2."""
    return len(text) + sum(1 for _ in ASTRAL.finditer(text))


class Utf16Offsets:
    """One text's offsets in UTF-16 code units (what Label Studio, doccano's front end and INCEpTION write)
    and in code points (what newstag stores), each turned into the other."""

    def __init__(self, text: str) -> None:
        # code-point index of each astral character; UTF-16 index = code-point index + astral ones before
        self.astral = [m.start() for m in ASTRAL.finditer(text)]
        self.utf16_starts = [i + k for k, i in enumerate(self.astral)]
        self.utf16_length = len(text) + len(self.astral)

    def to_codepoints(self, offset: int) -> int | None:
        """None where the offset falls inside a surrogate pair or outside the text."""
        if not 0 <= offset <= self.utf16_length:
            return None
        k = bisect.bisect_left(self.utf16_starts, offset)
        if k and self.utf16_starts[k - 1] + 1 == offset:
            return None  # between the two halves of one astral character
        return offset - k

    def to_utf16(self, offset: int) -> int:
        """The UTF-16 offset of code-point offset ``offset`` (0 to the text's length)."""
        return offset + bisect.bisect_left(self.astral, offset)
