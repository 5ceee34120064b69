"""The CRF: training on a tiny corpus, exact offsets on awkward text, persistence, project features."""

from __future__ import annotations

import struct
from collections import Counter

import pytest

from model.crf import CrfModel, ModelFormatError
from model.crf.serialisation import MAGIC
from model.crf.tokens import tokenize
from model.crf.training import ProjectIndex
from model.spans import Entity, Origin
from model.suggest.dictionary import ProjectDictionary
from tests.model.conftest import build


def entities(model: CrfModel, text: str) -> list[Entity]:
    return [s.entity for s in model.predict(text)]


def test_learns_the_tiny_corpus(tiny_crf: CrfModel, corpus: list[tuple[str, list[Entity]]]) -> None:
    hits = sum(entities(tiny_crf, text) == gold for text, gold in corpus)
    assert hits >= 27
    unseen, gold = build("{PER}昨天在{LOC}会见了{ORG}代表。", PER="王明", LOC="上海", ORG="新华社")
    assert entities(tiny_crf, unseen) == gold


def test_suggestions_carry_origin_detail_and_a_probability(tiny_crf: CrfModel) -> None:
    found = tiny_crf.predict("据新华社报道，李华今天抵达北京。")
    assert found and all(s.origin is Origin.MODEL and s.detail == "crf" for s in found)
    assert all(0.5 < s.score <= 1.0 for s in found)
    assert [s.start for s in found] == sorted(s.start for s in found)


@pytest.mark.parametrize("prefix", ["𠮷𠮷", "😀👍🏽", "\u3000\u3000", "ＡＢＣ", "第一行\n\n"])
def test_offsets_are_code_points_into_the_text_as_given(tiny_crf: CrfModel, prefix: str) -> None:
    sentence, gold = build("{ORG}发言人{PER}说，{LOC}经济稳定。", PER="刘洋", LOC="南京", ORG="国务院")
    text = prefix + sentence + "😀"
    found = tiny_crf.predict(text)
    shifted = [Entity(e.start + len(prefix), e.end + len(prefix), e.label) for e in gold]
    assert [s.entity for s in found if s.start >= len(prefix)] == shifted
    assert [text[s.start : s.end] for s in found if s.start >= len(prefix)] == ["国务院", "刘洋", "南京"]


def test_full_width_text_is_tagged_like_half_width(tiny_crf: CrfModel) -> None:
    text = "王明昨天在北京会见了外交部代表。"
    assert entities(tiny_crf, text.replace("。", "．")) == entities(tiny_crf, text)


def test_long_text_is_segmented_and_mapped_back(tiny_crf: CrfModel) -> None:
    sentence, gold = build("{PER}昨天在{LOC}会见了{ORG}代表", PER="张伟", LOC="广州", ORG="国务院")
    text = "，".join([sentence] * 20) + "。"  # 300+ characters, no sentence end: cut at commas
    assert len(text) > 300
    found = entities(tiny_crf, text)
    step = len(sentence) + 1
    expected = [Entity(e.start + k * step, e.end + k * step, e.label) for k in range(20) for e in gold]
    assert found == expected


def test_round_trip_through_bytes(tiny_crf: CrfModel, corpus: list[tuple[str, list[Entity]]]) -> None:
    data = tiny_crf.to_bytes()
    assert data.startswith(MAGIC)
    again = CrfModel.from_bytes(data)
    assert again.info == tiny_crf.info
    assert again.lexicons == tiny_crf.lexicons
    assert again.info.documents == 30 and again.info.characters == sum(len(t) for t, _ in corpus)
    assert again.info.params["c1"] == tiny_crf.info.params["c1"] and again.info.iterations == 40
    assert set(again.info.labels) == {"PER", "LOC", "ORG"}
    for text, _ in corpus[:5]:
        assert again.predict(text) == tiny_crf.predict(text)
    assert again.to_bytes() == data


@pytest.mark.parametrize("mangle", [
    lambda d: b"XX" + d[2:],
    lambda d: d[: len(MAGIC)] + struct.pack(">H", 99) + d[len(MAGIC) + 2 :],
    lambda d: d[:20],
    lambda d: d[: len(MAGIC) + 6] + b"{not json" + d[len(MAGIC) + 15 :],
])  # fmt: skip
def test_rejects_foreign_or_broken_bytes(tiny_crf: CrfModel, mangle) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ModelFormatError):
        CrfModel.from_bytes(mangle(tiny_crf.to_bytes()))


def test_progress_is_reported(corpus: list[tuple[str, list[Entity]]]) -> None:
    calls: list[tuple[int, int]] = []
    read: list[tuple[int, int]] = []
    CrfModel.train(
        corpus[:6],
        iterations=5,
        progress=lambda i, n: calls.append((i, n)),
        reading=lambda i, n: read.append((i, n)),
    )
    assert calls and calls[0] == (1, 5) and all(n == 5 for _, n in calls) and calls[-1][0] <= 5
    assert read == [(6, 6)]  # every hundred documents, and the last


