"""What the Edit menu calls each action ("Undo Accept PER 裴青山"), in the annotator's language: the core
names an edit with an English template and its values (``model.editing``); each template is marked here for
translation, and ``title`` fills in the translated one."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from gui.i18n import QT_TRANSLATE_NOOP
from model.commands import Edit

CONTEXT = "Edits"
TEMPLATES = (  # model.editing.TITLES, as lupdate finds them
    QT_TRANSLATE_NOOP("Edits", "Accept {label} {text}"),
    QT_TRANSLATE_NOOP("Edits", "Restore {label} {text}"),
    QT_TRANSLATE_NOOP("Edits", "Reject {label} {text}"),
    QT_TRANSLATE_NOOP("Edits", "Accept all {count} suggestions"),
    QT_TRANSLATE_NOOP("Edits", "Accept all {count} “{text}” as {label}"),
    QT_TRANSLATE_NOOP("Edits", "Reject all {count} “{text}” {label}"),
    QT_TRANSLATE_NOOP("Edits", "Relabel {text} as {label}"),
    QT_TRANSLATE_NOOP("Edits", "Add {label} {text}"),
    QT_TRANSLATE_NOOP("Edits", "Resize {label} to {text}"),
    QT_TRANSLATE_NOOP("Edits", "Label every “{text}” as {label}"),
    QT_TRANSLATE_NOOP("Edits", "Mark done"),
)


def title(edit: Edit, shown: int | None = None) -> str:
    """The edit's name in the language the window speaks; with ``shown``, a span's text in it is cut to that
    many characters (for the status bar, which a long name would overflow)."""
    template, values = edit.title
    text = values.get("text")
    if shown is not None and isinstance(text, str) and len(text) > shown:
        values = {**values, "text": text[: shown - 1] + "…"}
    try:
        return QCoreApplication.translate(CONTEXT, template).format(**values)
    except (KeyError, IndexError, ValueError):  # a translation that lost a placeholder: say it in English
        return template.format(**values)
