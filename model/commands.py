"""Undoable annotation commands. A user action is an ``Edit`` of one or more commands; its ``do``/``undo`` is
one saved action (one transaction, one event) and returns the ``Change`` it made.

The GUI wraps each edit in a thin ``QUndoCommand``; the commands themselves know nothing of Qt or SQL: they
talk to an ``AnnotationStore`` (see ``model.ops``). An edit whose ``do`` raised left nothing saved and may be
retried.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from model.ops import Action, AnnotationStore, Change, Delete, Insert, Op, SetState, Update
from model.spans import (
    EDIT_VERBS,
    AnnotatorId,
    DocState,
    DocumentId,
    Entity,
    Layer,
    Origin,
    OriginDetail,
    Span,
    SpanId,
    Status,
    machine_origin,
)


@dataclass(frozen=True, slots=True)
class Context:
    document_id: DocumentId
    annotator_id: AnnotatorId


class Command(ABC):
    """One part of a user action. ``text`` names it in the Edit menu (Undo Accept PER 裴青山).

    A command says which ops do it (``ops``) and which undo it (``undo_ops``); an ``Edit`` saves the ops of
    all its commands in one transaction and hands each command back the spans its inserts created."""

    name: str = "action"

    def __init__(self, ctx: Context, text: str) -> None:
        self.ctx = ctx
        self.text = text

    def action(self, undo: bool = False) -> Action:
        return Action(
            name=("undo " if undo else "") + self.name,
            annotator_id=self.ctx.annotator_id,
            document_id=self.ctx.document_id,
            payload=self.payload(),
            undo=undo,
        )

    def payload(self) -> dict[str, object]:
        return {}

    @abstractmethod
    def ops(self) -> list[Op]: ...

    @abstractmethod
    def undo_ops(self) -> list[Op]: ...

    def done(self, inserted: Sequence[Span]) -> None:
        """The spans this command's inserts created (in order), after ``ops`` were saved."""
        return None

    def undone(self) -> None:
        """``undo_ops`` were saved."""
        return None

    def do(self, store: AnnotationStore) -> Change:
        return Edit([self]).do(store)

    def undo(self, store: AnnotationStore) -> Change:
        return Edit([self]).undo(store)


class Edit:
    """One user action: one or more commands, saved (and undone) in one transaction with one event."""

    def __init__(
        self,
        commands: Sequence[Command],
        text: str | None = None,
        title: tuple[str, Mapping[str, object]] | None = None,
    ) -> None:
        if not commands:
            raise ValueError("an edit needs at least one command")
        self.commands = list(commands)
        self.text = text or commands[0].text
        # what the Edit menu calls it, as an English template and its values (``text`` filled in), so that
        # the window can say it in the annotator's language
        self.title = title or (self.text.replace("{", "{{").replace("}", "}}"), {})

    @property
    def ctx(self) -> Context:
        return self.commands[0].ctx

    def action(self, undo: bool = False) -> Action:
        if len(self.commands) == 1:
            return self.commands[0].action(undo)
        name = "+".join(dict.fromkeys(c.name for c in self.commands))
        parts = [{"action": c.name, **c.payload()} for c in self.commands]
        return Action(
            ("undo " if undo else "") + name,
            self.ctx.annotator_id,
            self.ctx.document_id,
            {"text": self.text, "parts": parts},
            undo,
        )

    def do(self, store: AnnotationStore) -> Change:
        ops = [c.ops() for c in self.commands]
        change = store.apply(self.action(), [op for part in ops for op in part])
        inserted = list(change.inserted)
        for command, part in zip(self.commands, ops, strict=True):
            n = sum(isinstance(op, Insert) for op in part)
            command.done(inserted[:n])
            inserted = inserted[n:]
        return change

    def undo(self, store: AnnotationStore) -> Change:
        ops = [op for c in reversed(self.commands) for op in c.undo_ops()]
        change = store.apply(self.action(undo=True), ops)
        for command in self.commands:
            command.undone()
        return change


def _own(
    ctx: Context,
    entity: Entity,
    status: Status,
    origin: Origin,
    detail: str | None = None,
    score: float | None = None,
) -> Insert:
    return Insert(
        ctx.document_id,
        Layer.ANNOTATOR,
        ctx.annotator_id,
        entity.start,
        entity.end,
        entity.label,
        status,
        origin,
        detail,
        score,
    )


def _entity_payload(span: Span | Entity) -> dict[str, object]:
    return {"start": span.start, "end": span.end, "label": span.label}


