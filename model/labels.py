"""What a label name may be: one rule for the command line, import, the label set and the database.

A label is a non-empty token of at most ``MAX_LABEL_LENGTH`` characters with no whitespace (anything
Python's ``str.isspace`` calls blank: space, tab, line breaks, U+3000, no-break spaces...) and no control
character (Unicode category Cc, or a lone surrogate), and none of the invisible format characters in
``INVISIBLE_RANGES`` (a zero-width space, a joiner, a direction mark, a byte-order mark...): ``PER`` and
``PER`` followed by U+200B look the same everywhere a label is shown, in the window, a CoNLL tag, a brat type,
yet would be two labels. Such a name survives every format newstag writes: a CoNLL tag, a brat type, a JSON
string.
"""

from __future__ import annotations

import unicodedata

from model.reasons import Reason, ReasonKind

MAX_LABEL_LENGTH = 64

# The invisible format characters (Unicode category Cf) that draw nothing where a label is shown: the soft
# hyphen, the Arabic letter mark, the Mongolian vowel separator, zero-width space / non-joiner / joiner, the
# direction marks, embeddings, overrides and isolates, the invisible operators, the deprecated format
# characters, the byte-order mark (zero-width no-break space) and the interlinear annotation characters. A
# fixed list, not the category, so the rule does not move with the Python's Unicode version; the Cf
# characters left out draw a mark of their own (the Arabic number signs) or are tags beyond the BMP.
INVISIBLE_RANGES: tuple[tuple[int, int], ...] = (
    (0x00AD, 0x00AD),
    (0x061C, 0x061C),
    (0x180E, 0x180E),
    (0x200B, 0x200F),
    (0x202A, 0x202E),
    (0x2060, 0x2064),
    (0x2066, 0x206F),
    (0xFEFF, 0xFEFF),
    (0xFFF9, 0xFFFB),
)

# Every character the rule forbids besides surrogates, as inclusive code-point ranges: the C0 and C1
# controls, DEL, every character ``str.isspace`` accepts (tests check this against Unicode), and the
# invisible ones above. The database constraints (migrations 0004 and 0006) are built from the same ranges.
FORBIDDEN_RANGES: tuple[tuple[int, int], ...] = (
    (0x0000, 0x0020),
    (0x007F, 0x00A0),
    (0x00AD, 0x00AD),
    (0x061C, 0x061C),
    (0x1680, 0x1680),
    (0x180E, 0x180E),
    (0x2000, 0x200F),
    (0x2028, 0x202F),
    (0x205F, 0x2064),
    (0x2066, 0x206F),
    (0x3000, 0x3000),
    (0xFEFF, 0xFEFF),
    (0xFFF9, 0xFFFB),
)
_INVISIBLE = frozenset(chr(c) for low, high in INVISIBLE_RANGES for c in range(low, high + 1))


class LabelError(ValueError):
    """A name that cannot be a label, or a change the label set refuses; the message says why, for a person.
    ``refusal``: the same as a kind and its values (``model.reasons``) where the window words it, or None."""

    def __init__(self, message: str | Reason) -> None:
        self.refusal = message if isinstance(message, Reason) else None
        super().__init__(str(message))


def _forbidden(ch: str) -> bool:
    return ch.isspace() or ch in _INVISIBLE or unicodedata.category(ch) in ("Cc", "Cs")


def label_reason(name: object) -> Reason | None:
    """Why ``name`` cannot be a label (``model.reasons``), or None if it can."""
    if not isinstance(name, str):
        return Reason.of(ReasonKind.LABEL_NOT_STRING, name=name)
    if not name:
        return Reason.of(ReasonKind.LABEL_EMPTY)
    if len(name) > MAX_LABEL_LENGTH:
        return Reason.of(ReasonKind.LABEL_TOO_LONG, start=name[:20], length=len(name), limit=MAX_LABEL_LENGTH)
    bad = next((ch for ch in name if _forbidden(ch)), None)
    if bad is not None:
        if bad.isspace():
            kind = ReasonKind.LABEL_WHITESPACE
        else:
            kind = ReasonKind.LABEL_INVISIBLE if bad in _INVISIBLE else ReasonKind.LABEL_CONTROL
        return Reason.of(kind, name=name, code=ord(bad))
    return None


def label_problem(name: object) -> str | None:
    """Why ``name`` cannot be a label, in English, or None if it can."""
    reason = label_reason(name)
    return None if reason is None else str(reason)


def is_label(name: object) -> bool:
    return label_problem(name) is None


def check_label_name(name: object) -> str:
    """``name`` if it can be a label; raise LabelError otherwise."""
    problem = label_reason(name)
    if problem is not None:
        raise LabelError(problem)
    assert isinstance(name, str)
    return name


HOTKEYS = tuple("123456789")
_COLOUR = "0123456789abcdefABCDEF"
MAX_DESCRIPTION = 500


def colour_problem(colour: object) -> str | None:
    """Why ``colour`` is not a ``#rrggbb`` colour, or None."""
    if (
        isinstance(colour, str)
        and len(colour) == 7
        and colour[0] == "#"
        and all(c in _COLOUR for c in colour[1:])
    ):
        return None
    return f"a colour is written #rrggbb (e.g. #cc3311), not {colour!r}"


def hotkey_problem(hotkey: object) -> str | None:
    """Why ``hotkey`` cannot be a label's hotkey (one of 1 to 9, or none), or None."""
    if hotkey is None or hotkey in HOTKEYS:
        return None
    return f"a label's hotkey is one of 1 to 9 (or none), not {hotkey!r}"


def description_problem(text: object) -> str | None:
    if not isinstance(text, str):
        return f"a description is text, not {text!r}"
    if len(text) > MAX_DESCRIPTION:
        return f"a description is at most {MAX_DESCRIPTION} characters (this one has {len(text)})"
    return None


def check_definition(name: object, colour: object, hotkey: object, description: object) -> None:
    """Raise LabelError with the first thing wrong with a label's definition."""
    for problem in (
        label_reason(name),
        colour_problem(colour),
        hotkey_problem(hotkey),
        description_problem(description),
    ):
        if problem is not None:
            raise LabelError(problem)
