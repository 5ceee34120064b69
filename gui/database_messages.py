"""What the database layer says when it cannot work, in the window's language: a ``DatabaseError`` (or a
``StoreUnavailable``) with a ``fault`` is worded again from its template with Qt's translator (context
``DatabaseMessages``); where it is (the file or the URL) and the driver's own words stay as they are. The
templates are marked here for ``pyside6-lupdate``; they are the English of ``storage/db.py`` and
``storage/probe.py`` (a test keeps the two the same). An error without a fault keeps its English."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from gui.i18n import QT_TRANSLATE_NOOP
from model.faults import Fault, FaultKind
from model.ops import NOT_SAVED, StoreUnavailable

CONTEXT = "DatabaseMessages"
TEMPLATES = (
    QT_TRANSLATE_NOOP("DatabaseMessages", "the database file {where}"),
    QT_TRANSLATE_NOOP("DatabaseMessages", "the database {where}"),
    QT_TRANSLATE_NOOP(
        "DatabaseMessages",
        "{place} is damaged ({detail}); newstag will not use it. Restore your latest backup "
        "(`newstag backup --out FILE` makes one of a sound database), or salvage what you can with "
        "sqlite3's `.recover` command.",
    ),
    QT_TRANSLATE_NOOP("DatabaseMessages", "{place} is unavailable ({detail})"),
    QT_TRANSLATE_NOOP(
        "DatabaseMessages",
        "the database {where} was written by a newer version of newstag (schema revision {detail}); it has "
        "not been changed. Upgrade newstag to open it.",
    ),
    QT_TRANSLATE_NOOP("DatabaseMessages", "cannot open the database {where}: {detail}"),
    QT_TRANSLATE_NOOP(
        "DatabaseMessages",
        "the connection to {place} was lost as the action was being committed ({detail}); asked again, the "
        "server does not have it",
    ),
    QT_TRANSLATE_NOOP(
        "DatabaseMessages",
        "the connection to {place} was lost as the action was being committed ({detail}); asked again, the "
        "server has it",
    ),
    QT_TRANSLATE_NOOP(
        "DatabaseMessages",
        "the connection to {place} was lost as the action was being committed ({detail}), and the server "
        "cannot be asked whether it was saved: open the document again once the server answers to see "
        "whether it was",
    ),
    QT_TRANSLATE_NOOP("DatabaseMessages", "the integrity check of {where} failed ({detail})"),
    QT_TRANSLATE_NOOP(
        "DatabaseMessages",
        "{place} was deleted, moved or replaced while newstag had it open ({detail}); nothing more is "
        "written to it. Open the project again from where its file is now",
    ),
    QT_TRANSLATE_NOOP(
        "DatabaseMessages",
        "{where!r} is not a database URL; use sqlite:///FILE or postgresql+psycopg://[USER@]HOST[:PORT]/DATABASE",
    ),
    QT_TRANSLATE_NOOP(
        "DatabaseMessages",
        "newstag keeps its projects in SQLite or PostgreSQL, not {detail}; "
        "use sqlite:///FILE or postgresql+psycopg://[USER@]HOST[:PORT]/DATABASE",
    ),
    QT_TRANSLATE_NOOP(
        "DatabaseMessages",
        "{place} cannot be written: the disk is full (or the database reached its size limit) ({detail})",
    ),
    QT_TRANSLATE_NOOP("DatabaseMessages", "{place} cannot be written: the disk is full ({detail})"),
    QT_TRANSLATE_NOOP(
        "DatabaseMessages",
        "{place} cannot be written: it is read-only (check the file's permissions, or the disk it is on) "
        "({detail})",
    ),
    QT_TRANSLATE_NOOP("DatabaseMessages", "{place} cannot be written: it is read-only ({detail})"),
    QT_TRANSLATE_NOOP(
        "DatabaseMessages", "{place} cannot be written: it is locked by another program ({detail})"
    ),
    QT_TRANSLATE_NOOP(
        "DatabaseMessages",
        "{place} is busy: another session has held a lock newstag needs for more than {seconds} seconds "
        "({detail})",
    ),
    QT_TRANSLATE_NOOP(
        "DatabaseMessages",
        "{place} is busy: another session has held a lock newstag needs for more than {seconds} seconds "
        "({detail}); holding locks for longer (pid, program, user@address, state, since): {holder}",
    ),
    QT_TRANSLATE_NOOP(
        "DatabaseMessages",
        "{place} cannot be written: the file cannot be opened (check the folder and its permissions) "
        "({detail})",
    ),
    QT_TRANSLATE_NOOP(
        "DatabaseMessages", "{place} cannot be written: the disk reported an input/output error ({detail})"
    ),
    QT_TRANSLATE_NOOP(
        "DatabaseMessages",
        "{place} stopped answering ({detail}): the server may be frozen, or the network to it down",
    ),
    QT_TRANSLATE_NOOP("DatabaseMessages", "cannot connect to {where}: {detail}"),
    QT_TRANSLATE_NOOP("DatabaseMessages", "a project's SQLite database must be a file"),
    QT_TRANSLATE_NOOP("DatabaseMessages", "{where} is a folder, not a database file"),
    QT_TRANSLATE_NOOP("DatabaseMessages", "{where} is not a SQLite database ({detail})"),
    QT_TRANSLATE_NOOP("DatabaseMessages", "{0}; your action was not saved"),
)


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def render_fault(fault: Fault) -> str:
    try:
        return fault.render(_tr)
    except (KeyError, IndexError, ValueError):  # a translation that lost a placeholder: say it in English
        return fault.render()


def database_message(exc: BaseException) -> str:
    """``exc`` in the window's language when it carries a fault (a refused action adds that it was not
    saved, unless it may have been: IN_DOUBT); else its own words. In English, ``str(exc)`` exactly."""
    fault: Fault | None = getattr(exc, "fault", None)
    if not isinstance(fault, Fault):
        return str(exc)
    said = render_fault(fault)
    if not isinstance(exc, StoreUnavailable) or fault.kind is FaultKind.IN_DOUBT:
        return said
    try:
        return _tr(NOT_SAVED).format(said)
    except (KeyError, IndexError, ValueError):
        return NOT_SAVED.format(said)


def damaged_box(parent: QWidget, reason: str) -> QMessageBox:
    """The box the annotation window shows when the integrity check finds the database damaged (every
    action is refused from then on): why, and what to do."""
    box = QMessageBox(
        QMessageBox.Icon.Critical,
        QCoreApplication.translate("MainWindow", "The database is damaged"),
        reason,
        QMessageBox.StandardButton.Ok,
        parent,
    )
    box.setObjectName("databaseDamagedBox")
    box.setTextFormat(Qt.TextFormat.PlainText)
    return box
