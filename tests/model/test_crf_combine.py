"""The combiner's decisions on small hand-made cases, and the model-assisted engine's protocol."""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from types import SimpleNamespace

import pytest

from model.crf.combine import (
    ALONE,
    CONFLICT,
    acceptance,
    clusters,
    combine,
    conflict_rate,
    rate,
    shape_of,
)
from model.crf.engine import ModelAssistedEngine
from model.evaluate import simulate_learning
from model.spans import Entity, Origin
from model.suggest.dictionary import ProjectDictionary
from model.suggest.suggestion import Suggestion


def rule(start: int, end: int, label: str, origin: Origin = Origin.RULE, score: float = 0.8) -> Suggestion:
    return Suggestion(start, end, label, origin, "test", score)


def crf(start: int, end: int, label: str, score: float = 0.9) -> Suggestion:
    return Suggestion(start, end, label, Origin.MODEL, "crf", score)


def spans(suggestions: Iterable[Suggestion]) -> list[tuple[int, int, str, str]]:
    return [(s.start, s.end, s.label, str(s.origin)) for s in suggestions]


def test_agreement_keeps_one_suggestion_with_the_higher_score() -> None:
    out = combine([rule(0, 2, "PER", score=0.8)], [crf(0, 2, "PER", score=0.95)])
    assert spans(out) == [(0, 2, "PER", "model")] and out[0].score == 0.95
    out = combine([rule(0, 2, "PER", score=0.8)], [crf(0, 2, "PER", score=0.6)])
    assert spans(out) == [(0, 2, "PER", "rule")] and out[0].score == 0.8


TRUSTED_MODEL = {"model": (10, 0)}


def test_lone_model_suggestions_need_trust_and_weak_ones_are_dropped() -> None:
    rules, model = [rule(0, 2, "PER")], [crf(5, 7, "LOC", 0.7), crf(9, 12, "ORG", 0.4)]
    assert spans(combine(rules, model)) == [(0, 2, "PER", "rule")]  # the model starts distrusted
    assert spans(combine(rules, model, TRUSTED_MODEL)) == [(0, 2, "PER", "rule"), (5, 7, "LOC", "model")]
    out = combine(rules, [crf(9, 12, "ORG", 0.4)], TRUSTED_MODEL, threshold=0.3)
    assert spans(out) == [(0, 2, "PER", "rule"), (9, 12, "ORG", "model")]


def test_a_dropped_model_suggestion_causes_no_conflict() -> None:
    out = combine([rule(0, 4, "ORG", Origin.JIEBA)], [crf(0, 2, "LOC", 0.45)])
    assert spans(out) == [(0, 4, "ORG", "jieba")]


def test_conflicts_follow_the_default_prior() -> None:
    # Without history the model loses every conflict, even to jieba.
    assert spans(combine([rule(0, 4, "ORG", Origin.JIEBA)], [crf(0, 2, "LOC")])) == [(0, 4, "ORG", "jieba")]
    assert spans(combine([rule(0, 4, "ORG")], [crf(0, 2, "LOC")])) == [(0, 4, "ORG", "rule")]
    # a model with a good record beats jieba and the plain rules, but not confirmed strings
    trusted = {"model": (6, 1)}
    assert spans(combine([rule(0, 4, "ORG", Origin.JIEBA)], [crf(0, 2, "LOC")], trusted)) == [
        (0, 2, "LOC", "model")
    ]
    assert spans(combine([rule(0, 4, "ORG")], [crf(0, 2, "LOC")], trusted)) == [(0, 2, "LOC", "model")]
    out = combine([rule(0, 4, "ORG", Origin.PROPAGATED)], [crf(0, 2, "LOC")], {"model": (3, 1)})
    assert spans(out) == [(0, 4, "ORG", "propagated")]


