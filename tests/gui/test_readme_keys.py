"""The README's key tables and the windows' own lists of keys (Help → Shortcuts, F1) name the same keys: an
annotator who learns one from the other finds every key where the other says it is."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from gui.shortcuts_dialog import NAME_ROLE, ShortcutsDialog
from model.spans import DocumentId
from storage.project import Project
from tests.gui.test_review_window import open_window, reviewed  # noqa: F401 (a fixture)

README = Path(__file__).resolve().parents[2] / "README.md"
PORTABLE = QKeySequence.SequenceFormat.PortableText
LABEL_KEYS = "1–9"  # how both lists name the label keys


def readme_keys(header: str) -> set[str]:
    """The keys in the first column of the README table that starts with ``header``, one name for each
    (Delete, not Del); what is not a key (a mouse drag, a double click) is left out."""
    lines = README.read_text(encoding="utf-8").split(header, 1)[1].splitlines()[2:]
    keys: set[str] = set()
    for line in lines:
        if not line.startswith("|"):
            break
        cell = line.split("|")[1].replace("`", "")
        for part in (p for half in cell.split(" / ") for p in ([half] if half == "," else half.split(", "))):
            part = re.sub(r"\(.*?\)| on a selection", "", part).strip()
            if part == "[ ":
                part = "["
            if part.startswith(LABEL_KEYS):
                keys.add(LABEL_KEYS)
            elif (key := QKeySequence(part)).count() == 1 and not re.search("[←→]", part):
                keys.add(key.toString(PORTABLE))
    keys.discard("")
    return keys


def listed_keys(qtbot: QtBot, window, widget) -> set[str]:
    """The keys the window's Help → Shortcuts table lists (F1), the label keys named as one range."""
    qtbot.keyClick(widget, Qt.Key.Key_F1)
    dialog = window.findChild(ShortcutsDialog)
    qtbot.waitUntil(lambda: dialog is not None and dialog.isVisible())
    keys = set()
    for row in range(dialog.table.rowCount()):
        name = dialog.table.item(row, 0).data(NAME_ROLE) or ""
        for key in dialog.table.item(row, 0).text().split(" / "):
            sequence = QKeySequence(key)
            if "label_" in str(name) and sequence.toString(PORTABLE) in "123456789":
                keys.add(LABEL_KEYS)
            elif sequence.count() == 1 and key:
                keys.add(sequence.toString(PORTABLE))
    keys.discard("")  # the fixed row (a mouse drag) is no key
    dialog.close()
    QApplication.processEvents()
    return keys


def test_the_annotation_windows_keys_are_the_readmes(qtbot: QtBot, make_window, corpus) -> None:
    window = make_window()
    listed, documented = listed_keys(qtbot, window, window.article), readme_keys("| keys | what it does |")
    assert (listed - documented, documented - listed) == (set(), set())


def test_the_review_windows_keys_are_the_readmes(
    qtbot: QtBot,
    reviewed: tuple[Project, DocumentId],  # noqa: F811
) -> None:
    project, _doc = reviewed
    window = open_window(qtbot, project)
    listed, documented = listed_keys(qtbot, window, window.article), readme_keys("| review keys")
    assert (listed - documented, documented - listed) == (set(), set())


def readme_held_keys(where: str) -> set[str]:
    """The keys README's paragraph on held keys says act once per press ``in the {where} window``."""
    text = README.read_text(encoding="utf-8").split("A key held down acts once", 1)[1].split("\n\n", 1)[0]
    found = re.search(rf"in the {where} window (.*?)(?:;|\. )", " ".join(text.split()))
    assert found is not None, where
    keys = set()
    for item in re.split(r", | and ", found.group(1)):
        item = item.strip()
        keys.add(LABEL_KEYS if item.endswith(LABEL_KEYS) else QKeySequence(item).toString(PORTABLE))
    return keys


def once_keys(window) -> set[str]:
    """The keys of the window's actions that do not repeat while held (the label keys as one range)."""
    keys = set()
    for action in window.findChildren(QAction):
        if action.shortcuts() and not action.autoRepeat():
            keys |= {
                LABEL_KEYS if (key := k.toString(PORTABLE)) in tuple("123456789") else key
                for k in action.shortcuts()
            }
    return keys


def test_the_readmes_held_keys_are_the_ones_the_windows_act_on_once(
    qtbot: QtBot,
    make_window,
    corpus,
    reviewed: tuple[Project, DocumentId],  # noqa: F811
) -> None:
    """README said 'Return, X, A, E, the group keys…' while the window made more keys act once (W, Ctrl+H,
    F1) and listed Ctrl+Z among the keys repeating as keys do."""
    window = make_window()
    assert once_keys(window) == readme_held_keys("annotation")
    project, _doc = reviewed
    review = open_window(qtbot, project)
    assert once_keys(review) == readme_held_keys("review")
