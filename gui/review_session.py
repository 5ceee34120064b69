"""The state of one review: a document, every annotator's spans aligned, the decisions taken so far.

It offers the article view the same interface as the annotation session (``labels``, ``spans``, ``focused``,
``documentOpened``, ``spansChanged``, ``focus_at``, ``clear_focus``), so the review screen draws the article
with the same widget. Nothing is written until ``save()``; a save that finds another reviewer's newer gold is
refused with a message (optimistic locking), never applied over it.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Signal

from gui.i18n import QT_TRANSLATE_NOOP
from gui.label_gone import labels_gone
from gui.permissions import refusal_message
from gui.reported import unsaved
from model.ops import ConflictError, LabelGone
from model.review import Alignment, Decision, Disagreement, Resolution, align, decisions_from_gold, resolve
from model.roles import RoleRefused
from model.spans import Annotator, DocumentId, Entity, Layer, Origin, Span, Status
from storage.project import Project
from storage.types import ReviewItem

logger = logging.getLogger(__name__)


class ReviewSession(QObject):
    documentOpened = Signal(object)  # Document
    spansChanged = Signal()
    decisionsChanged = Signal()
    message = Signal(str, bool)  # text, is it an error
    labelsGone = Signal()  # a save refused for a label a lead renamed, merged or removed: read them again

    def __init__(self, project: Project, reviewer: Annotator, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.project = project
        self.reviewer = reviewer
        self.labels = project.labels.all()
        self.item: ReviewItem | None = None
        self.alignment = Alignment()
        self.decisions: dict[int, Decision] = {}  # disagreement index -> decision
        self.spans: list[Span] = []
        self.focused = -1
        self.current = -1  # index of the focused disagreement
        self.saved = True

    # -- opening ---------------------------------------------------------------------------------------

    def open(self, document_id: DocumentId) -> None:
        self.item = self.project.reviews.load(document_id)
        self.alignment = align(self.item.layers)
        # a document reviewed before opens with the decisions its gold holds (a save keeps them)
        self.decisions = (
            decisions_from_gold(self.alignment, self.item.gold, self.item.gold_why)
            if self.item.version
            else {}
        )
        self.saved = True
        doc = self.project.documents.get(document_id)
        self.documentOpened.emit(doc)
        self.current = (self._undecided() or [0])[0] if self.alignment.disagreements else -1
        self._rebuild()

    @property
    def annotators(self) -> list[str]:
        return sorted(self.item.layers) if self.item else []

    @property
    def disagreement(self) -> Disagreement | None:
        if 0 <= self.current < len(self.alignment.disagreements):
            return self.alignment.disagreements[self.current]
        return None

    # -- what the article shows --------------------------------------------------------------------------

    def _span(self, entity: Entity, status: Status, label: str | None = None) -> Span:
        assert self.item is not None
        return Span(
            None,
            self.item.document_id,
            entity.start,
            entity.end,
            label or entity.label,
            Layer.GOLD,
            status,
            Origin.HUMAN,
        )

    def _rebuild(self) -> None:
        spans: list[tuple[Span, int]] = [(self._span(e, Status.ACCEPTED), -1) for e in self.alignment.agreed]
        for i, d in enumerate(self.alignment.disagreements):
            if i in self.decisions:
                spans += [(self._span(e, Status.ACCEPTED), i) for e in self.decisions[i].entities]
            else:
                versions = sorted({e.label for es in d.spans.values() for e in es})
                span = self._span(Entity(d.start, d.end, "?"), Status.SUGGESTED, "|".join(versions))
                spans.append((span, i))
        spans.sort(key=lambda x: (x[0].start, x[0].end))
        self.spans = [s for s, _ in spans]
        self._owners = [i for _, i in spans]
        self.focused = next(
            (k for k, owner in enumerate(self._owners) if owner == self.current and owner >= 0), -1
        )
        self.spansChanged.emit()
        self.decisionsChanged.emit()

    def focus_at(self, offset: int) -> bool:
        hits = [k for k, s in enumerate(self.spans) if s.start <= offset < s.end and self._owners[k] >= 0]
        if hits:
            self.current = self._owners[hits[0]]
            self._rebuild()
        return bool(hits)

    def clear_focus(self) -> None:
        self.current = -1
        self._rebuild()

    # -- walking and deciding --------------------------------------------------------------------------

    def step(self, forward: bool = True) -> None:
        """Next (previous) disagreement, open ones first."""
        n = len(self.alignment.disagreements)
        if not n:
            return
        order = [(self.current + k * (1 if forward else -1)) % n for k in range(1, n + 1)]
        undecided = [i for i in order if i not in self.decisions]
        self.current = (undecided or order)[0]
        self._rebuild()

    def decide(
        self, resolution: Resolution, source: str | None = None, edited: list[Entity] | None = None
    ) -> bool:
        d = self.disagreement
        if d is None:
            self.message.emit(self.tr("No disagreement is selected."), True)
            return False
        try:
            decision = resolve(d, resolution, source, edited or [])
            self.decisions.pop(self.current, None)  # the dict keeps the order of deciding, for undo
            self.decisions[self.current] = decision
        except ValueError:
            if resolution is Resolution.BOTH:
                said = self.tr("The versions overlap each other: take one of them or edit by hand.")
            else:
                said = self.tr("{0} did not annotate this document.").format(source)
            self.message.emit(said, True)
            return False
        self.saved = False
        self.message.emit("", False)  # what a refusal before said no longer holds
        remaining = self._undecided()
        if remaining:
            self.current = next((i for i in remaining if i > self.current), remaining[0])
        self._rebuild()
        return True

    def take(self, index: int) -> bool:
        """Take the version of the ``index``-th annotator (0 = A)."""
        names = self.annotators
        if not 0 <= index < len(names):
            self.message.emit(
                self.tr("There is no annotator {0} on this document.").format(chr(65 + index)), True
            )
            return False
        return self.decide(Resolution.TAKE, names[index])

    def edit(self, entity: Entity) -> bool:
        """Hand-made gold span for the current disagreement (it must lie inside it)."""
        d = self.disagreement
        if d is None or not (d.start <= entity.start and entity.end <= d.end):
            self.message.emit(
                self.tr("Select text inside the highlighted disagreement, then press a label key."), True
            )
            return False
        previous = self.decisions.get(self.current)
        kept = (
            [e for e in previous.entities if not e.overlaps(entity)]
            if previous and previous.resolution is Resolution.EDIT
            else []
        )
        return self.decide(Resolution.EDIT, edited=sorted([*kept, entity], key=lambda e: e.start))

    def undo(self) -> None:
        """Undo the decision on the current disagreement; on an open one (a decision moves on to the next),
        the last decision taken, going back to it."""
        if self.current not in self.decisions:
            if not self.decisions:
                return
            self.current = next(reversed(self.decisions))
        del self.decisions[self.current]
        self.saved = False
        self.message.emit("", False)
        self._rebuild()

    @property
    def open_count(self) -> int:
        return len(self.alignment.disagreements) - len(self.decisions)

    def _undecided(self) -> list[int]:
        """The disagreements no decision covers yet, in order."""
        return [i for i in range(len(self.alignment.disagreements)) if i not in self.decisions]

    @unsaved(QT_TRANSLATE_NOOP("Reported", "Saving the gold"))
    def save(self) -> bool:
        """Write the gold layer (agreed spans + decisions). Undecided disagreements keep nothing: they are
        saved (and shown from then on) as rejected, which is what the gold reads back as when reopened."""
        if self.item is None:
            return False
        undecided = self._undecided()
        decisions = {**self.decisions, **dict.fromkeys(undecided, Decision(Resolution.REJECT, ()))}
        try:
            version = self.project.reviews.save_gold(
                self.item, self.reviewer.id, self.alignment.agreed, list(decisions.values())
            )
        except LabelGone as exc:  # a lead renamed, merged or removed one meanwhile
            before = self.labels
            self.labelsGone.emit()  # the window reads the label set again (a failed read leaves it)
            if self.labels is not before:
                said = self.tr("Not saved: {0}; the labels were read again: open the document again")
            else:
                said = self.tr("Not saved: {0}; reading the labels again failed: try again")
            self.message.emit(said.format(labels_gone(exc.labels)), True)
            return False
        except ConflictError as exc:
            self.message.emit(self.tr("Not saved: {0}").format(exc), True)
            return False
        except RoleRefused as exc:  # the role was taken away since the review window opened
            self.message.emit(self.tr("Not saved: {0}").format(refusal_message(exc)), True)
            return False
        self.decisions = decisions
        self.item = ReviewItem(self.item.document_id, self.item.text, self.item.layers, self._gold(), version)
        self.saved = True
        if undecided:
            said = self.tr("Gold saved (version {0}); {1} undecided disagreement(s) keep nothing: rejected.")
            self.message.emit(said.format(version, len(undecided)), False)
        else:
            self.message.emit(self.tr("Gold saved (version {0}).").format(version), False)
        self._rebuild()
        return True

    def _gold(self) -> list[Entity]:
        decided = [e for d in self.decisions.values() for e in d.entities]
        return sorted([*self.alignment.agreed, *decided], key=lambda e: (e.start, e.end))