def test_history_decides_conflicts() -> None:
    rules, model = [rule(0, 2, "PER")], [crf(0, 3, "PER")]
    trust_rules = {"rule": (40, 5), "model": (10, 30)}
    trust_model = {"rule": (5, 40), "model": (30, 10)}
    assert spans(combine(rules, model, trust_rules)) == [(0, 2, "PER", "rule")]
    assert spans(combine(rules, model, trust_model)) == [(0, 3, "PER", "model")]
    # a relabel conflict on the same span goes the same way
    assert spans(combine([rule(0, 2, "LOC")], [crf(0, 2, "PER")], trust_rules)) == [(0, 2, "LOC", "rule")]


def test_a_conflict_is_settled_for_the_whole_cluster() -> None:
    # rules: 中国 | 外交部 ; model: 中国外交部 -> one cluster, one side wins entirely
    rules = [rule(0, 2, "LOC", Origin.DICTIONARY), rule(2, 5, "ORG")]
    model = [crf(0, 5, "ORG")]
    trust_model = {"model": (50, 1), "dictionary": (1, 50), "rule": (1, 50)}
    assert spans(combine(rules, model, trust_model)) == [(0, 5, "ORG", "model")]
    trust_rules = {"model": (1, 50), "dictionary": (50, 1), "rule": (50, 1)}
    assert spans(combine(rules, model, trust_rules)) == [(0, 2, "LOC", "dictionary"), (2, 5, "ORG", "rule")]


def test_an_organisation_over_the_whole_cluster_wins_it_until_history_says_otherwise() -> None:
    # 上海申花队: the rules' 上海 LOC (gazetteer) against the tagger's ORG over it; the default priors would
    # give the gazetteer the conflict, the enclosing organisation takes it
    rules = [rule(0, 2, "LOC", Origin.DICTIONARY)]
    lac = [Suggestion(0, 5, "ORG", Origin.PRETRAINED, "lac", 0.9)]
    assert spans(combine(rules, [], pretrained=lac)) == [(0, 5, "ORG", "pretrained")]
    # also from the rules' side, and over an organisation inside it (南平市教委 in 福建省南平市教委)
    inner = [Suggestion(3, 8, "ORG", Origin.PRETRAINED, "lac", 0.99)]
    out = combine([rule(0, 8, "ORG", Origin.JIEBA)], [], {"pretrained": (30, 0)}, pretrained=inner)
    assert spans(out) == [(0, 8, "ORG", "jieba")]
    # a person or a place beside the organisation is no reason: the cluster must be the ORG's alone
    out = combine([rule(0, 2, "LOC", Origin.DICTIONARY), rule(2, 4, "PER")], [], pretrained=lac[:0])
    assert spans(out) == [(0, 2, "LOC", "dictionary"), (2, 4, "PER", "rule")]
    wider = [rule(0, 2, "LOC", Origin.DICTIONARY), rule(5, 7, "LOC", Origin.DICTIONARY)]
    longer = [Suggestion(0, 6, "ORG", Origin.PRETRAINED, "lac", 0.9)]
    assert spans(combine(wider, [], pretrained=longer))[0] == (0, 2, "LOC", "dictionary")
    # history: such organisations from the tagger rejected in conflicts, so the rate falls below the bar
    doubted = {"pretrained": (0, 10), "pretrained|lac|ORG|hi|conflict": (0, 10)}
    assert spans(combine(rules, [], doubted, pretrained=lac)) == [(0, 2, "LOC", "dictionary")]
    # under MSRA's conventions a government named by its place is the place (中国政府 → 中国): it stands
    habit = [Suggestion(0, 2, "LOC", Origin.RULE, "government_place", 0.8)]
    government = [Suggestion(0, 4, "ORG", Origin.PRETRAINED, "lac", 0.9)]
    assert spans(combine(habit, [], pretrained=government)) == [(0, 2, "LOC", "rule")]
    # the project's model reading it otherwise leaves the conflict to history
    out = combine([], [crf(0, 2, "LOC")], {"model": (30, 0)}, pretrained=lac)
    assert spans(out) == [(0, 2, "LOC", "model")]
    out = combine([], [crf(0, 2, "LOC")], {"model": (0, 30)}, pretrained=lac)
    assert spans(out) == [(0, 5, "ORG", "pretrained")]
    out = combine(rules, [crf(0, 5, "ORG")], {"model": (30, 0)})
    assert spans(out) == [(0, 5, "ORG", "model")]