class _InsertingCommand(Command):
    """Inserts some spans and updates others; undo deletes what it inserted and reverts the updates."""

    def __init__(self, ctx: Context, text: str) -> None:
        super().__init__(ctx, text)
        self.inserted: list[SpanId] = []

    def inserts(self) -> list[Insert]:
        return []

    def updates(self) -> list[tuple[SpanId, dict[str, object], dict[str, object]]]:
        """(span id, new values, old values)."""
        return []

    def ops(self) -> list[Op]:
        return [*self.inserts(), *(Update(i, new) for i, new, _ in self.updates())]

    def undo_ops(self) -> list[Op]:
        return [*(Delete(i) for i in self.inserted), *(Update(i, old) for i, _, old in self.updates())]

    def done(self, inserted: Sequence[Span]) -> None:
        self.inserted = [s.id for s in inserted if s.id is not None]

    def undone(self) -> None:
        self.inserted = []


class AcceptSpans(_InsertingCommand):
    """Accept one or many suggestions as they are (Enter; Accept all)."""

    name = "accept"

    def __init__(self, ctx: Context, suggestions: Sequence[Span], text: str | None = None) -> None:
        super().__init__(ctx, text or _describe("Accept", suggestions))
        self.suggestions = list(suggestions)

    def inserts(self) -> list[Insert]:
        return [
            _own(self.ctx, s.entity, Status.ACCEPTED, s.origin, s.origin_detail, s.score)
            for s in self.suggestions
        ]

    def payload(self) -> dict[str, object]:
        return {"spans": [_entity_payload(s) | {"origin": str(s.origin)} for s in self.suggestions]}


class RejectSpan(_InsertingCommand):
    """Reject a suggestion (remembered as this annotator's rejection) or withdraw an own span."""

    name = "reject"

    def __init__(self, ctx: Context, span: Span) -> None:
        super().__init__(ctx, _describe("Reject", [span]))
        self.span = span

    def inserts(self) -> list[Insert]:
        if self.span.layer is Layer.SUGGESTION:
            s = self.span
            return [_own(self.ctx, s.entity, Status.REJECTED, s.origin, s.origin_detail, s.score)]
        return []

    def updates(self) -> list[tuple[SpanId, dict[str, object], dict[str, object]]]:
        if self.span.layer is Layer.SUGGESTION or self.span.id is None:
            return []
        return [(self.span.id, {"status": Status.REJECTED}, {"status": self.span.status})]

    def payload(self) -> dict[str, object]:
        return _entity_payload(self.span) | {"origin": str(self.span.origin)}


class ReplaceSpan(_InsertingCommand):
    """Put ``entity`` in place of ``span`` (relabel, grow, shrink) and of any own accepted span it overlaps.

    An own span is changed in place; a suggestion becomes an own accepted span with the new values. Either way
    a machine's span the annotator changed is theirs from then on: origin ``human``, detail ``resize of
    model`` (``relabel of``, ``edit of``) naming the machine that first proposed it, no score; undo gives the
    own span its origin back."""

    name = "edit"

    def __init__(
        self, ctx: Context, span: Span, entity: Entity, overlapped: Sequence[Span] = (), name: str = "edit"
    ) -> None:
        verb = {"relabel": f"Relabel as {entity.label}", "resize": "Resize"}.get(name, "Edit")
        super().__init__(ctx, _describe(verb, [span]))
        self.name = name
        self.span, self.entity = span, entity
        # own spans it overlaps are withdrawn; suggestions it overlaps drop out of the view by themselves (the
        # suggestion layer is everyone's: never marked by one annotator)
        self.overlapped = [
            o for o in overlapped if o.id is not None and o.id != span.id and o.layer is not Layer.SUGGESTION
        ]

    def inserts(self) -> list[Insert]:
        if self.span.layer is Layer.SUGGESTION:
            detail = f"{self.name} of {machine_origin(self.span) or self.span.origin}"
            return [_own(self.ctx, self.entity, Status.ACCEPTED, Origin.HUMAN, detail, None)]
        return []

    def _made_own(self) -> str | None:
        """The detail an own machine span this edit changes takes (``resize of model``), else None."""
        source = machine_origin(self.span)
        if self.span.entity == self.entity or source is None:
            return None
        return f"{self.name if self.name in EDIT_VERBS else 'edit'} of {source}"

    def updates(self) -> list[tuple[SpanId, dict[str, object], dict[str, object]]]:
        changes: list[tuple[SpanId, dict[str, object], dict[str, object]]] = [
            (o.id, {"status": Status.REJECTED}, {"status": o.status})
            for o in self.overlapped
            if o.id is not None
        ]
        s, e = self.span, self.entity
        if s.layer is not Layer.SUGGESTION and s.id is not None:
            new: dict[str, object] = {}
            old: dict[str, object] = {}
            if (detail := self._made_own()) is not None:  # the annotator's from now on
                new = {"origin": Origin.HUMAN, "origin_detail": detail, "score": None}
                old = {"origin": s.origin, "origin_detail": s.origin_detail, "score": s.score}
            changes.append(
                (
                    s.id,
                    {"start": e.start, "end": e.end, "label": e.label, "status": Status.ACCEPTED} | new,
                    {"start": s.start, "end": s.end, "label": s.label, "status": s.status} | old,
                )
            )
        return changes

    def payload(self) -> dict[str, object]:
        suggested = self.span.layer is Layer.SUGGESTION
        detail = self.inserts()[0].origin_detail if suggested else self._made_own()
        to = _entity_payload(self.entity)
        if detail is not None:  # the span became the annotator's
            to |= {"origin": str(Origin.HUMAN), "detail": detail}
        return {"from": _entity_payload(self.span) | {"origin": str(self.span.origin)}, "to": to}