def test_project_index_leaves_a_documents_own_confirmations_out() -> None:
    pd = ProjectDictionary()
    pd.confirm("王明", "PER")
    pd.confirm("李华", "PER")
    pd.confirm("李华", "PER")
    pd.reject("北京", "LOC")
    index = ProjectIndex(pd)
    text = "王明和李华在北京"
    assert index.hits(text) == [(0, 2, "PER"), (3, 5, "PER")]
    own = Counter({("王明", "PER"): 1, ("李华", "PER"): 1})
    assert index.hits(text, own) == [(3, 5, "PER")]  # 李华 was also confirmed elsewhere


def test_project_dictionary_hits_become_features(corpus: list[tuple[str, list[Entity]]]) -> None:
    pd = ProjectDictionary()
    for text, gold in corpus:
        for e in gold:
            pd.confirm(text[e.start : e.end], e.label)
    model = CrfModel.train(corpus, iterations=30, project_dictionary=pd)
    assert model.info.params["project_features"] is True
    assert model.project_dictionary is pd
    without = CrfModel.train(corpus, iterations=30)
    assert without.info.params["project_features"] is False


def test_a_stacked_model_uses_and_needs_its_base(
    corpus: list[tuple[str, list[Entity]]], tiny_crf: CrfModel
) -> None:
    stacked = CrfModel.train(corpus[:12], iterations=20, base=tiny_crf)
    assert stacked.info.params["base"] == tiny_crf.identity
    feats = stacked._segment_features("王明在北京", "王明在北京", tokenize("王明在北京"), ())
    assert feats[0][-3:] == ["bt=B-PER", "bt-1=^", "bt1=E-PER"]
    text = "据新华社报道，李华今天抵达北京。"
    data = stacked.to_bytes()
    with pytest.raises(ModelFormatError):
        CrfModel.from_bytes(data)
    with pytest.raises(ModelFormatError):
        CrfModel.from_bytes(data, base=stacked)
    assert CrfModel.from_bytes(data, base=tiny_crf).predict(text) == stacked.predict(text)


def test_score_is_the_smallest_marginal_of_the_span(tiny_crf: CrfModel) -> None:
    text = "刘洋昨天在武汉会见了人民银行代表。"
    found = tiny_crf.predict(text)
    xseq = tiny_crf._segment_features(text, text, tokenize(text), ())
    tags = tiny_crf._tagger.tag(xseq)
    for s in found:
        marginals = [tiny_crf._tagger.marginal(tags[i], i) for i in range(s.start, s.end)]
        assert s.score == min(marginals)
    assert any(
        s.score < max(tiny_crf._tagger.marginal(tags[i], i) for i in range(s.start, s.end)) for s in found
    )


def test_training_needs_text_and_a_known_algorithm(corpus: list[tuple[str, list[Entity]]]) -> None:
    with pytest.raises(ValueError):
        CrfModel.train([])
    with pytest.raises(ValueError):
        CrfModel.train(corpus, algorithm="magic")


@pytest.mark.parametrize("stacking", ["light", "full"])
def test_a_stacked_model_builds_shared_attributes_once_and_the_same(
    corpus: list[tuple[str, list[Entity]]], tiny_crf: CrfModel, stacking: str
) -> None:
    pd = ProjectDictionary()
    pd.confirm("北京", "LOC")
    pd.confirm("北京", "LOC")
    assert not CrfModel.train(corpus[:4], iterations=5, base=tiny_crf)._share  # its own gazetteer
    base = CrfModel.train(corpus, iterations=30)  # the bundled lexicons, like the project's models
    stacked = CrfModel.train(corpus[:12], iterations=20, base=base, project_dictionary=pd, stacking=stacking)
    assert stacked._share and stacked.info.params["stacking"] == stacking
    text = "王明在北京会见了新华社代表"
    local = [(3, 5, "LOC")]
    shared = stacked._segment_features(text, text, tokenize(text), local)
    stacked._share = False  # the general path: each model builds its own attributes
    separate = stacked._segment_features(text, text, tokenize(text), local)
    assert [sorted(f) for f in shared] == [sorted(f) for f in separate]
    assert "bt=B-PER" in shared[0]
    assert ("pd=B-LOC" in shared[3]) is ("c0=王" in shared[0]) is (stacking == "full")  # light: base tags
    restored = CrfModel.from_bytes(stacked.to_bytes(), base=base)
    assert restored._light is (stacking == "light") and restored.predict(text) == stacked.predict(text)


def test_stacking_is_light_unless_the_project_has_labels_the_base_model_lacks(
    corpus: list[tuple[str, list[Entity]]],
) -> None:
    base = CrfModel.train(corpus, iterations=20)
    assert CrfModel.train(corpus[:6], iterations=5, base=base).info.params["stacking"] == "light"
    text, _ = corpus[0]
    novel = [*corpus[:6], (text, [Entity(0, 2, "PRODUCT")])]
    assert CrfModel.train(novel, iterations=5, base=base).info.params["stacking"] == "full"
    assert CrfModel.train(corpus[:6], iterations=5).info.params["stacking"] is None
    with pytest.raises(ValueError, match="unknown stacking"):
        CrfModel.train(corpus[:6], iterations=5, base=base, stacking="heavy")