def test_the_same_span_under_another_label_is_a_dispute_for_history() -> None:
    # 俄罗斯: the confirmed LOC and the tagger's LOC against the model's ORG over the same characters; the
    # model's record alone would lose, and an ORG that encloses nothing does not win by enclosing
    confirmed = [rule(0, 3, "LOC", Origin.PROPAGATED, 0.9)]
    lac = [Suggestion(0, 3, "LOC", Origin.PRETRAINED, "lac", 0.98)]
    model = [crf(0, 3, "ORG", 0.7)]
    out = combine(confirmed, model, {"model": (3, 3)}, pretrained=lac)
    assert [s.entity for s in out] == [Entity(0, 3, "LOC")]
    # a model with a strong record in such disputes still wins them
    trusted = {"model": (40, 0), "model|crf|ORG|mid|conflict": (20, 0)}
    assert spans(combine(confirmed, model, trusted, pretrained=lac)) == [(0, 3, "ORG", "model")]


def test_shared_entities_in_a_lost_conflict_keep_the_higher_score() -> None:
    rules = [rule(0, 2, "PER", score=0.6), rule(3, 5, "LOC", score=0.6)]
    model = [crf(0, 2, "PER", score=0.99), crf(3, 6, "LOC", score=0.9)]
    out = combine(rules, model, {"rule": (50, 1), "model": (1, 50)})
    assert spans(out) == [(0, 2, "PER", "model"), (3, 5, "LOC", "rule")]


def test_output_never_overlaps() -> None:
    rules = [rule(0, 3, "ORG"), rule(4, 6, "PER"), rule(8, 10, "LOC")]
    model = [crf(2, 5, "LOC"), crf(6, 9, "ORG"), crf(12, 14, "PER")]
    out = combine(rules, model)
    assert all(a.end <= b.start for a, b in itertools.pairwise(out))
    # 0..6 chained by overlaps; 6..10 (half-open: 4..6 and 6..9 do not overlap); 12..14
    assert [(min(s.start for s in r + m), max(s.end for s in r + m)) for r, m in clusters(rules, model)] == [
        (0, 6), (6, 10), (12, 14),
    ]  # fmt: skip


def test_history_drops_lone_suggestions_that_are_mostly_rejected() -> None:
    jieba_name = rule(0, 2, "PER", Origin.JIEBA, 0.5)
    history = {"jieba|test|PER|lo|alone": (2, 30)}
    assert combine([jieba_name], [], history) == []
    assert combine([jieba_name], [], history, keep_rate=0.0) == [jieba_name]
    # other situations and other labels are judged on their own counts
    place = rule(0, 2, "LOC", Origin.JIEBA, 0.5)
    assert combine([place], [], history) == [place]
    lone_model = crf(0, 2, "LOC", 0.6)
    assert combine([], [lone_model], {"model": (10, 0), "model|crf|LOC|lo|alone": (1, 20)}) == []
    assert combine([], [lone_model], {"model": (10, 0), "model|crf|LOC|mid|alone": (1, 20)}) == [lone_model]
    assert combine([], [lone_model], {"model|crf|LOC|lo|alone": (20, 1)}) == [lone_model]


def test_fine_counts_shrink_towards_the_origin_rate() -> None:
    s = rule(0, 2, "PER", Origin.JIEBA, 0.5)
    assert rate(s, ALONE) == pytest.approx(0.5)
    assert rate(s, ALONE, {"jieba|test|PER|lo|alone": (0, 4)}) == pytest.approx(2 / 8)
    assert rate(s, ALONE, {"jieba": (8, 0), "jieba|test|PER|lo|alone": (0, 4)}) == pytest.approx(
        4 * (10 / 12) / 8
    )  # origin rate (8 + 2) / (8 + 4)


