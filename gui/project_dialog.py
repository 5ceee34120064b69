"""New project… and Open project…: a project is a database, a SQLite file or a PostgreSQL URL (with a Test
connection button). The dialog only chooses: it looks at what is there (``probe_database``, which writes
nothing) and refuses what would go wrong: a new project over an existing file, or over a database that holds
one already; opening a file that is not a newstag project."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from gui.database_messages import database_message
from gui.plain_text import plain_label
from gui.screen_fit import fit_to_screen
from gui.workers import Workers
from storage.project import probe_database, sqlite_url
from storage.types import DatabaseProbe

logger = logging.getLogger(__name__)


class ProjectDialog(QDialog):
    """``creating``: New project… (else Open project…). After ``accept``, ``url`` is the project's URL."""

    def __init__(self, creating: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("newProjectDialog" if creating else "openProjectDialog")
        self.creating = creating
        self.url = ""
        self.workers = Workers(self)
        self.setWindowTitle(self.tr("New project") if creating else self.tr("Open project"))
        fit_to_screen(self, 640, 260)
        self.sqliteRadio = QRadioButton(self.tr("A SQLite file (one desk)"))
        self.sqliteRadio.setObjectName("sqliteRadio")
        self.postgresRadio = QRadioButton(self.tr("A PostgreSQL database (a team)"))
        self.postgresRadio.setObjectName("postgresRadio")
        group = QButtonGroup(self)
        group.addButton(self.sqliteRadio)
        group.addButton(self.postgresRadio)
        self.sqliteRadio.setChecked(True)
        self.pathEdit = QLineEdit()
        self.pathEdit.setObjectName("pathEdit")
        self.pathEdit.setPlaceholderText(self.tr("e.g. /home/me/corpus.db"))
        self.browseButton = QPushButton(self.tr("Browse…"))
        self.browseButton.setObjectName("browseButton")
        self.browseButton.clicked.connect(self._browse)
        self.urlEdit = QLineEdit()
        self.urlEdit.setObjectName("urlEdit")
        self.urlEdit.setPlaceholderText("postgresql+psycopg://user@host:5432/database")
        self.testButton = QPushButton(self.tr("Test connection"))
        self.testButton.setObjectName("testButton")
        self.testButton.clicked.connect(self.test_connection)
        self.resultLabel = plain_label(word_wrap=True, name="resultLabel")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.okButton = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.okButton.setText(self.tr("Create") if creating else self.tr("Open"))
        self.okButton.setObjectName("okButton")
        self.buttons.accepted.connect(self.check_and_accept)
        self.buttons.rejected.connect(self.reject)
        grid = QGridLayout()
        grid.addWidget(self.sqliteRadio, 0, 0, 1, 2)
        grid.addWidget(self.pathEdit, 1, 0)
        grid.addWidget(self.browseButton, 1, 1)
        grid.addWidget(self.postgresRadio, 2, 0, 1, 2)
        grid.addWidget(self.urlEdit, 3, 0)
        grid.addWidget(self.testButton, 3, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(self.resultLabel)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.sqliteRadio.toggled.connect(self._sync)
        self.pathEdit.textEdited.connect(lambda _t: self.sqliteRadio.setChecked(True))
        self.urlEdit.textEdited.connect(lambda _t: self.postgresRadio.setChecked(True))
        self._sync()
        self.pathEdit.setFocus()  # the file name is what one types first (the radio button took the keys)

    def _sync(self) -> None:
        self.testButton.setEnabled(self.postgresRadio.isChecked())

    def _browse(self) -> None:
        if self.creating:
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("New project file"), "", self.tr("newstag projects (*.db);;All files (*)")
            )
        else:
            path, _ = QFileDialog.getOpenFileName(
                self, self.tr("Open a project file"), "", self.tr("newstag projects (*.db);;All files (*)")
            )
        if path:
            self.pathEdit.setText(path)
            self.sqliteRadio.setChecked(True)

    def _file(self) -> Path:
        """The SQLite file typed (``.db`` added to a new project's name without an extension)."""
        path = self.pathEdit.text().strip()
        if self.creating and not Path(path).suffix:
            path += ".db"
        return Path(path).expanduser()

    def chosen_url(self) -> str | None:
        """The URL the dialog says, or None (and a message) when nothing usable is typed."""
        if self.sqliteRadio.isChecked():
            path = self.pathEdit.text().strip()
            if not path:
                self.resultLabel.setText(self.tr("Choose the project's file."))
                return None
            if not self._file().is_absolute():  # the window's working folder is nobody's choice
                self.resultLabel.setText(self.tr("Give the full path of the project's file, or Browse…"))
                return None
            return sqlite_url(self._file())
        url = self.urlEdit.text().strip()
        if not url.startswith("postgresql"):
            self.resultLabel.setText(
                self.tr("A PostgreSQL URL starts with postgresql://, e.g. postgresql://user@host/database")
            )
            return None
        return url

    def test_connection(self) -> None:
        url = self.chosen_url()
        if url is None:
            return
        self.resultLabel.setText(self.tr("Connecting…"))
        self.testButton.setEnabled(False)
        self.workers.submit(probe_database, url, done=self._tested, error=self._failed)

    def _tested(self, probe: DatabaseProbe) -> None:
        self._sync()
        if probe.project:
            said = self.tr("Connected ({0}): a newstag project with {1:,} document(s).")
            self.resultLabel.setText(said.format(probe.server, probe.documents or 0))
        else:
            said = self.tr("Connected ({0}): no newstag project in this database yet.")
            self.resultLabel.setText(said.format(probe.server))

    def _failed(self, exc: Exception) -> None:
        self._sync()
        self.resultLabel.setText(self.tr("Cannot use this database: {0}").format(database_message(exc)))

    def check_and_accept(self) -> None:
        """Look at the database (nothing is written) and accept only what the action can do."""
        url = self.chosen_url()
        if url is None:
            return
        if self.creating and self.sqliteRadio.isChecked():
            # the typed file, not the URL's text: a "%" or "?" in the name is percent-encoded there
            path = self._file()
            if path.exists() or path.is_symlink():  # whatever it holds: a new project never replaces a file
                said = self.tr(
                    "{0} exists already; a new project never replaces a file. Choose another name."
                )
                self.resultLabel.setText(said.format(path))
                return
        self.okButton.setEnabled(False)
        self.resultLabel.setText(self.tr("Connecting…"))
        self.workers.submit(
            probe_database, url, done=lambda p: self._decide(url, p), error=self._failed_accept
        )

    def _failed_accept(self, exc: Exception) -> None:
        self.okButton.setEnabled(True)
        self._failed(exc)

    def _decide(self, url: str, probe: DatabaseProbe) -> None:
        self.okButton.setEnabled(True)
        where = self._file() if probe.backend == "sqlite" else probe.url
        if self.creating and probe.project:
            said = self.tr(
                "{0} holds a newstag project already ({1:,} document(s)); use Open project… to open it."
            )
            self.resultLabel.setText(said.format(where, probe.documents or 0))
        elif not self.creating and probe.backend == "sqlite" and not probe.exists:
            self.resultLabel.setText(self.tr("{0} does not exist.").format(where))
        elif not self.creating and not probe.project:
            said = self.tr("{0} holds no newstag project; it is left as it is. Use New project… to make one.")
            self.resultLabel.setText(said.format(where))
        else:
            self.url = url
            self.accept()

    def done(self, result: int) -> None:
        self.workers.shutdown()
        super().done(result)
