"""Every keyboard command of the window, in one table: the window builds its actions from it and the
Help → Shortcuts dialog shows it. A script that knows only this table can annotate a document end to end."""

from __future__ import annotations

import enum
from dataclasses import dataclass


class Scope(enum.Enum):
    ARTICLE = "article"  # only while the article view has the keyboard focus (single keys)
    WINDOW = "window"  # anywhere in the window


@dataclass(frozen=True, slots=True)
class Shortcut:
    command: str  # the session method name the action triggers
    keys: tuple[str, ...]  # QKeySequence portable text; the first one is shown in menus
    text: str  # menu text
    help: str  # what it does, for the shortcuts dialog
    scope: Scope = Scope.ARTICLE
    menu: str = "Annotate"


SHORTCUTS: tuple[Shortcut, ...] = (
    Shortcut(
        "focus_next",
        ("Tab",),
        "Next suggestion",
        "Focus the next open suggestion (after the last one: the next span of any kind)",
    ),
    Shortcut(
        "focus_previous",
        ("Shift+Tab", "Backtab"),
        "Previous suggestion",
        "Focus the previous open suggestion",
    ),
    Shortcut(
        "accept_focused",
        ("Return", "Enter", "Space"),
        "Accept",
        "Accept the focused suggestion (or restore a shown rejected span); focus moves on",
    ),
    Shortcut(
        "reject_focused",
        ("X", "Delete"),
        "Reject",
        "Reject the focused suggestion, or withdraw your own focused span; focus moves on",
    ),
    Shortcut("grow_start", ("[",), "Move start left", "Grow the focused span by one character at its start"),
    Shortcut(
        "shrink_start", ("]",), "Move start right", "Shrink the focused span by one character at its start"
    ),
    Shortcut("shrink_end", (",",), "Move end left", "Shrink the focused span by one character at its end"),
    Shortcut("grow_end", (".",), "Move end right", "Grow the focused span by one character at its end"),
    Shortcut(
        "label_everywhere",
        ("E",),
        "Label every occurrence",
        "Label every other occurrence of the focused span's text in this article with its label",
    ),
    Shortcut(
        "label_everywhere_corpus",
        ("Shift+E",),
        "Label every occurrence, also in the corpus",
        "As E, and offer it as a suggestion in every unfinished document of the corpus",
    ),
    Shortcut(
        "accept_group",
        ("Shift+Return", "Shift+Enter"),
        "Accept the group",
        "Accept every span with the focused span's text and label (its group in the entity panel), as one "
        "action",
    ),
    Shortcut(
        "reject_group",
        ("Shift+X", "Shift+Delete"),
        "Reject the group",
        "Reject every span with the focused span's text and label (its group in the entity panel), as one "
        "action",
    ),
    Shortcut(
        "accept_all", ("A",), "Accept all suggestions", "Accept every remaining suggestion in this article"
    ),
    Shortcut("clear_focus", ("Escape",), "Clear focus", "Clear the focused span and the selection"),
    Shortcut(
        "toggle_snap",
        ("W",),
        "Snap selections to words",
        "Toggle: a new span from a selection snaps out to jieba word boundaries (once jieba is loaded)",
    ),
    Shortcut(
        "mark_done_and_next",
        ("Ctrl+Return", "Ctrl+Enter"),
        "Mark done and open next",
        "Mark this article done and open the next unfinished one",
        Scope.WINDOW,
        "Document",
    ),
    Shortcut(
        "next_document", ("Ctrl+PgDown",), "Next article", "Open the next article", Scope.WINDOW, "Document"
    ),
    Shortcut(
        "previous_document",
        ("Ctrl+PgUp",),
        "Previous article",
        "Open the previous article",
        Scope.WINDOW,
        "Document",
    ),
    Shortcut("undo", ("Ctrl+Z",), "Undo", "Undo the last action (saved at once)", Scope.WINDOW, "Edit"),
    Shortcut("redo", ("Ctrl+Shift+Z", "Ctrl+Y"), "Redo", "Redo the last undone action", Scope.WINDOW, "Edit"),
    Shortcut(
        "toggle_rejected",
        ("Ctrl+H",),
        "Show rejected spans",
        "Toggle: show your rejected spans",
        Scope.WINDOW,
        "View",
    ),
    Shortcut(
        "focus_article",
        ("Ctrl+1",),
        "Go to article",
        "Put the keyboard focus in the article",
        Scope.WINDOW,
        "View",
    ),
    Shortcut(
        "focus_search",
        ("Ctrl+F",),
        "Search documents",
        "Search the document list by title or text",
        Scope.WINDOW,
        "View",
    ),
    Shortcut(
        "zoom_in", ("Ctrl+=", "Ctrl++"), "Zoom in", "Larger article text (remembered)", Scope.WINDOW, "View"
    ),
    Shortcut("zoom_out", ("Ctrl+-",), "Zoom out", "Smaller article text (remembered)", Scope.WINDOW, "View"),
    Shortcut(
        "zoom_reset", ("Ctrl+0",), "Normal size", "Article text at its normal size", Scope.WINDOW, "View"
    ),
    Shortcut("show_shortcuts", ("F1",), "Keyboard shortcuts", "Show this table", Scope.WINDOW, "Help"),
)

LABEL_HELP = (
    "1–9",  # the label set's hotkeys
    "Label hotkey: with a selection (mouse or Shift+arrows), a new span with that label (it "
    "replaces the suggestions it overlaps); without one, relabel the focused span",
)
SELECT_HELP = ("Shift+←/→ (mouse drag)", "Select text in the article")

CHECKABLE = {"toggle_snap", "toggle_rejected"}
