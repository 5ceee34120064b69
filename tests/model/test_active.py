"""The most useful document next: the uncertainty of a document from a stand-in model with known marginals and
the disagreement of the sources, and the ordering simulation with stand-in engines and trainers."""

from __future__ import annotations

from collections.abc import Iterable
from types import SimpleNamespace
from typing import Any

import pytest

from model.active import rank_by_uncertainty, simulate_ordering
from model.crf import CrfModel, ModelAssistedEngine
from model.spans import Entity, Origin
from model.suggest.dictionary import ProjectDictionary
from model.suggest.suggestion import Suggestion


class StandInModel:
    """A model with known marginals: ``doubt[text]`` is its expected share of wrong tags for the text."""

    def __init__(self, doubt: dict[str, float], found: dict[str, list[Suggestion]] | None = None) -> None:
        self.doubt = doubt
        self.found = found or {}
        self.base = None
        self.pretrained = None
        self.info = SimpleNamespace(documents=10)

    def predict(self, text: str, *, project_dictionary: object = None) -> list[Suggestion]:
        return list(self.found.get(text, []))

    def uncertainty(self, text: str, *, project_dictionary: object = None) -> float:
        return self.doubt.get(text, 0.0)


class StandInRules:
    def __init__(self, found: dict[str, list[Suggestion]] | None = None) -> None:
        self.found = found or {}
        self.project_dictionary = ProjectDictionary()
        self.learned: list[str] = []

    def warm_up(self) -> None:
        pass

    def suggest(self, text: str) -> list[Suggestion]:
        return list(self.found.get(text, []))

    def learn(self, text: str, accepted: Iterable[Entity], rejected: Iterable[Entity] = ()) -> None:
        self.learned.append(text)


def loc(start: int, end: int, origin: Origin = Origin.RULE) -> Suggestion:
    return Suggestion(start, end, "LOC", origin, "test", 0.9)


def test_uncertainty_adds_the_models_doubt_and_the_sources_disagreements_per_character() -> None:
    text = "中国和美国在北京会谈"  # 10 characters
    rules = StandInRules({text: [loc(0, 2), loc(3, 5)]})
    model = StandInModel({text: 0.05}, {text: [loc(0, 2, Origin.MODEL), loc(3, 6, Origin.MODEL)]})
    engine = ModelAssistedEngine(rules, model)  # type: ignore[arg-type]
    # 中国: both agree; 美国 / 美国在: they disagree -> one disagreement in ten characters
    assert engine.uncertainty(text) == pytest.approx(0.05 + 1 / 10)
    model.found[text] = [loc(0, 2, Origin.MODEL), loc(3, 5, Origin.MODEL), loc(6, 8, Origin.MODEL)]
    # 北京 only the model holds: the rules' silence is a disagreement too
    assert engine.uncertainty(text) == pytest.approx(0.05 + 1 / 10)
    model.found[text] = [loc(0, 2, Origin.MODEL), loc(3, 5, Origin.MODEL)]
    assert engine.uncertainty(text) == pytest.approx(0.05)
    assert ModelAssistedEngine(rules).uncertainty(text) == 0.0  # type: ignore[arg-type]
    assert engine.uncertainty("") == 0.0


def test_the_most_uncertain_documents_come_first_and_ties_keep_their_order() -> None:
    doubt = {"a": 0.1, "b": 0.4, "c": 0.1, "d": 0.3}
    engine = ModelAssistedEngine(StandInRules(), StandInModel(doubt))  # type: ignore[arg-type]
    assert rank_by_uncertainty(engine, [(i, t) for i, t in enumerate("abcd")]) == [1, 3, 0, 2]


def test_crf_uncertainty_is_a_share_of_characters() -> None:
    docs = [("王明在北京。", [Entity(0, 2, "PER"), Entity(3, 5, "LOC")])] * 6
    model = CrfModel.train(docs, iterations=20)
    seen = model.uncertainty("王明在北京。")
    unseen = model.uncertainty("Zyx 𠮷 qwv。")
    assert 0.0 <= seen < unseen <= 1.0
    assert model.uncertainty("") == 0.0


def documents(n: int) -> list[tuple[str, list[Entity]]]:
    return [(f"文档{i:03d}", [Entity(0, 2, "LOC")]) for i in range(n)]


def test_the_simulation_reads_the_most_uncertain_first_and_refreshes_after_each_retraining() -> None:
    docs = documents(10)  # the last 2 are held out
    # before any retraining, documents 5, 6, 7 are the most uncertain; the first model is sure of them and
    # unsure of 1 and 2 instead
    first = {docs[i][0]: d for i, d in ((5, 0.9), (6, 0.8), (7, 0.7), (1, 0.1))}
    later = {docs[i][0]: d for i, d in ((1, 0.9), (2, 0.8))}
    rules = StandInRules()
    engine = ModelAssistedEngine(rules, StandInModel(first))  # type: ignore[arg-type]
    trained: list[int] = []

    def train(seen: list[Any], **_options: Any) -> StandInModel:
        trained.append(len(seen))
        return StandInModel(later)

    report = simulate_ordering(
        docs,
        lambda: None,
        ["LOC"],
        order="uncertainty",
        every=3,
        held_out=0.2,
        engine_factory=lambda: engine,
        train=train,
    )  # type: ignore[arg-type,return-value]
    assert report.held_out == 2
    assert report.read == [5, 6, 7, 1, 2, 0, 3, 4]
    assert trained == [3, 6, 8]
    assert [p.documents for p in report.points] == [0, 3, 6, 8]
    assert all(0.0 <= p.f1 <= 1.0 for p in report.points)
    assert "文档008" not in rules.learned and "文档009" not in rules.learned  # the held-out part is never fed

    def fresh() -> ModelAssistedEngine:
        return ModelAssistedEngine(StandInRules(), StandInModel(first))  # type: ignore[arg-type]

    sequential = simulate_ordering(
        docs,
        lambda: None,
        ["LOC"],
        order="sequential",
        every=3,  # type: ignore[arg-type,return-value]
        engine_factory=fresh,
        train=train,
    )
    assert sequential.read == list(range(8))


def test_the_simulation_refuses_nonsense() -> None:
    with pytest.raises(ValueError, match="order"):
        simulate_ordering(documents(5), lambda: None, order="random")  # type: ignore[arg-type,return-value]
    with pytest.raises(ValueError, match="held_out"):
        simulate_ordering(documents(5), lambda: None, held_out=1.0)  # type: ignore[arg-type,return-value]
