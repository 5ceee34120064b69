"""Every key of the review window, in one table: the window builds its actions from it and its Help →
Shortcuts dialog shows it. Texts are English, marked for translation in context ``ReviewWindow``."""

from __future__ import annotations

from dataclasses import dataclass

from gui.i18n import QT_TRANSLATE_NOOP

ANNOTATOR_KEYS = "ABCD"


@dataclass(frozen=True, slots=True)
class ReviewShortcut:
    name: str
    keys: tuple[str, ...]
    text: str  # the menu's text (English; translated in context ReviewWindow where shown)
    help: str
    letter: str = ""  # the annotator's letter in the texts of take_A … take_D


TAKE_TEXT = QT_TRANSLATE_NOOP("ReviewWindow", "Take annotator {0}'s version")
TAKE_HELP = QT_TRANSLATE_NOOP(
    "ReviewWindow", "Take annotator {0}'s version (annotators are lettered A, B, … in the panel)"
)
REVIEW_SHORTCUTS: tuple[ReviewShortcut, ...] = (
    ReviewShortcut(
        "next",
        ("Tab", "J"),
        QT_TRANSLATE_NOOP("ReviewWindow", "Next disagreement"),
        QT_TRANSLATE_NOOP("ReviewWindow", "Next disagreement (open ones first)"),
    ),
    ReviewShortcut(
        "previous",
        ("Shift+Tab", "K"),
        QT_TRANSLATE_NOOP("ReviewWindow", "Previous disagreement"),
        QT_TRANSLATE_NOOP("ReviewWindow", "Previous disagreement"),
    ),
    *(ReviewShortcut(f"take_{k}", (k,), TAKE_TEXT, TAKE_HELP, k) for k in ANNOTATOR_KEYS),
    ReviewShortcut(
        "both",
        ("+", "=", "T"),
        QT_TRANSLATE_NOOP("ReviewWindow", "Take both versions"),
        QT_TRANSLATE_NOOP("ReviewWindow", "Take both versions (where they do not overlap)"),
    ),
    ReviewShortcut(
        "reject",
        ("X", "Delete"),
        QT_TRANSLATE_NOOP("ReviewWindow", "Reject all versions"),
        QT_TRANSLATE_NOOP("ReviewWindow", "Reject all versions: nothing goes to gold here"),
    ),
    ReviewShortcut(
        "edit",
        ("1–9",),
        QT_TRANSLATE_NOOP("ReviewWindow", "Edit by hand"),
        QT_TRANSLATE_NOOP(
            "ReviewWindow", "Edit by hand: select text inside the disagreement, press a label's hotkey"
        ),
    ),
    ReviewShortcut(
        "undo",
        ("Ctrl+Z", "U"),
        QT_TRANSLATE_NOOP("ReviewWindow", "Undo the decision on the current disagreement"),
        QT_TRANSLATE_NOOP(
            "ReviewWindow",
            "Undo the decision on the current disagreement, else the last one taken (going back to it)",
        ),
    ),
    ReviewShortcut(
        "save",
        ("Ctrl+S",),
        QT_TRANSLATE_NOOP("ReviewWindow", "Save the gold layer"),
        QT_TRANSLATE_NOOP(
            "ReviewWindow", "Save the gold layer (refused if another reviewer saved meanwhile)"
        ),
    ),
    ReviewShortcut(
        "save_next",
        ("Ctrl+Return", "Ctrl+Enter"),
        QT_TRANSLATE_NOOP("ReviewWindow", "Save and open the next document of the queue"),
        QT_TRANSLATE_NOOP("ReviewWindow", "Save and open the next document of the queue"),
    ),
    ReviewShortcut(
        "zoom_in",
        ("Ctrl+=", "Ctrl++"),
        QT_TRANSLATE_NOOP("ReviewWindow", "Larger article text"),
        QT_TRANSLATE_NOOP("ReviewWindow", "Larger article text (remembered)"),
    ),
    ReviewShortcut(
        "zoom_out",
        ("Ctrl+-",),
        QT_TRANSLATE_NOOP("ReviewWindow", "Smaller article text"),
        QT_TRANSLATE_NOOP("ReviewWindow", "Smaller article text (remembered)"),
    ),
    ReviewShortcut(
        "zoom_reset",
        ("Ctrl+0",),
        QT_TRANSLATE_NOOP("ReviewWindow", "Article text at its normal size"),
        QT_TRANSLATE_NOOP("ReviewWindow", "Article text at its normal size"),
    ),
    ReviewShortcut(
        "close",
        ("Escape", "Ctrl+W"),
        QT_TRANSLATE_NOOP("ReviewWindow", "Close the review window"),
        QT_TRANSLATE_NOOP("ReviewWindow", "Close the review window (asks first if decisions are unsaved)"),
    ),
    ReviewShortcut(
        "help",
        ("F1",),
        QT_TRANSLATE_NOOP("ReviewWindow", "Show these shortcuts"),
        QT_TRANSLATE_NOOP("ReviewWindow", "Show these shortcuts"),
    ),
)
# Decisions act once per press, as in the annotation window (``gui.shortcuts.ONCE``): a held X or
# Ctrl+Return must not decide the next disagreements, or save the next documents, unseen.
ONCE = {"both", "reject", "save", "save_next", "close", "help", *(f"take_{k}" for k in ANNOTATOR_KEYS)}
REVIEW_SELECT_HELP = (
    QT_TRANSLATE_NOOP("ReviewWindow", "Shift+←/→ (mouse drag)"),
    QT_TRANSLATE_NOOP("ReviewWindow", "Select text inside a disagreement (a label key then edits it)"),
)
