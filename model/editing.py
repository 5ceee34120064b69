"""What a key means: the editing decisions of the annotation window as pure functions.

Each ``plan_*`` function looks at what the annotator sees (``EditingState``: the text, the layers, the
visible spans and the focused one) and returns the ``Plan`` to save (an ``Edit`` of core commands, what it
teaches the suggestion engine, where the focus goes next), a ``Refusal`` saying why nothing can be done, or
``None`` when the key has nothing to do. No Qt, no database: the window carries a plan out.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from model.commands import (
    AcceptSpans,
    AddSpans,
    Command,
    Context,
    Edit,
    RejectSpan,
    ReplaceSpan,
    RestoreSpan,
    SetDocumentState,
    SuggestElsewhere,
)
from model.span_groups import group_of
from model.span_rules import holds_line_break, overlapping, plan_occurrences, trim
from model.spans import DocState, DocumentId, Entity, Layer, Span, Status
from model.view import Layers


class Refusal(enum.Enum):
    NO_FOCUS = "no span is focused"
    ONLY_SPACES = "the selection holds only spaces"
    NO_FURTHER = "the span cannot grow or shrink further that way"
    LINE_BREAK = "a span cannot hold a line break"
    NO_OPEN_SUGGESTIONS = "no open suggestions"
    NO_OTHER_OCCURRENCE = "no other occurrence"
    ONLY_INSIDE_LONGER = "every other occurrence lies inside a longer suggestion"
    GROUP_ACCEPTED = "every span of the group is accepted already"
    GROUP_REJECTED = "every span of the group is rejected already"
    REJECTED = "the focused span is rejected (shown with the rejected ones)"
    ALREADY = "the focused span has that label already"


@dataclass(frozen=True, slots=True)
class EditingState:
    ctx: Context
    text: str
    layers: Layers
    spans: Sequence[Span]  # the visible view
    focused: Span | None

    def surface(self, span: Span | Entity) -> str:
        return self.text[span.start : span.end]


@dataclass(frozen=True, slots=True)
class Plan:
    edit: Edit
    accepted: tuple[Entity, ...] = ()  # new decisions the suggestion engine learns
    rejected: tuple[Entity, ...] = ()
    # strings of own decisions changed in place (resized, relabelled, withdrawn, restored): their learned
    # counts are set to what the database now holds, so the count moves with the span and nothing is learned
    # twice
    recount: tuple[str, ...] = ()
    keep: tuple[int, int] | None = None  # focus the span at (start, end) afterwards
    advance_from: int | None = None  # else the next open suggestion from this offset
    labelled: int = 0  # label everywhere: other occurrences labelled in this document
    offered_in: int = 0  # label everywhere: other documents offered the span
    left_inside: int = 0  # label everywhere: occurrences left alone inside a longer suggestion
    # a new span: own accepted spans it withdrew that reach beyond it (the window says so: not seen covered)
    replaced: tuple[Entity, ...] = ()


Outcome = Plan | Refusal | None

# What each action is called in the Edit menu ("Undo Accept PER 裴青山"): English templates, so that the
# window can say them in the annotator's language (``gui/edit_titles.py`` marks each for translation).
ACCEPT = "Accept {label} {text}"
RESTORE = "Restore {label} {text}"
REJECT = "Reject {label} {text}"
ACCEPT_ALL = "Accept all {count} suggestions"
ACCEPT_GROUP = "Accept all {count} “{text}” as {label}"
REJECT_GROUP = "Reject all {count} “{text}” {label}"
RELABEL = "Relabel {text} as {label}"
ADD = "Add {label} {text}"
RESIZE = "Resize {label} to {text}"
LABEL_EVERY = "Label every “{text}” as {label}"
MARK_DONE = "Mark done"
TITLES = (
    ACCEPT,
    RESTORE,
    REJECT,
    ACCEPT_ALL,
    ACCEPT_GROUP,
    REJECT_GROUP,
    RELABEL,
    ADD,
    RESIZE,
    LABEL_EVERY,
    MARK_DONE,
)


def _titled(commands: Sequence[Command], template: str, **values: object) -> Edit:
    """An edit named by ``template`` filled with ``values``."""
    return Edit(commands, template.format(**values), title=(template, values))


Snap = Callable[[int, int], tuple[int, int]]


def plan_accept(state: EditingState) -> Outcome:
    """Enter: accept the focused suggestion (or restore a rejected span); None on an accepted span (the
    window moves on)."""
    span = state.focused
    if span is None:
        return Refusal.NO_FOCUS
    values = {"label": span.label, "text": state.surface(span)}
    if span.status is Status.SUGGESTED:
        edit = _titled([AcceptSpans(state.ctx, [span], ACCEPT.format(**values))], ACCEPT, **values)
        return Plan(edit, accepted=(span.entity,), advance_from=span.end)
    if span.status is Status.REJECTED:  # restore: the rejection is taken back, and focus moves on
        overlapped = overlapping(state.spans, span.entity, span)
        command = RestoreSpan(state.ctx, span, overlapped)
        return Plan(
            _titled([command], RESTORE, **values),
            advance_from=span.end,
            recount=_surfaces(state, [span, *_own(overlapped)]),
        )
    return None


def plan_reject(state: EditingState) -> Outcome:
    span = state.focused
    if span is None:
        return Refusal.NO_FOCUS
    if span.status is Status.REJECTED:
        return Refusal.REJECTED
    edit = _titled([RejectSpan(state.ctx, span)], REJECT, label=span.label, text=state.surface(span))
    if span.layer is Layer.SUGGESTION:
        return Plan(edit, rejected=(span.entity,), advance_from=span.end)
    return Plan(edit, advance_from=span.end, recount=(state.surface(span),))  # an own span withdrawn


def plan_accept_all(state: EditingState) -> Outcome:
    open_ = [s for s in state.spans if s.status is Status.SUGGESTED]
    if not open_:
        return Refusal.NO_OPEN_SUGGESTIONS
    text = ACCEPT_ALL.format(count=len(open_))
    return Plan(
        _titled([AcceptSpans(state.ctx, open_, text)], ACCEPT_ALL, count=len(open_)),
        accepted=tuple(s.entity for s in open_),
    )


def plan_accept_group(state: EditingState) -> Outcome:
    """Accept every span with the focused span's string and label (its group in the entity panel): the open
    suggestions, and the shown rejected ones restored; one action."""
    span = state.focused
    if span is None:
        return Refusal.NO_FOCUS
    group = group_of(state.text, state.spans, span)
    open_ = [s for s in group if s.status is Status.SUGGESTED]
    rejected = [s for s in group if s.status is Status.REJECTED]
    if not open_ and not rejected:
        return Refusal.GROUP_ACCEPTED
    commands: list[Command] = [AcceptSpans(state.ctx, open_)] if open_ else []
    commands += [RestoreSpan(state.ctx, r, _own(overlapping(state.spans, r.entity, r))) for r in rejected]
    surface = state.surface(span)
    edit = _titled(commands, ACCEPT_GROUP, count=len(open_) + len(rejected), text=surface, label=span.label)
    return Plan(
        edit,
        accepted=tuple(s.entity for s in open_),
        keep=(span.start, span.end),
        recount=(surface,) if rejected else (),
    )


def plan_reject_group(state: EditingState) -> Outcome:
    """Reject every span with the focused span's string and label: the suggestions rejected, own spans
    withdrawn; one action."""
    span = state.focused
    if span is None:
        return Refusal.NO_FOCUS
    group = [s for s in group_of(state.text, state.spans, span) if s.status is not Status.REJECTED]
    if not group:
        return Refusal.GROUP_REJECTED
    suggestions = [s for s in group if s.layer is Layer.SUGGESTION]
    surface = state.surface(span)
    edit = _titled(
        [RejectSpan(state.ctx, s) for s in group],
        REJECT_GROUP,
        count=len(group),
        text=surface,
        label=span.label,
    )
    return Plan(
        edit,
        rejected=tuple(s.entity for s in suggestions),
        keep=(span.start, span.end),
        advance_from=span.end,
        recount=(surface,) if len(suggestions) < len(group) else (),
    )


def plan_label(
    state: EditingState, label: str, selection: tuple[int, int] | None, snap: Snap | None = None
) -> Outcome:
    """A label key: a new span over the selection (snapped to words by ``snap`` if given), else relabel
    the focused span (a suggestion with that label already: accept it)."""
    if selection is not None and selection[0] < selection[1]:
        return _plan_new_span(state, label, *selection, snap=snap)
    span = state.focused
    if span is None:
        return Refusal.NO_FOCUS
    if span.status is Status.SUGGESTED and span.label == label:
        return plan_accept(state)
    if span.label == label and span.status is Status.ACCEPTED:
        return Refusal.ALREADY
    new = Entity(span.start, span.end, label)
    overlapped = overlapping(state.spans, new, span)
    command = ReplaceSpan(state.ctx, span, new, overlapped, name="relabel")
    edit = _titled([command], RELABEL, text=state.surface(span), label=label)
    if span.layer is Layer.SUGGESTION:  # the machine's label was wrong: a decision to learn
        return Plan(
            edit,
            accepted=(new,),
            rejected=(span.entity,),
            keep=(new.start, new.end),
            recount=_surfaces(state, _own(overlapped)),
        )
    return Plan(edit, keep=(new.start, new.end), recount=_surfaces(state, [span, *_own(overlapped)]))


def _plan_new_span(state: EditingState, label: str, start: int, end: int, snap: Snap | None) -> Outcome:
    start, end = trim(state.text, start, end)
    if start >= end:
        return Refusal.ONLY_SPACES
    if snap is not None:
        start, end = snap(start, end)
    if holds_line_break(state.text, start, end):
        return Refusal.LINE_BREAK
    mine = [
        s
        for s in state.spans
        if s.layer is not Layer.SUGGESTION
        and s.status is Status.ACCEPTED
        and (s.start, s.end) == (start, end)
    ]
    if mine:  # exactly an own span: relabel it, as the key does without a selection (no withdrawn twin)
        return plan_label(replace(state, focused=mine[0]), label, None)
    entity = Entity(start, end, label)
    same = [s for s in state.spans if s.status is Status.SUGGESTED and s.entity == entity]
    name = ADD.format(label=label, text=state.text[start:end])
    title = (ADD, {"label": label, "text": state.text[start:end]})
    overlapped = overlapping(state.spans, entity)
    withdrawn_own = _own(overlapped)  # own spans it replaces
    beyond = tuple(s.entity for s in withdrawn_own if s.start < start or s.end > end)
    if same:
        accept = AcceptSpans(state.ctx, same, name)
        return Plan(Edit([accept], name, title), accepted=(entity,), keep=(start, end))
    if withdrawn := [
        s
        for s in sorted(state.layers.own, key=lambda s: (s.start, s.end))
        if s.status is Status.REJECTED and s.entity == entity
    ]:  # restore, no duplicate
        restore = RestoreSpan(state.ctx, withdrawn[0], overlapped)
        return Plan(
            Edit([restore], name, title),
            keep=(start, end),
            recount=_surfaces(state, [withdrawn[0], *withdrawn_own]),
            replaced=beyond,
        )
    add = AddSpans(state.ctx, [entity], overlapped, name)
    return Plan(
        Edit([add], name, title),
        accepted=(entity,),
        keep=(start, end),
        recount=_surfaces(state, withdrawn_own),
        replaced=beyond,
    )


def plan_resize(state: EditingState, edge: str, delta: int) -> Outcome:
    span = state.focused
    if span is None:
        return Refusal.NO_FOCUS
    start, end = (span.start + delta, span.end) if edge == "start" else (span.start, span.end + delta)
    if not (0 <= start < end <= len(state.text)):
        return Refusal.NO_FURTHER
    grown = state.text[start : span.start] + state.text[span.end : end]  # empty when it shrinks
    if holds_line_break(grown, 0, len(grown)):  # the span stops at the end of its line
        return Refusal.NO_FURTHER
    new = Entity(start, end, span.label)
    overlapped = overlapping(state.spans, new, span)
    command = ReplaceSpan(state.ctx, span, new, overlapped, name="resize")
    # a nudge moves the count from the old string to the new one, as the database does: learning the new
    # string as a fresh decision would remember every string a few nudges passed through
    return Plan(
        _titled([command], RESIZE, label=span.label, text=state.text[start:end]),
        keep=(start, end),
        recount=_surfaces(state, [span, *_own(overlapped)], state.text[start:end]),
        replaced=tuple(s.entity for s in _own(overlapped)),  # grown into: withdrawn, and said
    )


def _own(spans: Sequence[Span]) -> list[Span]:
    """The annotator's own spans among ``spans`` (the ones a change withdraws; suggestions just drop out)."""
    return [s for s in spans if s.layer is not Layer.SUGGESTION]