def test_the_shape_of_a_reading_in_its_conflict() -> None:
    wide, narrow, relabelled = rule(0, 5, "ORG"), crf(0, 3, "LOC"), crf(0, 5, "LOC")
    assert shape_of(wide, [wide, narrow]) == "wide" and shape_of(narrow, [wide, narrow]) == "narrow"
    assert shape_of(relabelled, [wide, relabelled]) == "relabel" == shape_of(wide, [wide, relabelled])
    left, right = rule(0, 3, "PER"), crf(2, 5, "PER")
    assert shape_of(left, [left, right]) == "cross" == shape_of(right, [left, right])
    # a reading two sources share is not its own rival
    assert shape_of(narrow, [wide, narrow, crf(0, 3, "LOC")]) == "narrow"


def test_history_of_a_shape_decides_a_conflict_the_sources_record_would_not() -> None:
    # The model is right in most conflicts, but this project keeps rejecting its readings nested in a rule's
    # longer organisation (欧佩克 inside 欧佩克组织) and accepting the rule's longer one.
    rules, model = [rule(0, 5, "ORG")], [crf(0, 3, "ORG")]
    history = {"model": (10, 0), "model|crf|ORG|hi|conflict": (8, 2)}
    assert spans(combine(rules, model, history)) == [(0, 3, "ORG", "model")]
    history |= {"model|crf|ORG|hi|conflict|narrow": (0, 6), "rule|test|ORG|mid|conflict|wide": (6, 0)}
    assert spans(combine(rules, model, history)) == [(0, 5, "ORG", "rule")]
    # the model's readings in other shapes keep its record: a relabelled span still goes to it
    assert spans(combine([rule(0, 3, "LOC")], [crf(0, 3, "ORG")], history)) == [(0, 3, "ORG", "model")]
    # the shape's counts shrink towards the situation's rate
    s = crf(0, 3, "ORG")
    fine = rate(s, CONFLICT, history)
    assert conflict_rate(s, [s, rule(0, 5, "ORG")], history, None) == pytest.approx(4 * fine / 10)
    assert conflict_rate(s, [s, rule(0, 3, "LOC")], history, None) == pytest.approx(fine)


def test_acceptance_is_smoothed() -> None:
    assert acceptance("model") == pytest.approx(1 / 3)
    assert acceptance("model", {"model": (6, 0)}) == pytest.approx(7 / 9)
    assert acceptance("unheard-of") == 0.5


class FakeRules:
    def __init__(self, suggestions: list[Suggestion]) -> None:
        self.suggestions = suggestions
        self.project_dictionary = ProjectDictionary()
        self.learned: list[tuple[str, list[Entity], list[Entity]]] = []

    def warm_up(self) -> None:
        pass

    def suggest(self, text: str) -> list[Suggestion]:
        return list(self.suggestions)

    def learn(self, text: str, accepted: Iterable[Entity], rejected: Iterable[Entity] = ()) -> None:
        self.learned.append((text, list(accepted), list(rejected)))


class FakeModel:
    def __init__(self, suggestions: list[Suggestion], base: object = None, documents: int = 30) -> None:
        self.suggestions = suggestions
        self.dictionaries: list[object] = []
        self.base = base
        self.info = SimpleNamespace(documents=documents)

    def predict(self, text: str, *, project_dictionary: object = None) -> list[Suggestion]:
        self.dictionaries.append(project_dictionary)
        return list(self.suggestions)


def test_engine_without_a_model_is_the_rule_engine() -> None:
    rules = FakeRules([rule(0, 2, "PER")])
    engine = ModelAssistedEngine(rules)  # type: ignore[arg-type]
    assert engine.suggest("王明来了") == rules.suggestions


