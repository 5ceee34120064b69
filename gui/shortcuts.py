"""Every keyboard command of the window, in one table: the window builds its actions from it and the
Help → Shortcuts dialog shows it. A script that knows only this table can annotate a document end to end."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from gui.i18n import QT_TRANSLATE_NOOP


class Scope(enum.Enum):
    ARTICLE = "article"  # only while the article view has the keyboard focus (single keys)
    WINDOW = "window"  # anywhere in the window


@dataclass(frozen=True, slots=True)
class Shortcut:
    command: str  # the session method name the action triggers
    keys: tuple[str, ...]  # QKeySequence portable text; the first one is shown in menus
    text: str  # menu text (English; ``shown`` says it in the window's language)
    help: str  # what it does, for the shortcuts dialog
    scope: Scope = Scope.ARTICLE
    menu: str = "Annotate"


SHORTCUTS: tuple[Shortcut, ...] = (
    Shortcut(
        "focus_next",
        ("Tab",),
        QT_TRANSLATE_NOOP("Shortcuts", "Next suggestion"),
        QT_TRANSLATE_NOOP(
            "Shortcuts", "Focus the next open suggestion (after the last one: the next span of any kind)"
        ),
    ),
    Shortcut(
        "focus_previous",
        ("Shift+Tab",),
        QT_TRANSLATE_NOOP("Shortcuts", "Previous suggestion"),
        QT_TRANSLATE_NOOP("Shortcuts", "Focus the previous open suggestion"),
    ),
    Shortcut(
        "accept_focused",
        ("Return", "Enter", "Space"),
        QT_TRANSLATE_NOOP("Shortcuts", "Accept"),
        QT_TRANSLATE_NOOP(
            "Shortcuts", "Accept the focused suggestion (or restore a shown rejected span); focus moves on"
        ),
    ),
    Shortcut(
        "reject_focused",
        ("X", "Delete"),
        QT_TRANSLATE_NOOP("Shortcuts", "Reject"),
        QT_TRANSLATE_NOOP(
            "Shortcuts", "Reject the focused suggestion, or withdraw your own focused span; focus moves on"
        ),
    ),
    Shortcut(
        "grow_start",
        ("[",),
        QT_TRANSLATE_NOOP("Shortcuts", "Move start left"),
        QT_TRANSLATE_NOOP("Shortcuts", "Grow the focused span by one character at its start"),
    ),
    Shortcut(
        "shrink_start",
        ("]",),
        QT_TRANSLATE_NOOP("Shortcuts", "Move start right"),
        QT_TRANSLATE_NOOP("Shortcuts", "Shrink the focused span by one character at its start"),
    ),
    Shortcut(
        "shrink_end",
        (",",),
        QT_TRANSLATE_NOOP("Shortcuts", "Move end left"),
        QT_TRANSLATE_NOOP("Shortcuts", "Shrink the focused span by one character at its end"),
    ),
    Shortcut(
        "grow_end",
        (".",),
        QT_TRANSLATE_NOOP("Shortcuts", "Move end right"),
        QT_TRANSLATE_NOOP("Shortcuts", "Grow the focused span by one character at its end"),
    ),
    Shortcut(
        "label_everywhere",
        ("E",),
        QT_TRANSLATE_NOOP("Shortcuts", "Label every occurrence"),
        QT_TRANSLATE_NOOP(
            "Shortcuts",
            "Label every other occurrence of the focused span's text in this article with its label",
        ),
    ),
    Shortcut(
        "label_everywhere_corpus",
        ("Shift+E",),
        QT_TRANSLATE_NOOP("Shortcuts", "Label every occurrence, also in the corpus"),
        QT_TRANSLATE_NOOP(
            "Shortcuts", "As E, and offer it as a suggestion in every unfinished document of the corpus"
        ),
    ),
    Shortcut(
        "accept_group",
        ("Shift+Return", "Shift+Enter"),
        QT_TRANSLATE_NOOP("Shortcuts", "Accept the group"),
        QT_TRANSLATE_NOOP(
            "Shortcuts",
            "Accept every span with the focused span's text and label (its group in the entity panel), as "
            "one action",
        ),
    ),
    Shortcut(
        "reject_group",
        ("Shift+X", "Shift+Delete"),
        QT_TRANSLATE_NOOP("Shortcuts", "Reject the group"),
        QT_TRANSLATE_NOOP(
            "Shortcuts",
            "Reject every span with the focused span's text and label (its group in the entity panel), as "
            "one action",
        ),
    ),
    Shortcut(
        "accept_all",
        ("A",),
        QT_TRANSLATE_NOOP("Shortcuts", "Accept all suggestions"),
        QT_TRANSLATE_NOOP("Shortcuts", "Accept every remaining suggestion in this article"),
    ),
    Shortcut(
        "clear_focus",
        ("Escape",),
        QT_TRANSLATE_NOOP("Shortcuts", "Clear focus"),
        QT_TRANSLATE_NOOP(
            "Shortcuts",
            "Clear the selection (while text is selected, the keys that act on the framed span refuse); "
            "without one, the focused span",
        ),
    ),
    Shortcut(
        "toggle_snap",
        ("W",),
        QT_TRANSLATE_NOOP("Shortcuts", "Snap selections to words"),
        QT_TRANSLATE_NOOP(
            "Shortcuts",
            "Toggle: a new span from a selection snaps out to jieba word boundaries (once jieba is loaded)",
        ),
    ),
    Shortcut(
        "mark_done_and_next",
        ("Ctrl+Return", "Ctrl+Enter"),
        QT_TRANSLATE_NOOP("Shortcuts", "Mark done and open next"),
        QT_TRANSLATE_NOOP(
            "Shortcuts",
            "Mark this article done and open the next unfinished one in the document list's filter",
        ),
        Scope.WINDOW,
        "Document",
    ),
    Shortcut(
        "next_document",
        ("Ctrl+PgDown",),
        QT_TRANSLATE_NOOP("Shortcuts", "Next article"),
        QT_TRANSLATE_NOOP("Shortcuts", "Open the next article in the document list's filter"),
        Scope.WINDOW,
        "Document",
    ),
    Shortcut(
        "previous_document",
        ("Ctrl+PgUp",),
        QT_TRANSLATE_NOOP("Shortcuts", "Previous article"),
        QT_TRANSLATE_NOOP("Shortcuts", "Open the previous article in the document list's filter"),
        Scope.WINDOW,
        "Document",
    ),
    Shortcut(
        "undo",
        ("Ctrl+Z",),
        QT_TRANSLATE_NOOP("Shortcuts", "Undo"),
        QT_TRANSLATE_NOOP("Shortcuts", "Undo the last action (saved at once)"),
        Scope.WINDOW,
        "Edit",
    ),
    Shortcut(
        "redo",
        ("Ctrl+Shift+Z", "Ctrl+Y"),
        QT_TRANSLATE_NOOP("Shortcuts", "Redo"),
        QT_TRANSLATE_NOOP("Shortcuts", "Redo the last undone action"),
        Scope.WINDOW,
        "Edit",
    ),
    Shortcut(
        "toggle_rejected",
        ("Ctrl+H",),
        QT_TRANSLATE_NOOP("Shortcuts", "Show rejected spans"),
        QT_TRANSLATE_NOOP("Shortcuts", "Toggle: show your rejected spans"),
        Scope.WINDOW,
        "View",
    ),
    Shortcut(
        "focus_article",
        ("Ctrl+1",),
        QT_TRANSLATE_NOOP("Shortcuts", "Go to article"),
        QT_TRANSLATE_NOOP("Shortcuts", "Put the keyboard focus in the article"),
        Scope.WINDOW,
        "View",
    ),
    Shortcut(
        "focus_search",
        ("Ctrl+F",),
        QT_TRANSLATE_NOOP("Shortcuts", "Search documents"),
        QT_TRANSLATE_NOOP("Shortcuts", "Search the document list by title or text"),
        Scope.WINDOW,
        "View",
    ),
    Shortcut(
        "zoom_in",
        ("Ctrl+=", "Ctrl++"),
        QT_TRANSLATE_NOOP("Shortcuts", "Zoom in"),
        QT_TRANSLATE_NOOP("Shortcuts", "Larger article text (remembered)"),
        Scope.WINDOW,
        "View",
    ),
    Shortcut(
        "zoom_out",
        ("Ctrl+-",),
        QT_TRANSLATE_NOOP("Shortcuts", "Zoom out"),
        QT_TRANSLATE_NOOP("Shortcuts", "Smaller article text (remembered)"),
        Scope.WINDOW,
        "View",
    ),
    Shortcut(
        "zoom_reset",
        ("Ctrl+0",),
        QT_TRANSLATE_NOOP("Shortcuts", "Normal size"),
        QT_TRANSLATE_NOOP("Shortcuts", "Article text at its normal size"),
        Scope.WINDOW,
        "View",
    ),
    Shortcut(
        "show_shortcuts",
        ("F1",),
        QT_TRANSLATE_NOOP("Shortcuts", "Keyboard shortcuts"),
        QT_TRANSLATE_NOOP("Shortcuts", "Show this table"),
        Scope.WINDOW,
        "Help",
    ),
)

LABEL_HELP = (
    "1–9",  # the label set's hotkeys
    QT_TRANSLATE_NOOP(
        "Shortcuts",
        "Label hotkey: with a selection (mouse or Shift+arrows), a new span with that label (it "
        "replaces the suggestions and your spans it overlaps, in one action; exactly one of your spans: "
        "relabels it); without one, relabel the focused span",
    ),
)
SELECT_HELP = (
    QT_TRANSLATE_NOOP("Shortcuts", "Shift+←/→ (mouse drag)"),
    QT_TRANSLATE_NOOP(
        "Shortcuts",
        "Select text in the article: the status bar then describes the selection, and a label key labels "
        "it. While text other than the framed span is selected, the keys that act on the framed span "
        "({0}) decide nothing and say so; {1} clears the selection first",
    ),
    # Escape unbound: no key to name
    QT_TRANSLATE_NOOP(
        "Shortcuts",
        "Select text in the article: the status bar then describes the selection, and a label key labels "
        "it. While text other than the framed span is selected, the keys that act on the framed span "
        "({0}) decide nothing and say so, until the selection is cleared",
    ),
)
# The keys that act on the framed span: they refuse while other text is selected (``gui.window_keys``)
FRAMED = (
    "accept_focused",
    "reject_focused",
    "accept_group",
    "reject_group",
    "grow_start",
    "shrink_start",
    "shrink_end",
    "grow_end",
    "label_everywhere",
    "label_everywhere_corpus",
)

CHECKABLE = {"toggle_snap", "toggle_rejected"}
# Decisions act once per press: a key held down past the auto-repeat delay (X, Return, Ctrl+Return) would
# otherwise reject the next suggestions, or mark done articles the annotator has not seen. Moving (Tab,
# [ ] , ., Ctrl+PgDown) and zoom repeat as keys do; undo and redo repeat at the pace the window paints them
# (``gui.repeat_pace``). The label keys act once too.
ONCE = {
    "accept_focused",
    "reject_focused",
    "label_everywhere",
    "label_everywhere_corpus",
    "accept_group",
    "reject_group",
    "accept_all",
    "toggle_snap",
    "mark_done_and_next",
    "toggle_rejected",
    "show_shortcuts",
}


def shown(text: str) -> str:
    """A text of this table (a menu text, a help) in the window's language."""
    return QCoreApplication.translate("Shortcuts", text)
