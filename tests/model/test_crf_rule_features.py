"""The rule engine's own suggestions as features of the CRF (``model.crf.stacking``): what counts, how a model
trained with them predicts, that a model trained before them still loads and predicts as it did, and that
training sees the rules without the project's knowledge."""

from __future__ import annotations

import random

from model.crf import CrfModel, simulate_with_retraining
from model.crf.engine import ColdRules
from model.crf.stacking import rule_tags, stackable_rules
from model.spans import Entity, Origin
from model.suggest import SuggestionEngine
from model.suggest.suggestion import Suggestion
from tests.model.test_pretrained import FakeTagger

NAMES = ["甲乙丙", "丁戊己", "庚辛壬", "癸子丑"]


def rule(start: int, end: int, label: str, origin: Origin = Origin.RULE, detail: str = "merge_place_org"):  # type: ignore[no-untyped-def]
    return Suggestion(start, end, label, origin, detail, 0.8)


def documents(count: int, seed: int = 5) -> list[tuple[str, list[Entity]]]:
    """Sentences whose organisation no character feature could know: only the rules' tags mark it."""
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        name, before = rng.choice(NAMES), rng.choice(["今天", "昨日上午", "据悉"])
        text = f"{before}{name}来了。"
        out.append((text, [Entity(len(before), len(before) + len(name), "ORG")]))
    return out


def rules_for(text: str) -> list[Suggestion]:
    """A stand-in rule engine: the names it knows, wherever they are."""
    found = []
    for name in [*NAMES, "寅卯辰"]:
        start = text.find(name)
        if start >= 0:
            found.append(rule(start, start + len(name), "ORG"))
    return found


def test_only_what_the_rules_read_by_themselves_counts() -> None:
    suggestions = [
        rule(0, 2, "ORG"),
        rule(2, 4, "LOC", Origin.PROPAGATED, "project"),  # the team's confirmed string
        rule(4, 5, "LOC", Origin.RULE, "learned_abbreviation"),  # a confirmed character recalled
        rule(5, 6, "LOC", Origin.RULE, "learned_in_word"),
        rule(6, 8, "PER", Origin.JIEBA, "nr"),  # persons: the pretrained tagger reads them better
        rule(8, 10, "LOC", Origin.DICTIONARY, "countries"),
    ]
    assert [s.start for s in stackable_rules(suggestions, {"PER"})] == [0, 8]
    assert rule_tags(11, suggestions, {"PER"}) == ["B-ORG", "I-ORG", *["O"] * 6, "B-LOC", "I-LOC", "O"]


def test_a_model_trained_on_the_rules_tags_follows_them() -> None:
    model = CrfModel.train(documents(40), rules=rules_for, rules_skip=("PER",), iterations=40)
    assert model.takes_rules and model.info.params["rules"] == {"skip": ["PER"]}
    text = "我说寅卯辰很好。"  # a name and a context never seen in training: only the rules know it
    assert [(s.start, s.end, s.label) for s in model.predict(text, rules=rules_for(text))] == [(2, 5, "ORG")]
    assert [s.entity for s in model.predict(text)] == []  # no rules given: nothing marks it
    loaded = CrfModel.from_bytes(model.to_bytes())
    assert loaded.takes_rules
    assert loaded.predict(text, rules=rules_for(text)) == model.predict(text, rules=rules_for(text))


def test_a_model_trained_without_them_predicts_as_before() -> None:
    plain = CrfModel.train(documents(40), iterations=40)
    assert "rules" not in plain.info.params or plain.info.params["rules"] is None
    loaded = CrfModel.from_bytes(plain.to_bytes())
    assert not loaded.takes_rules
    text = "我说寅卯辰很好。今天甲乙丙来了。"
    assert loaded.predict(text, rules=rules_for(text)) == loaded.predict(text) == plain.predict(text)


def test_training_sees_the_rules_without_the_projects_knowledge() -> None:
    engine = SuggestionEngine(labels=("PER", "LOC", "ORG"))
    engine.learn("甲乙丙来了。", [Entity(0, 3, "ORG")])
    assert any(s.origin is Origin.PROPAGATED for s in engine.suggest("今天甲乙丙来了。"))
    cold = ColdRules(SuggestionEngine(labels=("PER", "LOC", "ORG")))
    assert cold.skip == ("PER",)
    assert not any(s.origin is Origin.PROPAGATED for s in cold("今天甲乙丙来了。"))
    assert cold("今天甲乙丙来了。") is cold("今天甲乙丙来了。")  # kept per text


def test_the_learning_loop_beside_a_pretrained_tagger_trains_on_the_rules() -> None:
    tagger = FakeTagger({})
    result = simulate_with_retraining(
        documents(6), lambda: SuggestionEngine(labels=("PER", "LOC", "ORG")), every=3, iterations=5,
        pretrained=tagger,  # type: ignore[arg-type]
    )  # fmt: skip
    assert result.models and all(info.params["rules"] == {"skip": ["PER"]} for info in result.models)
    plain = simulate_with_retraining(
        documents(6), lambda: SuggestionEngine(labels=("PER", "LOC", "ORG")), every=3, iterations=5
    )
    assert plain.models and all(info.params["rules"] is None for info in plain.models)


def test_the_engine_hands_the_model_the_rules_it_already_ran() -> None:
    from model.crf import ModelAssistedEngine
    from tests.model.test_pretrained import Rules

    model = CrfModel.train(documents(40), rules=rules_for, rules_skip=("PER",), iterations=40)
    text = "我说寅卯辰很好。"
    rules = Rules(rules_for(text))
    engine = ModelAssistedEngine(rules, model, pretrained=FakeTagger({}))  # type: ignore[arg-type]
    engine.suggest(text)
    _, predicted, _ = engine._recent[text]
    assert [(s.start, s.end, s.label, s.origin) for s in predicted] == [(2, 5, "ORG", Origin.MODEL)]
