"""The serving engine is made one way for the window and the command line; its portable copy carries the CRF
(and the base it stacks on) as bytes across a process boundary and serves the same suggestions."""

from __future__ import annotations

import pickle

from model.crf import CrfModel, ModelAssistedEngine
from model.serving import ServingSetup
from model.spans import Entity
from model.suggest import SuggestionEngine


def test_without_a_model_the_rules_serve() -> None:
    setup = ServingSetup(rows=(("裴青山", "PER", 2, 0),), labels=("PER", "LOC"))
    engine = setup.engine()
    assert type(engine) is SuggestionEngine and setup.portable() is setup


def test_the_portable_copy_serves_like_the_original(
    tiny_crf: CrfModel, corpus: list[tuple[str, list[Entity]]]
) -> None:
    stacked = CrfModel.train(corpus[:12], iterations=10, base=tiny_crf)
    setup = ServingSetup(labels=("PER", "LOC", "ORG"), model_id=3, crf=stacked, threshold=0.3)
    copy = pickle.loads(pickle.dumps(setup.portable()))  # what a spawned worker receives
    assert copy.crf is None and copy.model is not None and copy.base is not None
    here, there = setup.engine(), copy.engine()
    assert isinstance(here, ModelAssistedEngine) and isinstance(there, ModelAssistedEngine)
    text = corpus[0][0]
    assert here.model.predict(text) == there.model.predict(text)  # type: ignore[union-attr]


def test_the_in_word_memory_is_rebuilt_with_the_words_the_serving_engine_cuts() -> None:
    from .test_pretrained import FakeTagger

    # beside a pretrained tagger jieba's part-of-speech HMM is off, and it cuts 日机 as one word only then
    text = "抗战时期，为躲避日机轰炸，他所在的大学疏散到了乡下，就是出"
    setup = ServingSetup(
        labels=("PER", "LOC", "ORG"), tagger=FakeTagger({}), in_word=((text, 8, "LOC", True),)
    )
    engine = setup.engine()
    assert isinstance(engine, ModelAssistedEngine) and not engine.rule_engine.pos_hmm
    found = [(text[s.start : s.end], s.detail) for s in engine.rule_engine.suggest(text)]
    assert ("日", "learned_in_word") in found