class RestoreSpan(ReplaceSpan):
    """Take back a rejection (Enter on a shown rejected span; or drawing it again): the annotator's rejected
    span is accepted again, as it was, and own spans it overlaps are withdrawn. Logged as ``restore``."""

    def __init__(self, ctx: Context, span: Span, overlapped: Sequence[Span] = ()) -> None:
        super().__init__(ctx, span, span.entity, overlapped, name="restore")
        self.text = _describe("Restore", [span])

    def payload(self) -> dict[str, object]:
        return _entity_payload(self.span) | {
            "origin": str(self.span.origin),
            "status": {"from": str(self.span.status), "to": str(Status.ACCEPTED)},
        }


class AddSpans(_InsertingCommand):
    """New spans drawn by the annotator (selection + label key; label every occurrence). Own accepted
    spans they overlap are withdrawn; suggestions they overlap disappear from the view by themselves."""

    name = "add"

    def __init__(
        self,
        ctx: Context,
        entities: Sequence[Entity],
        overlapped: Sequence[Span] = (),
        text: str | None = None,
    ) -> None:
        super().__init__(
            ctx, text or (f"Add {entities[0].label}" if len(entities) == 1 else f"Add {len(entities)} spans")
        )
        self.entities = list(entities)
        self.overlapped = [o for o in overlapped if o.id is not None and o.layer is not Layer.SUGGESTION]

    def inserts(self) -> list[Insert]:
        return [_own(self.ctx, e, Status.ACCEPTED, Origin.HUMAN) for e in self.entities]

    def updates(self) -> list[tuple[SpanId, dict[str, object], dict[str, object]]]:
        return [
            (o.id, {"status": Status.REJECTED}, {"status": o.status})
            for o in self.overlapped
            if o.id is not None
        ]

    def payload(self) -> dict[str, object]:
        return {"spans": [_entity_payload(e) for e in self.entities]}


class SuggestElsewhere(_InsertingCommand):
    """Offer spans in other documents as suggestions for everyone to confirm (label across the corpus)."""

    name = "suggest elsewhere"

    def __init__(self, ctx: Context, targets: Sequence[tuple[DocumentId, Entity]]) -> None:
        super().__init__(ctx, f"Suggest in {len({d for d, _ in targets})} other document(s)")
        self.targets = list(targets)

    def inserts(self) -> list[Insert]:
        return [
            Insert(
                d,
                Layer.SUGGESTION,
                None,
                e.start,
                e.end,
                e.label,
                Status.SUGGESTED,
                Origin.PROPAGATED,
                OriginDetail.CORPUS_OFFER,
                1.0,
            )
            for d, e in self.targets
        ]

    def payload(self) -> dict[str, object]:
        return {"documents": sorted({int(d) for d, _ in self.targets}), "count": len(self.targets)}


class SetDocumentState(Command):
    """Mark a document done (or back in progress)."""

    name = "set state"

    def __init__(self, ctx: Context, state: DocState, previous: DocState) -> None:
        super().__init__(
            ctx, "Mark done" if state is DocState.DONE else f"Mark {state.value.replace('_', ' ')}"
        )
        self.state, self.previous = state, previous

    def payload(self) -> dict[str, object]:
        return {"state": str(self.state), "previous": str(self.previous)}

    def ops(self) -> list[Op]:
        return [SetState(self.ctx.document_id, self.ctx.annotator_id, self.state)]

    def undo_ops(self) -> list[Op]:
        return [SetState(self.ctx.document_id, self.ctx.annotator_id, self.previous)]


def _describe(verb: str, spans: Sequence[Span]) -> str:
    if len(spans) == 1:
        return f"{verb} {spans[0].label}"
    return f"{verb} {len(spans)} spans"
