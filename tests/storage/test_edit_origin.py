"""An own span the annotator resized or relabelled after accepting a machine's suggestion is theirs: origin
``human``, detail ``resize of <origin>``; the combiner's history counts it as that origin's rejection (as the
learning simulation does), and undo gives the span its origin back."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from model.commands import AcceptSpans, AddSpans, Context, ReplaceSpan
from model.ops import Insert
from model.spans import DocumentId, Entity, Layer, Origin, Span, Status
from storage.orm import EventRow
from storage.project import Project
from tests.storage.test_annotations import setup_doc

PER = Entity(7, 10, "PER")  # 裴青山


def offer(project: Project, doc: DocumentId, detail: str | None = None) -> Span:
    project.annotations.replace_suggestions(
        doc,
        [Insert(doc, Layer.SUGGESTION, None, 7, 10, "PER", Status.SUGGESTED, Origin.MODEL, detail, 0.9)],
    )
    (span,) = project.annotations.spans(doc, Layer.SUGGESTION)
    return span


def mine(project: Project, doc: DocumentId, ctx: Context) -> Span:
    (span,) = project.annotations.spans(doc, Layer.ANNOTATOR, ctx.annotator_id)
    return span


def origin(span: Span) -> tuple[int, int, str, str, str | None, float | None]:
    return (span.start, span.end, span.label, str(span.origin), span.origin_detail, span.score)


def payloads(project: Project) -> list[tuple[str, object]]:
    with Session(project.engine) as s:
        return [(a, p) for a, p in s.execute(select(EventRow.action, EventRow.payload).order_by(EventRow.id))]


def test_an_accepted_suggestion_resized_then_relabelled_is_the_annotators_and_undo_gives_it_back(
    project: Project,
) -> None:
    doc = setup_doc(project)
    ctx = Context(doc, project.annotator("alice").id)
    AcceptSpans(ctx, [offer(project, doc)]).do(project.annotations)
    assert origin(mine(project, doc, ctx)) == (7, 10, "PER", "model", None, 0.9)
    assert project.decisions.acceptance_history() == {"model": (1, 0)}
    grow = ReplaceSpan(ctx, mine(project, doc, ctx), Entity(7, 11, "PER"), name="resize")
    grow.do(project.annotations)
    assert origin(mine(project, doc, ctx)) == (7, 11, "PER", "human", "resize of model", None)
    # the model's boundary was wrong: its rejection, not its acceptance
    assert project.decisions.acceptance_history() == {"model": (0, 1)}
    relabel = ReplaceSpan(ctx, mine(project, doc, ctx), Entity(7, 11, "LOC"), name="relabel")
    relabel.do(project.annotations)  # edited twice: still the model's first
    assert origin(mine(project, doc, ctx)) == (7, 11, "LOC", "human", "relabel of model", None)
    assert project.decisions.acceptance_history() == {"model": (0, 1)}
    relabel.undo(project.annotations)
    assert origin(mine(project, doc, ctx)) == (7, 11, "PER", "human", "resize of model", None)
    grow.undo(project.annotations)
    assert origin(mine(project, doc, ctx)) == (7, 10, "PER", "model", None, 0.9)  # exactly as it was
    assert project.decisions.acceptance_history() == {"model": (1, 0)}
    grow.do(project.annotations)  # redo
    assert origin(mine(project, doc, ctx)) == (7, 11, "PER", "human", "resize of model", None)
    events = payloads(project)
    assert [a for a, _ in events] == ["accept", "resize", "relabel", "undo relabel", "undo resize", "resize"]
    assert events[1][1] == {
        "from": {"start": 7, "end": 10, "label": "PER", "origin": "model"},
        "to": {"start": 7, "end": 11, "label": "PER", "origin": "human", "detail": "resize of model"},
    }
    assert events[2][1] == {
        "from": {"start": 7, "end": 11, "label": "PER", "origin": "human"},
        "to": {"start": 7, "end": 11, "label": "LOC", "origin": "human", "detail": "relabel of model"},
    }


def test_a_pretrained_span_edited_is_counted_against_the_pretrained_tagger(project: Project) -> None:
    doc = setup_doc(project)
    ctx = Context(doc, project.annotator("alice").id)
    AcceptSpans(ctx, [offer(project, doc, "pretrained:lac")]).do(project.annotations)
    assert project.decisions.acceptance_history() == {"pretrained": (1, 0)}
    ReplaceSpan(ctx, mine(project, doc, ctx), Entity(6, 10, "PER"), name="resize").do(project.annotations)
    assert origin(mine(project, doc, ctx)) == (6, 10, "PER", "human", "resize of pretrained", None)
    assert project.decisions.acceptance_history() == {"pretrained": (0, 1)}


def test_a_suggestion_resized_before_accepting_counts_the_same_as_one_resized_after(project: Project) -> None:
    doc = setup_doc(project)
    ctx = Context(doc, project.annotator("alice").id)
    ReplaceSpan(ctx, offer(project, doc), Entity(7, 11, "PER"), name="resize").do(project.annotations)
    assert origin(mine(project, doc, ctx)) == (7, 11, "PER", "human", "resize of model", None)
    assert project.decisions.acceptance_history() == {"model": (0, 1)}


def test_a_span_drawn_by_hand_stays_the_annotators_without_a_source(project: Project) -> None:
    doc = setup_doc(project)
    ctx = Context(doc, project.annotator("alice").id)
    AddSpans(ctx, [PER]).do(project.annotations)
    ReplaceSpan(ctx, mine(project, doc, ctx), Entity(7, 10, "LOC"), name="relabel").do(project.annotations)
    assert origin(mine(project, doc, ctx)) == (7, 10, "LOC", "human", None, None)
    assert project.decisions.acceptance_history() == {}
