"""Metrics and the effort simulator on hand-computed cases; the learning simulation with a scripted engine."""

from __future__ import annotations

from collections.abc import Iterable

import pytest

from model.evaluate import MICRO, Effort, document_effort, evaluate, simulate_learning
from model.spans import Entity, Origin
from model.suggest import Suggestion

E = Entity


def test_empty_gold_and_no_suggestions_costs_nothing() -> None:
    assert document_effort([], []) == Effort(documents=1)
    assert document_effort([], []).per_entity == 0.0


def test_empty_gold_costs_one_rejection_per_suggestion() -> None:
    eff = document_effort([E(0, 2, "LOC"), E(3, 5, "PER")], [])
    assert (eff.reject, eff.accept_all, eff.actions, eff.gold_entities) == (2, 0, 2, 0)


def test_perfect_suggestions_cost_one_accept_all() -> None:
    gold = [E(0, 2, "LOC"), E(3, 6, "PER"), E(8, 12, "ORG")]
    eff = document_effort(gold, gold)
    assert (eff.accept_all, eff.relabel, eff.reject, eff.add) == (1, 0, 0, 0)
    assert eff.per_entity == pytest.approx(1 / 3)


def test_no_suggestions_is_annotating_by_hand() -> None:
    gold = [E(0, 2, "LOC"), E(3, 6, "PER")]
    eff = document_effort([], gold)
    assert (eff.add, eff.actions, eff.per_entity) == (2, 4, 2.0)


def test_relabel() -> None:
    eff = document_effort([E(0, 2, "PER"), E(3, 5, "LOC")], [E(0, 2, "LOC"), E(3, 5, "LOC")])
    assert (eff.accept_all, eff.relabel, eff.reject, eff.add, eff.actions) == (1, 1, 0, 0, 2)


def test_only_relabels_need_no_accept_all() -> None:
    eff = document_effort([E(0, 2, "PER")], [E(0, 2, "LOC")])
    assert (eff.accept_all, eff.relabel, eff.actions) == (0, 1, 1)


def test_reject_spurious() -> None:
    eff = document_effort([E(0, 2, "LOC"), E(5, 7, "PER")], [E(0, 2, "LOC")])
    assert (eff.accept_all, eff.reject, eff.add, eff.actions) == (1, 1, 0, 2)


def test_add_missed() -> None:
    eff = document_effort([E(0, 2, "LOC")], [E(0, 2, "LOC"), E(5, 7, "PER")])
    assert (eff.accept_all, eff.reject, eff.add, eff.actions) == (1, 0, 1, 3)


def test_mis_bounded_costs_an_add_and_no_rejection() -> None:
    # 越南 suggested where gold has 越南外交部: the annotator selects the right span over it (2 actions)
    eff = document_effort([E(0, 2, "LOC")], [E(0, 5, "ORG")])
    assert (eff.accept_all, eff.relabel, eff.reject, eff.add, eff.actions) == (0, 0, 0, 1, 2)
    # two pieces of one name (裴 + 青山) are replaced by the one add as well
    eff = document_effort([E(0, 1, "PER"), E(1, 3, "LOC")], [E(0, 3, "PER")])
    assert (eff.reject, eff.add, eff.actions, eff.replaced) == (0, 1, 2, 2)
    assert eff.strict_per_entity == 4.0


def test_all_kinds_together() -> None:
    gold = [E(0, 2, "LOC"), E(3, 5, "LOC"), E(6, 9, "PER"), E(10, 14, "ORG")]
    pred = [E(0, 2, "LOC"), E(3, 5, "PER"), E(6, 8, "PER"), E(15, 16, "LOC")]
    eff = document_effort(pred, gold)
    # accept-all 1, relabel 1 (3-5), add 2 (6-9 mis-bounded, 10-14 missed) = 4, reject 1 (15-16)
    assert (eff.accept_all, eff.relabel, eff.reject, eff.add, eff.actions) == (1, 1, 1, 2, 7)
    assert eff.per_entity == pytest.approx(7 / 4)


