"""The keys of the window's actions as the keymap has them now (the annotator may have rebound any of them),
for the texts that name a key: "press Tab", "1 PER  2 LOC"."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QKeySequence

from model.spans import Label, Span

NATIVE = QKeySequence.SequenceFormat.NativeText


def keys_of(window: QObject | None, command: str) -> str:
    """The keys of the window's action ``command`` (Tab / Shift+Tab unless rebound), or its menu entry where
    no key is left; "" if the window has no such action."""
    action = window.findChild(QAction, f"action_{command}") if window is not None else None
    if action is None:
        return ""
    keys = [k.toString(NATIVE) for k in action.shortcuts() if not k.isEmpty()]
    keys = [k for k in keys if k != "Backtab"]
    return " / ".join(keys) if keys else f"“{action.text().replace('&', '')}”"


def label_keys(window: QObject | None, labels: Iterable[Label]) -> str:
    """The label keys: “1 PER  2 LOC” (a label without a key left out)."""
    keys = []
    for label in labels:
        action = window.findChild(QAction, f"action_label_{label.name}") if window is not None else None
        if action is not None and not action.shortcut().isEmpty():
            keys.append(f"{action.shortcut().toString(NATIVE)} {label.name}")
    return "  ".join(keys)


def selection_said(window: QObject | None, labels: Iterable[Label], focused: Span | None) -> str:
    """What a key that acts on the focused span (Return, X, their group forms, the resize keys, E) says when
    text is selected in the article (``window.article``) that is not the focused span: that a label key
    labels it (the status bar describes the selection, not the framed span), or, no label having a key, where
    one is given; "" when no such selection is there (or, with nothing focused, no label has a key: the keys
    that focus a span are said instead)."""
    article = getattr(window, "article", None)
    selection = article.selection() if article is not None else None
    if selection is None or (focused is not None and selection == (focused.start, focused.end)):
        return ""
    keys = label_keys(window, labels)
    if not keys and focused is not None:  # still no decision on the framed span: the bar describes the text
        said = QCoreApplication.translate(
            "AnnotationActions",
            "Text is selected and no label has a key: {0} clears the selection, for the framed span; "
            "Project → Labels… gives a label a key.",
        )
        return said.format(keys_of(window, "clear_focus"))
    if not keys:
        return ""
    if focused is None:
        said = QCoreApplication.translate(
            "AnnotationActions",
            "No span is focused: a label key labels the selection ({0}); {1} focuses the next suggestion.",
        )
        return said.format(keys, keys_of(window, "focus_next"))
    said = QCoreApplication.translate(
        "AnnotationActions",
        "Text is selected: a label key labels it ({0}); {1} clears it, for the framed span.",
    )
    return said.format(keys, keys_of(window, "clear_focus"))


def suggesting_said() -> str:
    """A key that needs a suggestion, pressed before the open article's first ones arrived (just opened)."""
    return QCoreApplication.translate(
        "AnnotationActions",
        "Suggestions for this article are still being made: they appear in a moment "
        "(or select a name with Shift+arrows and press a label key).",
    )


def on_their_way() -> str:
    """Added to what a key said while the open article's suggestions are still being made."""
    return QCoreApplication.translate("AnnotationActions", "Suggestions for this article are on their way.")
