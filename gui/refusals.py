"""What the annotation window says when a key refuses (``model.editing.Refusal``), marked for translation
in the context of ``AnnotationActions``."""

from __future__ import annotations

from gui.i18n import QT_TRANSLATE_NOOP
from model.editing import Refusal

REFUSALS = {
    Refusal.NO_FOCUS: QT_TRANSLATE_NOOP(
        "AnnotationActions", "No span is focused: press Tab to focus the next suggestion."
    ),
    Refusal.ONLY_SPACES: QT_TRANSLATE_NOOP(
        "AnnotationActions", "The selection holds only spaces: nothing to label."
    ),
    Refusal.NO_FURTHER: QT_TRANSLATE_NOOP(
        "AnnotationActions", "The span cannot grow or shrink any further that way."
    ),
    Refusal.LINE_BREAK: QT_TRANSLATE_NOOP(
        "AnnotationActions", "A span cannot cross a line break: select within one line."
    ),
    Refusal.NO_OPEN_SUGGESTIONS: QT_TRANSLATE_NOOP(
        "AnnotationActions", "No open suggestions in this article."
    ),
    Refusal.GROUP_ACCEPTED: QT_TRANSLATE_NOOP(
        "AnnotationActions", "Every span of this group is accepted already."
    ),
    Refusal.GROUP_REJECTED: QT_TRANSLATE_NOOP(
        "AnnotationActions", "Every span of this group is rejected already."
    ),
    Refusal.REJECTED: QT_TRANSLATE_NOOP(
        "AnnotationActions", "This span is rejected already: Return restores it."
    ),
    Refusal.ALREADY: QT_TRANSLATE_NOOP("AnnotationActions", "This span has that label already."),
}