def _surfaces(state: EditingState, spans: Sequence[Span], *more: str) -> tuple[str, ...]:
    """The strings of ``spans`` (and ``more``), once each, in order."""
    return tuple(dict.fromkeys([*(state.surface(s) for s in spans), *more]))


def corpus_targets(
    surface: str, label: str, found: Sequence[tuple[DocumentId, int]], existing: dict[DocumentId, set[Entity]]
) -> list[tuple[DocumentId, Entity]]:
    """Where to offer ``surface`` as ``label`` across the corpus: every occurrence ``found`` that no machine
    suggestion of its document already says."""
    targets = []
    for doc_id, start in found:
        entity = Entity(start, start + len(surface), label)
        if entity not in existing.get(doc_id, set()):
            targets.append((doc_id, entity))
    return targets


def plan_label_everywhere(state: EditingState, targets: Sequence[tuple[DocumentId, Entity]] = ()) -> Outcome:
    """Label every other occurrence of the focused span's text in this document (accepting suggestions that
    say the same), and offer it as a suggestion at ``targets`` in other documents; one action."""
    span = state.focused
    if span is None:
        return Refusal.NO_FOCUS
    if span.status is Status.REJECTED:
        return Refusal.REJECTED
    to_accept, to_add, inside = plan_occurrences(state.text, span, state.spans)
    # an occurrence rejected before is taken back, as drawing it again does, not labelled a second time
    rejected = {s.entity: s for s in state.layers.own if s.status is Status.REJECTED}
    to_restore = [rejected[e] for e in to_add if e in rejected]
    to_add = [e for e in to_add if e not in rejected]
    commands: list[Command] = []
    if span.status is Status.SUGGESTED:
        commands.append(AcceptSpans(state.ctx, [span]))
    if to_accept:
        commands.append(AcceptSpans(state.ctx, to_accept))
    if to_add:
        commands.append(AddSpans(state.ctx, to_add))
    commands += [RestoreSpan(state.ctx, r) for r in to_restore]
    if targets:
        commands.append(SuggestElsewhere(state.ctx, targets))
    if not commands:
        return Refusal.ONLY_INSIDE_LONGER if inside else Refusal.NO_OTHER_OCCURRENCE
    entities = (span.entity, *(s.entity for s in to_accept), *to_add)
    edit = _titled(commands, LABEL_EVERY, text=state.surface(span), label=span.label)
    return Plan(
        edit,
        accepted=entities,
        keep=(span.start, span.end),
        recount=(state.surface(span),) if to_restore else (),
        labelled=len(to_accept) + len(to_add) + len(to_restore),
        offered_in=len({d for d, _ in targets}),
        left_inside=len(inside),
    )


def plan_mark_done(state: EditingState, previous: DocState) -> Plan | None:
    if previous is DocState.DONE:
        return None
    command = SetDocumentState(state.ctx, DocState.DONE, previous)
    return Plan(_titled([command], MARK_DONE))
