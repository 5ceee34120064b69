"""What a key means, decided without Qt or a database: ``model.editing`` plans, and ``Edit`` saves a
multi-part action in one ``apply`` (one transaction, one event) and undoes it the same way; ``Layers`` follows
the reported change."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import count

from model import editing
from model.commands import AcceptSpans, AddSpans, Context, Edit, RejectSpan, RestoreSpan, SuggestElsewhere
from model.editing import EditingState, Plan, Refusal
from model.ops import Action, Change, Delete, Insert, Op, SetState, Update
from model.spans import AnnotatorId, DocState, DocumentId, Entity, Layer, Origin, Span, SpanId, Status
from model.view import Layers

DOC, ME = DocumentId(1), AnnotatorId(7)
CTX = Context(DOC, ME)
TEXT = "裴青山会见布林肯。裴青山说。"  # 裴青山 at 0 and 9


def suggestion(start: int, end: int, label: str = "PER", sid: int = 100) -> Span:
    return Span(SpanId(sid + start), DOC, start, end, label, Layer.SUGGESTION, Status.SUGGESTED, Origin.JIEBA)


def mine(start: int, end: int, label: str = "PER", status: Status = Status.ACCEPTED, sid: int = 200) -> Span:
    return Span(SpanId(sid + start), DOC, start, end, label, Layer.ANNOTATOR, status, Origin.HUMAN, ME)


def state(
    suggestions: Sequence[Span] = (), own: Sequence[Span] = (), focus: int = 0, show_rejected: bool = False
) -> EditingState:
    layers = Layers(DOC, ME, tuple(suggestions), tuple(own))
    spans = layers.view(show_rejected)
    return EditingState(CTX, TEXT, layers, spans, spans[focus] if 0 <= focus < len(spans) else None)


class FakeStore:
    """Applies ops to a dict, as the database would, and counts the transactions."""

    def __init__(self, spans: Sequence[Span] = ()) -> None:
        self.spans = {s.id: s for s in spans}
        self.actions: list[Action] = []
        self.ids = count(1000)

    def apply(self, action: Action, ops: Sequence[Op]) -> Change:
        self.actions.append(action)
        inserted, updated, deleted, states = [], [], [], []
        for op in ops:
            if isinstance(op, Insert):
                span = op.span(SpanId(next(self.ids)))
                self.spans[span.id] = span
                inserted.append(span)
            elif isinstance(op, Update):
                old = self.spans[op.span_id]
                fields = {k: (Status(v) if k == "status" else v) for k, v in op.changes.items()}
                new = Span(**{f: getattr(old, f) for f in Span.__slots__} | fields)  # type: ignore[attr-defined]
                self.spans[op.span_id] = new
                updated.append(new)
            elif isinstance(op, Delete):
                del self.spans[op.span_id]
                deleted.append(op.span_id)
            elif isinstance(op, SetState):
                states.append((op.document_id, op.annotator_id, op.state))
        return Change(tuple(inserted), tuple(updated), tuple(deleted), tuple(states))


def test_enter_accepts_a_suggestion_and_moves_on() -> None:
    plan = editing.plan_accept(state([suggestion(0, 3), suggestion(5, 8)]))
    assert isinstance(plan, Plan)
    assert plan.edit.text == "Accept PER 裴青山" and plan.accepted == (Entity(0, 3, "PER"),)
    assert plan.advance_from == 3 and isinstance(plan.edit.commands[0], AcceptSpans)


def test_enter_restores_a_rejected_span_and_does_nothing_on_an_accepted_one() -> None:
    rejected = mine(0, 3, status=Status.REJECTED)
    plan = editing.plan_accept(state([suggestion(5, 8)], own=[rejected], show_rejected=True))
    assert isinstance(plan, Plan) and isinstance(plan.edit.commands[0], RestoreSpan)
    assert plan.keep is None and plan.advance_from == 3  # focus moves on, as after accepting
    assert plan.edit.text == "Restore PER 裴青山" and plan.recount == ("裴青山",)
    store = FakeStore([rejected])
    plan.edit.do(store)
    assert store.spans[rejected.id].status is Status.ACCEPTED
    assert store.actions[-1].name == "restore"  # logged as what it is, not an edit with from == to
    assert store.actions[-1].payload == {
        "start": 0,
        "end": 3,
        "label": "PER",
        "origin": "human",
        "status": {"from": "rejected", "to": "accepted"},
    }
    assert editing.plan_accept(state(own=[mine(0, 3)])) is None
    assert editing.plan_accept(state([suggestion(0, 3)], focus=-1)) is Refusal.NO_FOCUS


def test_a_label_key_relabels_or_accepts_the_focused_span() -> None:
    relabel = editing.plan_label(state([suggestion(0, 3)]), "LOC", None)
    assert isinstance(relabel, Plan) and relabel.edit.text == "Relabel 裴青山 as LOC"
    assert relabel.accepted == (Entity(0, 3, "LOC"),) and relabel.rejected == (Entity(0, 3, "PER"),)
    same = editing.plan_label(state([suggestion(0, 3)]), "PER", None)
    assert isinstance(same, Plan) and isinstance(same.edit.commands[0], AcceptSpans)
    assert editing.plan_label(state(own=[mine(0, 3)]), "PER", None) is Refusal.ALREADY


def test_a_selection_becomes_a_new_span_replacing_what_it_overlaps() -> None:
    plan = editing.plan_label(state(own=[mine(0, 2)]), "PER", (0, 3))
    assert isinstance(plan, Plan) and plan.edit.text == "Add PER 裴青山"
    command = plan.edit.commands[0]
    assert isinstance(command, AddSpans) and [o.entity for o in command.overlapped] == [Entity(0, 2, "PER")]
    assert editing.plan_label(state(), "PER", (3, 3)) is Refusal.NO_FOCUS  # empty: relabels the focused
    snapped = editing.plan_label(state(), "PER", (0, 3), snap=lambda a, b: (a, b + 2))
    assert isinstance(snapped, Plan) and snapped.keep == (0, 5)


def test_a_selection_of_spaces_is_refused_and_a_withdrawn_span_is_restored() -> None:
    spaced = EditingState(CTX, "   裴青山", Layers(DOC, ME), [], None)
    assert editing.plan_label(spaced, "PER", (0, 2)) is Refusal.ONLY_SPACES
    withdrawn = mine(0, 3, status=Status.REJECTED)
    plan = editing.plan_label(state(own=[withdrawn], focus=-1), "PER", (0, 3))
    assert isinstance(plan, Plan) and isinstance(plan.edit.commands[0], RestoreSpan)
    assert plan.edit.commands[0].span == withdrawn  # restored, not duplicated


def test_resize_stops_at_the_text_ends() -> None:
    grown = editing.plan_resize(state([suggestion(0, 3)]), "end", 1)
    assert isinstance(grown, Plan) and grown.keep == (0, 4)
    assert editing.plan_resize(state([suggestion(0, 3)]), "start", -1) is Refusal.NO_FURTHER


def test_growing_over_a_suggestion_leaves_the_shared_suggestion_layer_alone() -> None:
    shared, mine_ = suggestion(3, 5, "LOC"), mine(0, 3)
    plan = editing.plan_resize(state([shared], own=[mine_]), "end", 1)
    assert isinstance(plan, Plan)
    store = FakeStore([shared, mine_])
    plan.edit.do(store)
    assert store.spans[shared.id] == shared  # other annotators still see it as it was
    assert store.spans[mine_.id].entity == Entity(0, 4, "PER")


def test_a_nudge_moves_the_count_instead_of_learning_a_new_string() -> None:
    grown = editing.plan_resize(state(own=[mine(0, 3)]), "end", 1)
    assert isinstance(grown, Plan) and (grown.accepted, grown.rejected) == ((), ())
    assert grown.recount == ("裴青山", "裴青山会")  # both follow the database
    relabel = editing.plan_label(state(own=[mine(0, 3)]), "LOC", None)  # an own span changed in place
    assert isinstance(relabel, Plan) and (relabel.accepted, relabel.rejected, relabel.recount) == (
        (),
        (),
        ("裴青山",),
    )
    withdraw = editing.plan_reject(state(own=[mine(0, 3)]))
    assert isinstance(withdraw, Plan) and (withdraw.rejected, withdraw.recount) == ((), ("裴青山",))
    rejection = editing.plan_reject(state([suggestion(0, 3)]))  # a decision on a suggestion is learned
    assert isinstance(rejection, Plan) and rejection.rejected == (Entity(0, 3, "PER"),)
    assert not rejection.recount


def test_reject_and_accept_all() -> None:
    reject = editing.plan_reject(state([suggestion(0, 3)]))
    assert isinstance(reject, Plan) and isinstance(reject.edit.commands[0], RejectSpan)
    every = editing.plan_accept_all(state([suggestion(0, 3), suggestion(9, 12)]))
    assert isinstance(every, Plan) and every.edit.text == "Accept all 2 suggestions"
    assert editing.plan_accept_all(state(own=[mine(0, 3)])) is Refusal.NO_OPEN_SUGGESTIONS


def test_label_everywhere_is_one_edit_of_several_commands() -> None:
    targets = editing.corpus_targets(
        "裴青山", "PER", [(DocumentId(2), 0), (DocumentId(3), 4)], {DocumentId(3): {Entity(4, 7, "PER")}}
    )
    assert targets == [(DocumentId(2), Entity(0, 3, "PER"))]
    plan = editing.plan_label_everywhere(state([suggestion(0, 3)]), targets)
    assert isinstance(plan, Plan) and plan.labelled == 1 and plan.offered_in == 1
    assert [type(c) for c in plan.edit.commands] == [AcceptSpans, AddSpans, SuggestElsewhere]
    assert editing.plan_label_everywhere(state(own=[mine(0, 3), mine(9, 12)])) is Refusal.NO_OTHER_OCCURRENCE


def test_an_edit_of_several_commands_is_one_apply_and_its_undo_one_more() -> None:
    store = FakeStore([suggestion(0, 3)])
    plan = editing.plan_label_everywhere(state([suggestion(0, 3)]), [(DocumentId(2), Entity(0, 3, "PER"))])
    assert isinstance(plan, Plan)
    change = plan.edit.do(store)
    assert len(store.actions) == 1 and store.actions[0].name == "accept+add+suggest elsewhere"
    assert {(s.document_id, s.start, s.layer) for s in change.inserted} == {
        (DOC, 0, Layer.ANNOTATOR),
        (DOC, 9, Layer.ANNOTATOR),
        (DocumentId(2), 0, Layer.SUGGESTION),
    }
    assert change.documents == {DOC, DocumentId(2)}
    undone = plan.edit.undo(store)
    assert len(store.actions) == 2 and store.actions[1].name.startswith("undo ")
    assert sorted(undone.deleted) == sorted(s.id for s in change.inserted)
    assert set(store.spans) == {suggestion(0, 3).id}


def test_layers_follow_a_change_without_reading() -> None:
    layers = Layers(DOC, ME, (suggestion(0, 3), suggestion(9, 12)))
    accepted = mine(0, 3, sid=500)
    after = layers.apply(Change(inserted=(accepted,), states=((DOC, ME, DocState.IN_PROGRESS),)))
    assert [s.status for s in after.view()] == [Status.ACCEPTED, Status.SUGGESTED]
    back = after.apply(Change(deleted=(accepted.id,)))  # type: ignore[arg-type]
    assert back == layers
    relabelled = mine(0, 3, "LOC", sid=500)
    assert after.apply(Change(updated=(relabelled,))).own == (relabelled,)
    other = Span(SpanId(1), DocumentId(2), 0, 3, "PER", Layer.ANNOTATOR, Status.ACCEPTED, Origin.HUMAN, ME)
    assert layers.apply(Change(inserted=(other,))) == layers  # another document's span is not ours
    twice = Span(None, DOC, 0, 3, "PER", Layer.SUGGESTION, Status.SUGGESTED, Origin.JIEBA)
    assert layers.apply(Change(inserted=(twice,))) == layers  # a suggestion the store had already
    assert after.apply(Change(inserted=(accepted,))).own == (accepted,)  # a decision it had: not doubled
    assert Edit([AcceptSpans(CTX, [suggestion(0, 3)])]).action().name == "accept"


def test_spans_group_by_string_and_label_in_text_order() -> None:
    from model.span_groups import group_spans

    spans = [suggestion(0, 3), mine(5, 8, "LOC"), suggestion(9, 12), mine(9, 12, "ORG", Status.REJECTED)]
    groups = group_spans(TEXT, spans)
    assert [(g.text, g.label, g.members) for g in groups] == [
        ("裴青山", "PER", (0, 2)),
        ("布林肯", "LOC", (1,)),
        ("裴青山", "ORG", (3,)),
    ]


def test_a_group_is_accepted_or_rejected_as_one_action() -> None:
    first, second = suggestion(0, 3), mine(9, 12, status=Status.REJECTED)
    other = suggestion(5, 8)  # 布林肯 PER: another group
    accept = editing.plan_accept_group(state([first, other], own=[second], show_rejected=True))
    assert isinstance(accept, Plan) and accept.edit.text == "Accept all 2 “裴青山” as PER"
    assert accept.accepted == (Entity(0, 3, "PER"),) and accept.recount == ("裴青山",)
    store = FakeStore([first, other, second])
    accept.edit.do(store)
    assert len(store.actions) == 1 and store.actions[0].name == "accept+restore"  # one transaction, one event
    assert {(s.start, s.status) for s in store.spans.values() if s.layer is Layer.ANNOTATOR} == {
        (0, Status.ACCEPTED),
        (9, Status.ACCEPTED),
    }
    assert store.spans[other.id] == other

    own_ = mine(9, 12)
    reject = editing.plan_reject_group(state([first, other], own=[own_]))
    assert isinstance(reject, Plan) and reject.edit.text == "Reject all 2 “裴青山” PER"
    assert reject.rejected == (Entity(0, 3, "PER"),) and reject.recount == ("裴青山",)
    store = FakeStore([first, other, own_])
    reject.edit.do(store)
    assert [a.name for a in store.actions] == ["reject"]
    assert {(s.start, s.status) for s in store.spans.values() if s.layer is Layer.ANNOTATOR} == {
        (0, Status.REJECTED),
        (9, Status.REJECTED),
    }
    assert editing.plan_accept_group(state(own=[mine(0, 3)])) is Refusal.GROUP_ACCEPTED
    assert editing.plan_reject_group(state(focus=-1)) is Refusal.NO_FOCUS
