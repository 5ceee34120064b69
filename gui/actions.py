"""What the keys do to the spans: each key asks the core (``model.editing``) what it means, and the plan is
carried out here: saved through the undo stack (one transaction, one event) before anything shows it done,
the ``Change`` handed to the session, the decision handed to the suggestion engine. A refused action is
reported by name, leaves the view as it was and does not reach the undo stack."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Signal

from gui.database_messages import database_message, render_fault
from gui.edit_titles import title
from gui.group_said import everywhere_said, group_said
from gui.i18n import QT_TRANSLATE_NOOP
from gui.import_messages import refused_message
from gui.label_gone import labels_gone
from gui.refusals import REFUSALS
from gui.reported import reported
from gui.session import AnnotationSession
from gui.status_line import SELECTION_SHOWN
from gui.window_keys import keys_of, on_their_way, selection_said, suggesting_said
from model import editing
from model.commands import SetDocumentState
from model.editing import Outcome, Plan, Refusal
from model.faults import FaultKind
from model.ops import Change, ConflictError, LabelGone, StoreUnavailable
from model.span_rules import snap
from model.spans import DocState, DocumentId, Entity, OffsetError, Status
from model.suggest.lesson import Lesson
from model.view import Layers

logger = logging.getLogger(__name__)


class AnnotationActions(QObject):
    # an action was refused for a label the project no longer has (a lead renamed, merged or removed it
    # meanwhile): the window reads the label set again
    labelsGone = Signal()

    def __init__(self, session: AnnotationSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.snap_words = False
        self._unsnapped = False  # the last label key found no word boundaries to snap to

    def _carry_out(self, outcome: Outcome) -> bool:
        """Save a plan and show it; say why a refusal refused. True if something was saved."""
        session = self.session
        if isinstance(outcome, Refusal):
            if outcome is Refusal.NO_FOCUS and session.spans:
                self._say_no_focus()  # the keys that focus, as the keymap has them
            elif outcome in (Refusal.NO_FOCUS, Refusal.NO_OPEN_SUGGESTIONS) and self._suggesting():
                self._say_suggesting()  # not "press Tab": there is nothing to Tab to yet
            else:
                session.message.emit(self.tr(REFUSALS[outcome]) if outcome in REFUSALS else "", False)
            return False
        if outcome is None or session.document is None:
            return False
        lesson = Lesson(recount=outcome.recount)  # what the engine learns, filled off the UI thread, for undo
        try:
            change = session.undo_stack.execute(outcome.edit, (outcome.keep, outcome.advance_from), lesson)
        except Exception as exc:
            self._refused(title(outcome.edit), exc)
            return False
        session.tracker.touch()
        session.message.emit("", False)
        session.apply_change(change, outcome.keep, outcome.advance_from)
        session.learning.learn(session.document.id, outcome.accepted, outcome.rejected, lesson)
        session.learning.resync(session.document.id, outcome.recount)  # after the learning, in order
        self._landed(title(outcome.edit), change)
        return True

    def _landed(self, text: str, change: Change) -> None:
        """An action saved though the answer to its COMMIT was lost (the server, asked again, has it): shown
        done, and said as a note in the status bar, not as a failure: the user who saw the network go
        need not wonder, nor do it again."""
        if change.landed is not None:
            said = self.tr("“{0}” was saved: {1}").format(text, render_fault(change.landed))
            self.session.message.emit(said, False)

    def _refused(self, text: str, exc: Exception) -> None:
        if isinstance(exc, LabelGone):  # the label set read again first, the article with it
            before = self.session.labels
            self.labelsGone.emit()  # a read that fails leaves the session's label set as it was
            if self.session.labels is not before:
                reason = self.tr("{0}; the labels were read again").format(labels_gone(exc.labels))
            else:
                reason = self.tr("{0}; reading the labels again failed: try again").format(
                    labels_gone(exc.labels)
                )
        elif isinstance(exc, ConflictError):
            reason = self.tr("someone else changed this span first; reload the document")
        elif isinstance(exc, StoreUnavailable):  # what failed, and that nothing was saved
            reason = database_message(exc)
        elif isinstance(exc, OffsetError):
            reason = refused_message(exc)
        else:
            logger.exception("%s failed", text)
            reason = self.tr("unexpected error ({0}: {1}); your action was not saved").format(
                type(exc).__name__, exc
            )
        if getattr(exc, "kind", None) is FaultKind.IN_DOUBT:  # the COMMIT went; its answer did not come
            said = self.tr("“{0}” may or may not have been saved: {1}").format(text, reason)
        else:
            said = self.tr("“{0}” was not saved: {1}").format(text, reason)
        self.session.message.emit(said, True)

    def focus_next(self, backwards: bool = False) -> None:
        """Tab / Shift+Tab. In an article without a span to focus they would do nothing: they say so."""
        session = self.session
        if session.document is not None and not session.spans and self._suggesting():
            self._say_suggesting()
            return
        if session.document is not None and not session.spans:
            session.message.emit(
                self.tr("Nothing to focus here: select a name with Shift+arrows, then press a label key."),
                False,
            )
            return
        session.focus_next(backwards)

    def focus_previous(self) -> None:
        self.focus_next(backwards=True)

    def _suggesting(self) -> bool:
        """The open article has no suggestion yet and the engine is making them (opening it asked)."""
        session = self.session
        return (
            session.document is not None
            and session.layers is not None
            and not session.layers.suggestions
            and session.document.id in session.learning.asking
        )

    def _say_suggesting(self) -> None:
        """A key that needs a suggestion, pressed before the article's first ones arrived (just opened)."""
        self.session.message.emit(suggesting_said(), False)

    def _say_no_focus(self) -> None:
        """Return, X (a key that needs a focused span) with spans in the article and none focused: which keys
        focus one, as the keymap has them now; with none of them open (the annotator's own spans only), Tab
        focuses those; and if the engine is still making the article's suggestions, that they are coming."""
        session = self.session
        ahead, back = self._keys_of("focus_next"), self._keys_of("focus_previous")
        if said := selection_said(self.parent(), session.labels, None):  # text selected, then Return
            session.message.emit(said, False)
            return
        if any(span.status is Status.SUGGESTED for span in session.spans):
            said = self.tr(
                "No span is focused: press {0} to focus the next suggestion ({1}: the previous one)."
            )
        else:
            said = self.tr(
                "No span is focused: press {0} to focus the next of your spans ({1}: the previous one)."
            )
        said = said.format(ahead, back)
        if self._suggesting():
            said += " " + on_their_way()
        session.message.emit(said, False)

    def _keys_of(self, command: str) -> str:
        return keys_of(self.parent(), command)

    def _elsewhere(self, state: editing.EditingState) -> bool:
        """Text is selected that is not the framed span: a key that acts on the framed span (Return, X, their
        group forms, the resize keys, E) would decide a span the status bar does not describe (it describes
        the selection). A wrong decision without a word is worse than a refusal."""
        said = selection_said(self.parent(), self.session.labels, state.focused)
        if said:
            self.session.message.emit(said, False)
        return bool(said)

    def accept_focused(self) -> None:
        if (state := self.session.editing_state()) is None or self._elsewhere(state):
            return
        outcome = editing.plan_accept(state)
        if outcome is None and state.focused is not None:
            self.session.focus_next()  # Enter on an accepted span moves on
        self._carry_out(outcome)

    def reject_focused(self) -> None:
        if (state := self.session.editing_state()) is not None and not self._elsewhere(state):
            self._carry_out(editing.plan_reject(state))

    def accept_group(self, reject: bool = False) -> None:
        """Shift+Return (Shift+X: ``reject``): the framed span's group at once, most of it out of sight; said
        with its count and the key that takes it back, as A is."""
        if (state := self.session.editing_state()) is not None and not self._elsewhere(state):
            plan = (editing.plan_reject_group if reject else editing.plan_accept_group)(state)
            if self._carry_out(plan) and isinstance(plan, Plan):
                self.session.message.emit(group_said(state, plan, reject, self._keys_of("undo")), False)

    def reject_group(self) -> None:
        self.accept_group(reject=True)

    def accept_all(self) -> None:
        """A: every open suggestion at once; said with its count and the key that takes it back, since one
        key just made many decisions (a new annotator's A meant for something else included)."""
        if (state := self.session.editing_state()) is not None:
            plan = editing.plan_accept_all(state)
            if self._carry_out(plan) and isinstance(plan, Plan):
                said = self.tr("Accepted all {0:,} suggestions of this article ({1} takes them back).")
                self.session.message.emit(said.format(len(plan.accepted), self._keys_of("undo")), False)

    @reported(QT_TRANSLATE_NOOP("Reported", "Labelling"))
    def apply_label(self, label: str, selection: tuple[int, int] | None) -> None:
        """A label hotkey: a new span over the selection, else relabel the focused span."""
        if (state := self.session.editing_state()) is not None:
            snapper = self._snap if self.snap_words else None
            self._unsnapped = False
            outcome = editing.plan_label(state, label, selection, snapper)
            if outcome is Refusal.ALREADY and selection is not None:  # framed, so the keys act on it; said
                self._frame_own(*selection, label)
            if self._carry_out(outcome):  # an own span partly under the selection went: not seen covered
                said = self.tr("Withdrew your {0}, which the new span overlaps (Ctrl+Z brings it back).")
                self._say_withdrawn(said, state.text, outcome)
                if self._unsnapped:  # said once the span is saved (saving clears what was said before)
                    self._say_unsnapped()

    def _frame_own(self, start: int, end: int, label: str) -> None:
        """Frame the own span ``[start, end)`` labelled ``label`` (a selection of exactly it was labelled so
        again): the keys that act on the framed span then act on it."""
        for i, span in enumerate(self.session.spans):
            if (span.start, span.end, span.label) == (start, end, label) and span.status is Status.ACCEPTED:
                self.session.set_focus(i)
                return

    def _say_unsnapped(self) -> None:
        self.session.message.emit(
            self.tr("Word boundaries are not ready yet (jieba is loading): the span is kept as selected."),
            False,
        )

    def _snap(self, start: int, end: int) -> tuple[int, int]:
        text = self.session.document.text if self.session.document else ""
        bounds = self.session.learning.words_around(text, start, end)
        if bounds is None:
            self._unsnapped = True
            return start, end
        return snap(bounds, start, end)

    def set_snap_words(self, snap: bool) -> None:
        self.snap_words = snap
        said = (  # W is a silent toggle otherwise, next to E: say which way it went
            self.tr("New spans from a selection now snap to word boundaries (W turns it off).")
            if snap
            else self.tr("New spans from a selection no longer snap to word boundaries.")
        )
        self.session.message.emit(said, False)

    def resize_focused(self, edge: str, delta: int) -> None:
        if (state := self.session.editing_state()) is not None and not self._elsewhere(state):
            outcome = editing.plan_resize(state, edge, delta)
            if self._carry_out(outcome):  # grown into an own span next to it, which goes
                said = self.tr(
                    "Withdrew your {0}, which the resized span now overlaps (Ctrl+Z brings it back)."
                )
                self._say_withdrawn(said, state.text, outcome)

    def _say_withdrawn(self, said: str, text: str, outcome: editing.Outcome) -> None:
        """The status bar names the own spans a plan withdrew that the annotator did not see covered."""
        if isinstance(outcome, Plan) and outcome.replaced:
            spans = ", ".join(f"{e.label} “{text[e.start : e.end]}”" for e in outcome.replaced)
            self.session.message.emit(said.format(spans), False)

    @reported(QT_TRANSLATE_NOOP("Reported", "Labelling every occurrence"))
    def label_everywhere(self, corpus: bool = False) -> None:
        """Label every other occurrence of the focused span's text in this article (and, with ``corpus``,
        offer it as a suggestion in every unfinished document)."""
        if (state := self.session.editing_state()) is None or self._elsewhere(state):
            return
        span, store = state.focused, self.session.store
        targets: list[tuple[DocumentId, Entity]] = []
        if corpus and span is not None and span.status is not Status.REJECTED:
            surface = state.surface(span)
            found = store.occurrences(
                surface, exclude=state.ctx.document_id, unfinished_for=state.ctx.annotator_id
            )
            existing = store.suggested_entities(d for d, _ in found)
            targets = editing.corpus_targets(surface, span.label, found, existing)
        outcome = editing.plan_label_everywhere(state, targets)
        if outcome is Refusal.NO_OTHER_OCCURRENCE and span is not None:
            self.session.message.emit(
                self.tr("No other occurrence of “{0}” to label.").format(state.surface(span)), False
            )
        elif outcome is Refusal.ONLY_INSIDE_LONGER and span is not None:
            said = self.tr(
                "Every other “{0}” lies inside a longer suggestion: left as it is (select one to label it)."
            )
            self.session.message.emit(said.format(state.surface(span)), False)
        elif self._carry_out(outcome) and isinstance(outcome, Plan) and span is not None:
            accepted_now = span.status is Status.SUGGESTED  # the framed span itself: said, not "0 more"
            said = everywhere_said(state.surface(span), span.label, outcome, corpus, accepted_now)
            self.session.message.emit(said, False)

    @reported(QT_TRANSLATE_NOOP("Reported", "Marking done"))
    def mark_done_and_next(self) -> None:
        session = self.session
        if (state := session.editing_state()) is None:
            return
        previous = session.store.state(state.ctx.document_id, state.ctx.annotator_id)
        plan = editing.plan_mark_done(state, previous)
        if plan is not None:
            if not self._carry_out(plan):
                return
            session.update_progress()
        undecided = sum(s.status is Status.SUGGESTED for s in state.spans) if plan else 0  # no labels
        said = self.tr("Marked done with {0:,} suggestion(s) undecided, not exported ({1} undoes).")
        note = said.format(undecided, self._keys_of("undo")) if undecided else ""
        session.next_document(unfinished=True, also=note)  # said with "Every document is done" if it stays
        if note and session.document is not None and session.document.id != state.ctx.document_id:
            session.message.emit(note, False)

    # -- undo --------------------------------------------------------------------------------------

    def undo(self) -> None:
        self._step(undo=True)

    def redo(self) -> None:
        self._step(undo=False)

    @reported(QT_TRANSLATE_NOOP("Reported", "Undo or redo"))
    def _step(self, undo: bool) -> None:
        session, stack = self.session, self.session.undo_stack
        if not (stack.canUndo() if undo else stack.canRedo()):  # said: a key that did nothing looks broken
            session.message.emit(
                self.tr("Nothing to undo: the undo history begins when the window opens.")
                if undo
                else self.tr("Nothing to redo."),
                False,
            )
            return
        text = stack.undoText() if undo else stack.redoText()  # the edit's title, as the Edit menu shows it
        index = stack.index() - 1 if undo else stack.index()
        document = stack.document_of(index)
        states = [c.state for c in stack.commands_at(index) if isinstance(c, SetDocumentState)]
        changes_state = bool(states)
        moves_on = not undo and DocState.DONE in states  # a redone Ctrl+Return moves on as the key did
        elsewhere = document is not None and (session.document is None or document != session.document.id)
        if elsewhere and document is not None:
            session.open_document(document)  # undo where the change is, in plain sight
        before = session.layers
        try:
            change = stack.undo_step() if undo else stack.redo_step()
        except Exception as exc:
            self._refused((self.tr("Undo {0}") if undo else self.tr("Redo {0}")).format(text), exc)
            return
        session.message.emit("", False)
        if change is None or session.document is None or before is None:
            return
        where = _place(before, change)  # the next key acts where the step was, not where a decision moved on
        keep, advance = (where, where[0] if where else None) if undo else (None, None)
        if not undo:  # a redo moves the focus as the action did (Return: on to the next suggestion)
            keep, advance = stack.focus_at(index)
            if keep is None and advance is None:
                keep, advance = where, where[0] if where else None
        session.apply_change(change, keep, advance)
        if elsewhere and not moves_on:  # another article opened under the annotator's hands: say which
            said, name = self.tr("{0}: back in “{1}”, the article it changed."), session.document.title
            name = name if len(name) <= 24 else name[:23] + "…"
            edit = stack.edit_at(index)  # the span's text cut as a selection's is: the bar is narrow
            short = title(edit, SELECTION_SHOWN) if edit is not None else text
            step = (self.tr("Undo {0}") if undo else self.tr("Redo {0}")).format(short)
            session.message.emit(said.format(step, name or f"#{session.document.id}"), False)
        self._landed((self.tr("Undo {0}") if undo else self.tr("Redo {0}")).format(text), change)
        if changes_state:
            session.update_progress()
        surfaces = self._surfaces(before, change)  # the engine as before the step (undo), or after it (redo)
        session.learning.resync(session.document.id, surfaces, stack.lesson_at(index), again=not undo)
        if moves_on:
            session.next_document(unfinished=True)

    def _surfaces(self, before: Layers, change: Change) -> set[str]:
        """The strings of this annotator's decisions in the open document that ``change`` touched."""
        old = {s.id: s for s in before.own}
        mine = [
            s
            for s in (*change.inserted, *change.updated)
            if s.document_id == before.document_id and s.annotator_id == before.annotator_id
        ]
        touched = mine + [old[i] for i in (*change.deleted, *(s.id for s in change.updated)) if i in old]
        return {self.session.surface(s) for s in touched}


def _place(before: Layers, change: Change) -> tuple[int, int] | None:
    """(start, end) of the first span of the open document that ``change`` touched, if it touched one."""
    old = {s.id: s for s in (*before.suggestions, *before.own)}
    touched = [s for s in (*change.inserted, *change.updated) if s.document_id == before.document_id]
    touched += [old[i] for i in change.deleted if i in old]
    first = min(touched, key=lambda s: (s.start, s.end), default=None)
    return (first.start, first.end) if first is not None else None