def test_engine_combines_learns_and_counts_conflicts() -> None:
    rules = FakeRules([rule(0, 4, "ORG", Origin.JIEBA), rule(6, 8, "LOC", Origin.DICTIONARY)])
    model = FakeModel([crf(0, 2, "LOC"), crf(6, 8, "LOC", 0.7)])
    engine = ModelAssistedEngine(rules, model)  # type: ignore[arg-type]
    text = "中国银行在北京开业"
    assert spans(engine.suggest(text)) == [(0, 4, "ORG", "jieba"), (6, 8, "LOC", "dictionary")]
    assert model.dictionaries == [rules.project_dictionary]
    engine.learn(text, [Entity(0, 4, "ORG"), Entity(6, 8, "LOC")], [Entity(0, 2, "LOC")])
    assert rules.learned == [(text, [Entity(0, 4, "ORG"), Entity(6, 8, "LOC")], [Entity(0, 2, "LOC")])]
    # only the contested cluster counts: jieba was right there, the model wrong; the agreement is not counted
    expected = {
        "jieba": (1, 0),
        "model": (0, 1),
        "jieba|test|ORG|mid|conflict": (1, 0),
        "model|crf|LOC|hi|conflict": (0, 1),
        "jieba|test|ORG|mid|conflict|wide": (1, 0),  # and by how each stood to the other reading
        "model|crf|LOC|hi|conflict|narrow": (0, 1),
    }
    assert engine.history == expected
    engine.learn("a text never suggested", [], [])
    assert engine.history == expected


def test_engine_counts_suggestions_alone_under_their_situation() -> None:
    rules = FakeRules([rule(0, 2, "PER", Origin.JIEBA, 0.5)])
    engine = ModelAssistedEngine(rules, FakeModel([crf(5, 7, "LOC", 0.75), crf(8, 9, "PER", 0.3)]))  # type: ignore[arg-type]
    engine.suggest("文明社会在北京")
    engine.learn("文明社会在北京", [Entity(5, 7, "LOC")])
    # the model's 0.3 suggestion was never shown, so it is not counted
    assert engine.history == {"jieba|test|PER|lo|alone": (0, 1), "model|crf|LOC|mid|alone": (1, 0)}


def test_history_learned_by_the_engine_changes_its_choices() -> None:
    rules = FakeRules([rule(0, 4, "ORG", Origin.JIEBA)])
    engine = ModelAssistedEngine(rules, FakeModel([crf(0, 2, "LOC")]))  # type: ignore[arg-type]
    assert spans(engine.suggest("中国银行")) == [(0, 4, "ORG", "jieba")]
    for _ in range(2):
        engine.suggest("中国银行")
        engine.learn("中国银行", [Entity(0, 2, "LOC")])
    assert spans(engine.suggest("中国银行")) == [(0, 2, "LOC", "model")]


def test_engine_runs_in_the_learning_simulation() -> None:
    rules = FakeRules([rule(0, 2, "PER")])
    engine = ModelAssistedEngine(rules, FakeModel([crf(3, 5, "LOC")]), history=TRUSTED_MODEL)  # type: ignore[arg-type]
    docs = [("王明在北京", [Entity(0, 2, "PER"), Entity(3, 5, "LOC")])] * 4
    report = simulate_learning(docs, lambda: engine, ["PER", "LOC"])
    assert report.all_documents is not None and report.all_documents.f1 == 1.0
    assert len(rules.learned) == 4


@pytest.mark.parametrize(
    ("base", "documents", "informed"), [(None, 30, False), ("a base model", 30, True), (None, 5000, True)]
)
def test_a_model_that_knows_news_starts_trusted(base: object, documents: int, informed: bool) -> None:
    rules = FakeRules([rule(0, 4, "ORG", Origin.JIEBA)])
    model = FakeModel([crf(0, 2, "LOC"), crf(5, 7, "PER", 0.8)], base, documents)
    engine = ModelAssistedEngine(rules, model)  # type: ignore[arg-type]
    if informed:  # wins the conflict with jieba, and its lone suggestion is shown
        assert spans(engine.suggest("中国银行在王明")) == [(0, 2, "LOC", "model"), (5, 7, "PER", "model")]
    else:  # a model trained on a few documents must earn trust first
        assert spans(engine.suggest("中国银行在王明")) == [(0, 4, "ORG", "jieba")]
