"""The project facade: one open database with its managers hung off it. The one entry point to storage.

Open it with ``Project.open(url)``; nothing happens at import time. ``gui/`` imports from storage only this
module and ``storage.types`` (a test enforces it); the managers themselves know only a ``Database``, never
the facade, so storage has no import circles.

    project.documents       texts, read as ``model.spans.Document``
    project.annotations     an annotator's decisions: the store the undoable commands write to
    project.document_list   pages of the document list, progress, the next document
    project.ordering        the list's order: by document, or most uncertain first
    project.labels          the label set
    project.settings        project-wide settings
    project.team            annotators, assignment, agreement
    project.reviews         adjudication and the gold layer
    project.suggestions     machine suggestions (created on first use; thread-safe)
    project.training        training the CRF and choosing the model that serves
    project.trained_models  the stored CRF weights
    project.decisions       decision counts (the project dictionary, the combiner's trust)
    project.importer        bringing files in
    project.export          writing annotations out
"""

from __future__ import annotations

import logging
import threading

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError

from model.spans import Annotator, Role
from storage.annotations import Annotations
from storage.backup import backup_sqlite, pg_dump_advice
from storage.database import Database, IntegrityCheck, commit_in_doubt, committed_here
from storage.db import (
    DatabaseError,
    create_db_engine,
    database_error,
    database_url,
    default_url,
    migrate,
    parse_url,
    quick_check,
    sqlite_path,
    sqlite_url,
)
from storage.decisions import Decisions
from storage.document_list import DocumentList
from storage.documents import DocumentStore
from storage.export import Exporter
from storage.export_output import database_files, file_taken, new_file
from storage.importer import Importer
from storage.labels import Labels
from storage.ordering import Ordering
from storage.probe import probe_database, public_url
from storage.review import Reviews
from storage.settings import Settings
from storage.stats import CorpusStats, corpus_stats
from storage.suggestions import SuggestionService
from storage.team import Team
from storage.trained_models import TrainedModels
from storage.training import Training

logger = logging.getLogger(__name__)

# The manager classes, for type hints in gui/ (which imports nothing else from storage but storage.types),
# and what works on a project's database before it is opened.
__all__ = [
    "Annotations",
    "DocumentList",
    "Importer",
    "IntegrityCheck",
    "Project",
    "SuggestionService",
    "backup_sqlite",
    "commit_in_doubt",  # a dialog's write: its COMMIT's answer lost, and the server could not be asked
    "committed_here",  # ... and whether it was saved before what failed after it
    "database_files",  # a SQLite project's files, which no command's output may be
    "database_url",
    "default_url",
    "file_taken",  # suggest --output, train --save: a file the user owns is refused unless --overwrite
    "new_file",  # ... and written into a temporary sibling, moved into place when complete
    "pg_dump_advice",
    "probe_database",  # New project… / Open project…: what a URL holds, before opening it
    "public_url",
    "sqlite_path",  # a project's file, before it is open
    "sqlite_url",
]


class Project(Database):
    def __init__(self, engine: Engine) -> None:
        super().__init__(engine)
        self.documents = DocumentStore(self)
        self.annotations = Annotations(self)
        self.document_list = DocumentList(self)
        self.ordering = Ordering(self)
        self.labels = Labels(self)
        self.settings = Settings(self)
        self.team = Team(self)
        self.reviews = Reviews(self)
        self.trained_models = TrainedModels(self)
        self.training = Training(self)
        self.decisions = Decisions(self)
        self.importer = Importer(self)
        self.export = Exporter(self)
        self._suggestions: SuggestionService | None = None
        self._suggestions_lock = threading.Lock()

    @classmethod
    def open(cls, url: str | None = None, check: IntegrityCheck = IntegrityCheck.NOW) -> Project:
        """Open (creating and migrating as needed) the database at ``url`` (default: the user's SQLite).
        A damaged, full, read-only or unreachable database raises ``storage.db.DatabaseError`` saying so."""
        engine = create_db_engine(url or default_url())
        try:
            if check is IntegrityCheck.NOW:
                quick_check(engine)
            migrate(engine)
            project = cls(engine)
            project.labels.ensure_defaults()
            if check is IntegrityCheck.BACKGROUND:
                project._check_in_background()
        except DBAPIError as exc:
            engine.dispose()
            raise database_error(exc, engine.url) or exc from exc
        except BaseException:
            engine.dispose()
            raise
        return project

    @staticmethod
    def database_problem(exc: BaseException, url: str | None) -> DatabaseError | None:
        """What a driver error under a command means, worded for a person; None when it is not about the
        database as a whole (a constraint, a bug: the caller re-raises those)."""
        if isinstance(exc, DatabaseError):
            return exc
        if not isinstance(exc, DBAPIError):
            return None
        return database_error(exc, parse_url(url or default_url()))

    def __enter__(self) -> Project:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def suggestions(self) -> SuggestionService:
        """The project's suggestion service (one per open project: its engine learns as people decide)."""
        with self._suggestions_lock:
            if self._suggestions is None:
                self._suggestions = SuggestionService(self)
            return self._suggestions

    # -- shortcuts for what nearly every caller needs ------------------------------------------------

    def annotator(self, name: str, role: Role = Role.ANNOTATOR) -> Annotator:
        """The annotator called ``name``, created on first use."""
        return self.team.annotator(name, role)

    def stats(self) -> CorpusStats:
        """Corpus figures for ``newstag stats``."""
        return corpus_stats(self)
