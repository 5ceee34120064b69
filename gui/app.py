"""Starting the desktop application: open the project, make sure there is something to annotate, ask who
is annotating, show the window."""

from __future__ import annotations

import logging
import os
import sys

from PySide6.QtCore import QCoreApplication, QMessageLogContext, Qt, QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox

from gui import fault_hook, i18n, platform_check, settings
from gui.database_messages import database_message
from gui.import_messages import refused_message
from gui.qt_compat import guard_none_refcount
from model.spans import Annotator
from seeds import seed_paths
from storage.project import IntegrityCheck, Project
from storage.types import DatabaseError, TeamError

logger = logging.getLogger(__name__)


def ensure_seeds(project: Project) -> int:
    """An empty project opens on the bundled seed articles. Returns how many were imported."""
    if project.documents.count():
        return 0
    return sum(project.importer.import_file(path).imported for path in seed_paths())


def ask_annotator(refused: str = "") -> str | None:
    """The name to annotate under: the one remembered, else asked for (after ``refused``: why the name
    typed before cannot be); "" if OK was pressed with no name typed, None if the dialog is cancelled."""
    remembered = settings.load().get("annotator")
    if remembered and not refused:
        return str(remembered)
    asking = QCoreApplication.translate(
        "App", "Your name (it marks your annotations; newstag --annotator NAME starts under another one):"
    )
    name, ok = QInputDialog.getText(
        None,
        QCoreApplication.translate("App", "Welcome to newstag"),
        f"{refused}\n\n{asking}" if refused else asking,
    )
    return name.strip() if ok else None


def annotating(project: Project, given: str | None) -> Annotator | None:
    """Who annotates: ``given`` (``--annotator``), else the remembered or asked-for name; a name the
    project refuses (a comma, too long) is said and asked for again, never remembered; OK (Return) with no
    name typed asks again rather than ending the program without a word. None: cancelled."""
    name = given or ask_annotator()
    while name is not None:
        if not name:
            name = ask_annotator(
                refused=QCoreApplication.translate("App", "A name is needed: type yours, then press Return.")
            )
            continue
        try:
            person = project.annotator(name)
        except TeamError as exc:
            name = ask_annotator(refused=refused_message(exc))
            continue
        if given is None and settings.load().get("annotator") != person.name:
            settings.save(annotator=person.name)
        return person
    return None


def _exit_on_qt_fatal(mode: QtMsgType, _context: QMessageLogContext, message: str) -> None:
    """While the QApplication starts: Qt's fatal message (no platform plugin, no display) is ours to say,
    instead of Qt's abort (exit 134). Other messages go to stderr as Qt would print them."""
    if mode == QtMsgType.QtFatalMsg:
        sys.stderr.write(platform_check.qt_failure_message(message) + "\n")
        sys.stderr.flush()
        os._exit(3)
    sys.stderr.write(message + "\n")


def start_application() -> QApplication:
    """The QApplication; Qt's fatal start-up errors become our message and exit 3 (the CLI checked what it
    could before importing Qt: ``platform_check``)."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    previous = qInstallMessageHandler(_exit_on_qt_fatal)
    app = QApplication(sys.argv[:1])
    qInstallMessageHandler(previous)
    return app


def _cannot_open(reason: str) -> None:
    box = QMessageBox(
        QMessageBox.Icon.Critical,
        QCoreApplication.translate("App", "newstag cannot open the database"),
        reason,
    )
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.exec()


def run_app(url: str | None, annotator: str | None) -> int:
    app = start_application()
    guard_none_refcount()
    app.setApplicationName("newstag")
    i18n.install()  # the user's language (View → Language), else the system's
    fault_hook.install()  # a database fault no step caught is said in the window, not as a traceback
    try:
        project = Project.open(url, check=IntegrityCheck.BACKGROUND)
    except DatabaseError as exc:
        _cannot_open(database_message(exc))
        return 2
    try:
        ensure_seeds(project)
        person = annotating(project, annotator)
        if person is None:
            project.close()
            return 0
        from gui.main_window import MainWindow

        window = MainWindow(project, person, project.suggestions)
    except Exception as exc:  # damage the background check had not reported yet
        problem = Project.database_problem(exc, url)
        if problem is None:
            raise
        logger.error("cannot open the window: %s", problem)
        _cannot_open(database_message(problem))
        project.close()
        return 2
    window.show()
    window.activateWindow()  # a window manager would; without one (Xvfb) no key reached the window
    code = app.exec()
    window.close()  # saves the time spent, waits for the background worker
    project.close()
    return code
