"""Evaluation of suggestions against gold annotations: precision/recall/F1, simulated effort, learning.

Metrics
-------
Precision, recall and F1 per label and micro-averaged over all labels, under two matchings:

* **exact**: a suggestion is correct when a gold entity has the same start, end and label;
* **overlap**: a suggestion is correct when it overlaps a gold entity of the same label (precision side),
  and a gold entity is found when a suggestion of its label overlaps it (recall side).

Simulated annotation effort (the action model)
----------------------------------------------
For one document with suggestions S and gold entities G, an annotator turns S into G with these actions:

1. **relabel** (1 action) each suggestion whose span equals a gold entity's span but whose label differs;
   relabelling also accepts it.
2. **add** (2 actions: select the span, pick the label) each gold entity that no suggestion has with exactly
   its span. A *missed* entity overlaps no suggestion; a *mis-bounded* one overlaps one or more wrong
   suggestions, and selecting the right span over them replaces them (no separate rejection).
3. **reject** (1 action) each remaining suggestion: its span equals no gold span and it overlaps no gold
   entity added in step 2 (a spurious suggestion).
4. **accept all** (1 action per document) when at least one suggestion matches a gold entity exactly (span
   and label) and so is left to accept; a document with no exactly-correct suggestion needs no accept-all.

Nothing else costs anything (reading, scrolling, moving between documents). ``Effort.replaced`` counts the
wrong suggestions that step 2 replaced; ``Effort.strict_per_entity`` charges them a rejection each, for a user
interface where a wrong span must be removed before the right one is drawn. Effort is reported as total
actions per gold entity over a corpus; annotating by hand costs 2.0 actions per gold entity (every entity
added). A document without gold entities costs one rejection per suggestion and nothing if there are none.

Learning simulation
-------------------
``simulate_learning`` processes gold documents in order with one engine: suggest, score against gold, then
feed the document back (``engine.learn(text, gold, rejected=suggestions not in gold)``) before the next. It
reports the second half of the corpus, and a curve over consecutive segments ending at 10/25/50/75/100 %.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from model.spans import Entity

logger = logging.getLogger(__name__)

MANUAL_ACTIONS_PER_ENTITY = 2.0
MICRO = "micro"


@dataclass(frozen=True, slots=True)
class Scores:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True, slots=True)
class Effort:
    """Action counts (see the module docstring) and the number of gold entities they produce."""

    accept_all: int = 0
    relabel: int = 0
    reject: int = 0
    add: int = 0  # entities added, each costing 2 actions
    gold_entities: int = 0
    documents: int = 0
    replaced: int = 0  # wrong suggestions replaced by an add (free in this model)

    @property
    def actions(self) -> int:
        return self.accept_all + self.relabel + self.reject + 2 * self.add

    @property
    def per_entity(self) -> float:
        return self.actions / self.gold_entities if self.gold_entities else 0.0

    @property
    def strict_per_entity(self) -> float:
        """Per gold entity when each replaced suggestion also costs a rejection."""
        return (self.actions + self.replaced) / self.gold_entities if self.gold_entities else 0.0

    def __add__(self, other: Effort) -> Effort:
        return Effort(
            self.accept_all + other.accept_all,
            self.relabel + other.relabel,
            self.reject + other.reject,
            self.add + other.add,
            self.gold_entities + other.gold_entities,
            self.documents + other.documents,
            self.replaced + other.replaced,
        )


@dataclass(frozen=True, slots=True)
class Report:
    exact: dict[str, Scores]  # per label, plus MICRO
    overlap: dict[str, Scores]
    effort: Effort

    @property
    def f1(self) -> float:
        return self.exact[MICRO].f1


def document_effort(predicted: Iterable[Entity], gold: Iterable[Entity]) -> Effort:
    """Actions needed to turn ``predicted`` into ``gold`` for one document (module docstring, steps 1–4)."""
    pred = set(predicted)
    gold_set = set(gold)
    gold_by_span = {(g.start, g.end): g for g in gold_set}
    correct = pred & gold_set
    relabel = {p for p in pred - correct if (p.start, p.end) in gold_by_span}
    done = correct | {gold_by_span[(p.start, p.end)] for p in relabel}
    added = gold_set - done
    leftover = pred - correct - relabel
    reject = sum(1 for p in leftover if not any(p.overlaps(g) for g in added))
    return Effort(
        replaced=len(leftover) - reject,
        accept_all=1 if correct else 0,
        relabel=len(relabel),
        reject=reject,
        add=len(added),
        gold_entities=len(gold_set),
        documents=1,
    )


def _overlapping(entity: Entity, others: Sequence[Entity]) -> bool:
    return any(o.label == entity.label and o.overlaps(entity) for o in others)


def evaluate(
    pairs: Iterable[tuple[Iterable[Entity], Iterable[Entity]]], labels: Collection[str] | None = None
) -> Report:
    """Score ``(predicted, gold)`` entity lists, one pair per document. With ``labels``, entities of other
    labels are ignored on both sides (so MISC suggestions do not count against a PER/LOC/ORG gold)."""
    exact: dict[str, Counter[str]] = {}
    overlap: dict[str, Counter[str]] = {}
    effort = Effort()
    for predicted, gold in pairs:
        pred = sorted({e for e in predicted if labels is None or e.label in labels}, key=lambda e: e.start)
        gld = sorted({e for e in gold if labels is None or e.label in labels}, key=lambda e: e.start)
        effort += document_effort(pred, gld)
        gold_set = set(gld)
        for p in pred:
            hit = p in gold_set
            exact.setdefault(p.label, Counter())["tp" if hit else "fp"] += 1
            overlap.setdefault(p.label, Counter())["tp" if _overlapping(p, gld) else "fp"] += 1
        pred_set = set(pred)
        for g in gld:
            if g not in pred_set:
                exact.setdefault(g.label, Counter())["fn"] += 1
            if not _overlapping(g, pred):
                overlap.setdefault(g.label, Counter())["fn"] += 1
    return Report(_scores(exact, labels), _scores(overlap, labels), effort)


def _scores(counts: dict[str, Counter[str]], labels: Collection[str] | None) -> dict[str, Scores]:
    names = sorted(set(counts) | set(labels or ()))
    out = {lab: Scores(counts.get(lab, Counter())["tp"], counts.get(lab, Counter())["fp"],
                       counts.get(lab, Counter())["fn"]) for lab in names}  # fmt: skip
    out[MICRO] = Scores(
        sum(s.tp for s in out.values()), sum(s.fp for s in out.values()), sum(s.fn for s in out.values())
    )
    return out


class Suggester(Protocol):
    def suggest(self, text: str) -> Sequence[object]: ...

    def learn(self, text: str, accepted: Iterable[Entity], rejected: Iterable[Entity] = ()) -> None: ...


def _entities(suggestions: Sequence[object]) -> list[Entity]:
    return [s.entity for s in suggestions]  # type: ignore[attr-defined]


@dataclass(frozen=True, slots=True)
class CurvePoint:
    fraction: float  # the segment ends after this fraction of the documents
    documents: int  # documents in the segment
    f1: float
    effort_per_entity: float


@dataclass(frozen=True, slots=True)
class LearningReport:
    second_half: Report
    curve: list[CurvePoint] = field(default_factory=list)
    all_documents: Report | None = None


def simulate_learning(
    documents: Sequence[tuple[str, Sequence[Entity]]],
    engine_factory: Callable[[], Suggester],
    labels: Collection[str] | None = None,
    checkpoints: Sequence[float] = (0.10, 0.25, 0.50, 0.75, 1.0),
) -> LearningReport:
    """Suggest, score and learn document by document (module docstring). ``curve`` holds one point per
    segment of documents ending at each checkpoint fraction."""
    engine = engine_factory()
    pairs: list[tuple[list[Entity], list[Entity]]] = []
    for text, gold in documents:
        predicted = _entities(engine.suggest(text))
        gold_list = list(gold)
        pairs.append((predicted, gold_list))
        gold_set = set(gold_list)
        engine.learn(text, gold_list, [p for p in predicted if p not in gold_set])
    n = len(pairs)
    curve: list[CurvePoint] = []
    previous = 0
    for fraction in checkpoints:
        end = max(previous, round(n * fraction))
        segment = evaluate(pairs[previous:end], labels)
        curve.append(CurvePoint(fraction, end - previous, segment.f1, segment.effort.per_entity))
        previous = end
    logger.debug("learning simulation over %d documents", n)
    return LearningReport(evaluate(pairs[n // 2 :], labels), curve, evaluate(pairs, labels))


# -- reading a report --------------------------------------------------------------------------


def report_dict(report: Report) -> dict[str, Any]:
    def scores(table: dict[str, Any]) -> dict[str, Any]:
        return {
            k: {
                "precision": round(v.precision, 4),
                "recall": round(v.recall, 4),
                "f1": round(v.f1, 4),
                "tp": v.tp,
                "fp": v.fp,
                "fn": v.fn,
            }
            for k, v in table.items()
        }

    e = report.effort
    return {
        "exact": scores(report.exact),
        "overlap": scores(report.overlap),
        "effort": {
            "documents": e.documents,
            "gold_entities": e.gold_entities,
            "accept_all": e.accept_all,
            "relabel": e.relabel,
            "reject": e.reject,
            "add": e.add,
            "actions": e.actions,
            "actions_per_entity": round(e.per_entity, 4),
            "replaced": e.replaced,
            "strict_actions_per_entity": round(e.strict_per_entity, 4),
            "manual_actions_per_entity": MANUAL_ACTIONS_PER_ENTITY,
        },
    }


def render_report(report: Report) -> str:
    lines = [f"{'label':<8}{'exact P':>9}{'R':>8}{'F1':>8}   {'overlap P':>9}{'R':>8}{'F1':>8}{'gold':>8}"]
    for label in report.exact:
        x, o = report.exact[label], report.overlap[label]
        name = "overall" if label == MICRO else label
        lines.append(
            f"{name:<8}{x.precision:>9.3f}{x.recall:>8.3f}{x.f1:>8.3f}   "
            f"{o.precision:>9.3f}{o.recall:>8.3f}{o.f1:>8.3f}{x.tp + x.fn:>8}"
        )
    e = report.effort
    lines.append("")
    lines.append(
        f"simulated effort: {e.actions} actions for {e.gold_entities} gold entities in "
        f"{e.documents} documents = {e.per_entity:.3f} actions per entity "
        f"(by hand: {MANUAL_ACTIONS_PER_ENTITY:.1f})"
    )
    lines.append(
        f"  accept-all {e.accept_all}, relabel {e.relabel}, reject {e.reject}, add {e.add} (x2); "
        f"{e.replaced} wrong suggestions replaced by an added span (charging each a rejection: "
        f"{e.strict_per_entity:.3f} actions per entity)"
    )
    return "\n".join(lines)
