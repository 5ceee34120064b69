"""Stored code-point offsets ↔ positions in the article view, against a real QPlainTextEdit."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication, QPlainTextEdit
from pytestqt.qtbot import QtBot

from gui.offsets import OffsetMap

SEPARATORS = {"\n": "\u2029", "\u2029": "\u2029", "\u2028": "\u2028"}
SAMPLES = [
    "plain ascii",
    "𠮷野家\u3000𠮷田😀说:\r\n东京\u2028大阪\n北京",
    "\r\n\r\n😀\r\n",
    "a\u2029b\u2028c\nd",
    "",
]


def view_char(editor: QPlainTextEdit, position: int) -> str:
    return editor.document().characterAt(position)


def expected_view_text(text: str) -> list[str]:
    """What QTextDocument holds for ``text``: UTF-16 units, line breaks as block separators."""
    units: list[str] = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch == "\r" and text[i + 1 : i + 2] == "\n":
            units.append("\u2029")
            i += 2
            continue
        if ord(ch) > 0xFFFF:
            units.extend(
                [chr(0xD800 + ((ord(ch) - 0x10000) >> 10)), chr(0xDC00 + ((ord(ch) - 0x10000) & 0x3FF))]
            )
        else:
            units.append(SEPARATORS.get(ch, ch))
        i += 1
    return units


@pytest.mark.parametrize("text", SAMPLES)
def test_every_character_lands_where_the_view_holds_it(qtbot: QtBot, text: str) -> None:
    editor = QPlainTextEdit()
    qtbot.addWidget(editor)
    editor.setPlainText(text)
    offsets = OffsetMap(text)
    assert editor.document().characterCount() - 1 == offsets.length == len(expected_view_text(text))
    for i, ch in enumerate(text):
        if ch == "\n" and i and text[i - 1] == "\r":
            continue  # shares the \r's block separator
        position = offsets.to_view(i)
        shown = view_char(editor, position)
        if ord(ch) > 0xFFFF:
            assert 0xD800 <= ord(shown) < 0xDC00
            assert offsets.to_view(i + 1) == position + 2
        else:
            assert shown == ("\u2029" if ch in "\r\n\u2029" else ch), (i, ch)
        assert offsets.to_offset(position) == i
    assert offsets.to_view(len(text)) == offsets.length
    assert offsets.to_offset(offsets.length) == len(text)


def test_surrogate_middle_and_crlf_round_to_after() -> None:
    offsets = OffsetMap("a𠮷b\r\nc")
    assert [offsets.to_view(i) for i in range(7)] == [0, 1, 3, 4, 5, 5, 6]
    assert offsets.to_offset(2) == 2  # inside the surrogate pair: after 𠮷
    assert offsets.to_offset(5) == 5  # the collapsed \r\n: after the newline
    assert offsets.to_view_range(1, 2) == (1, 3)


@settings(max_examples=200, deadline=None)
@given(
    st.text(alphabet=st.sampled_from(["a", "中", "\u3000", "𠮷", "😀", "\n", "\r", "\u2028"]), max_size=40)
)
def test_round_trip_everywhere_but_inside_a_crlf(qapp: QApplication, text: str) -> None:
    offsets = OffsetMap(text)
    document = QTextDocument()
    document.setPlainText(text)
    assert document.characterCount() - 1 == offsets.length
    for i, ch in enumerate(text):
        if ord(ch) <= 0xFFFF and not (ch == "\n" and i and text[i - 1] == "\r"):
            assert document.characterAt(offsets.to_view(i)) == ("\u2029" if ch in "\r\n" else ch)
    for i in range(len(text) + 1):
        if 0 < i < len(text) and text[i - 1] == "\r" and text[i] == "\n":
            assert offsets.to_offset(offsets.to_view(i)) == i + 1
        else:
            assert offsets.to_offset(offsets.to_view(i)) == i
    views = [offsets.to_view(i) for i in range(len(text) + 1)]
    assert views == sorted(views) and views[-1] == offsets.length