def test_efforts_add_up() -> None:
    a = document_effort([E(0, 2, "LOC")], [E(0, 2, "LOC")])
    b = document_effort([], [E(0, 2, "LOC")])
    total = a + b
    assert (total.actions, total.gold_entities, total.documents) == (3, 2, 2)


def test_exact_and_overlap_scores() -> None:
    gold = [E(0, 3, "PER"), E(5, 7, "LOC"), E(9, 12, "ORG")]
    pred = [E(0, 3, "PER"), E(5, 8, "LOC"), E(9, 12, "LOC"), E(20, 22, "PER")]
    report = evaluate([(pred, gold)])
    per, loc, org = report.exact["PER"], report.exact["LOC"], report.exact["ORG"]
    assert (per.tp, per.fp, per.fn) == (1, 1, 0)
    assert (loc.tp, loc.fp, loc.fn) == (0, 2, 1)
    assert (org.tp, org.fp, org.fn) == (0, 0, 1)
    micro = report.exact[MICRO]
    assert (micro.tp, micro.fp, micro.fn) == (1, 3, 2)
    assert micro.precision == pytest.approx(0.25)
    assert micro.recall == pytest.approx(1 / 3)
    assert micro.f1 == pytest.approx(2 * 0.25 * (1 / 3) / (0.25 + 1 / 3))
    oloc = report.overlap["LOC"]
    assert (oloc.tp, oloc.fp, oloc.fn) == (1, 1, 0)  # 5-8 overlaps 5-7; 9-12/LOC overlaps no LOC


def test_label_filter_ignores_other_labels() -> None:
    report = evaluate([([E(0, 2, "MISC"), E(3, 5, "LOC")], [E(3, 5, "LOC")])], labels=("PER", "LOC", "ORG"))
    assert report.f1 == 1.0
    assert report.effort.reject == 0
    assert set(report.exact) == {"PER", "LOC", "ORG", MICRO}


def test_empty_corpus() -> None:
    report = evaluate([])
    assert report.f1 == 0.0 and report.effort.per_entity == 0.0


class ScriptedEngine:
    """Suggests every string it has been taught; records what it was told."""

    def __init__(self) -> None:
        self.known: dict[str, str] = {}
        self.learned: list[tuple[list[Entity], list[Entity]]] = []

    def suggest(self, text: str) -> list[Suggestion]:
        out = []
        for surface, label in self.known.items():
            i = text.find(surface)
            if i >= 0:
                out.append(Suggestion(i, i + len(surface), label, Origin.PROPAGATED, None, 1.0))
        return out

    def learn(self, text: str, accepted: Iterable[Entity], rejected: Iterable[Entity] = ()) -> None:
        accepted, rejected = list(accepted), list(rejected)
        self.learned.append((accepted, rejected))
        for e in accepted:
            self.known[text[e.start : e.end]] = e.label


def test_simulate_learning_feeds_gold_back_in_order() -> None:
    docs = [("甲乙丙", [E(0, 1, "PER")])] * 4
    engines: list[ScriptedEngine] = []

    def factory() -> ScriptedEngine:
        engines.append(ScriptedEngine())
        return engines[-1]

    report = simulate_learning(docs, factory, checkpoints=(0.25, 0.5, 1.0))
    assert len(engines) == 1 and len(engines[0].learned) == 4
    assert report.second_half.f1 == 1.0
    assert report.second_half.effort.actions == 2  # one accept-all per document
    assert [p.documents for p in report.curve] == [1, 1, 2]
    assert report.curve[0].f1 == 0.0 and report.curve[0].effort_per_entity == 2.0
    assert report.all_documents is not None and report.all_documents.effort.gold_entities == 4


def test_simulate_learning_reports_wrong_suggestions_as_rejected() -> None:
    engine = ScriptedEngine()
    engine.known["乙"] = "LOC"
    simulate_learning([("甲乙", [E(0, 1, "PER")])], lambda: engine)
    accepted, rejected = engine.learned[0]
    assert accepted == [E(0, 1, "PER")] and rejected == [E(1, 2, "LOC")]
