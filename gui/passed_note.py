"""What the import dialog says of the files in the chosen folders that it does not read (``storage.importer.
passed_over``): those whose names are not of an importable kind, and the symbolic links that lead to no file
(broken, a loop) or to a folder, each named so that nothing is passed over without a word."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication

from gui.i18n import QT_TRANSLATE_NOOP
from storage.project import Importer

CONTEXT = "ImportDialog"
NAMES = QT_TRANSLATE_NOOP(
    "ImportDialog",
    "{0} file(s) in the chosen folder(s) were not read, their names not being of a kind newstag "
    "imports ({1}); add such a file itself to import it.",
)
LINKS = QT_TRANSLATE_NOOP(
    "ImportDialog",
    "{0} symbolic link(s) in the chosen folder(s) were not read: they lead to no file (a broken link or a "
    "loop) or to a folder, which is not searched ({1}).",
)


def passed_note(passed: list[Path]) -> str:
    """The notes, each after a space; empty when every file in the folders is read."""
    said = ""
    for group, words in (
        ([p for p in passed if not Importer.unread_link(p)], NAMES),
        ([p for p in passed if Importer.unread_link(p)], LINKS),
    ):
        if group:
            shown = ", ".join(p.name for p in group[:3]) + (", …" if len(group) > 3 else "")
            said += " " + QCoreApplication.translate(CONTEXT, words).format(len(group), shown)
    return said
