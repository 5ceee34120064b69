"""The engine end to end on seed-article sentences: jieba, rules, gazetteer, label mapping and learning."""

from __future__ import annotations

import itertools
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from model.spans import Entity, Origin
from model.suggest import ProjectDictionary, Suggestion, SuggestionEngine

REPO = Path(__file__).resolve().parents[2]
SEED = "4月15日,越南外交部部长裴青山已与美国国务卿安东尼·布林肯(Antony Blinken)举行会谈。"


@pytest.fixture(scope="module")
def engine() -> SuggestionEngine:
    e = SuggestionEngine()
    e.warm_up()
    return e


def found(text: str, suggestions: list[Suggestion]) -> list[tuple[str, str]]:
    return [(text[s.start : s.end], s.label) for s in suggestions]


def test_import_does_not_load_jieba() -> None:
    code = (
        "import sys, model.suggest; from model.suggest import SuggestionEngine; SuggestionEngine();"
        "print('jieba.posseg' in sys.modules, 'jieba' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


def test_seed_sentence(engine: SuggestionEngine) -> None:
    result = engine.suggest(SEED)
    assert found(SEED, result) == [
        ("越南外交部", "ORG"),
        ("裴青山", "PER"),
        ("美国", "LOC"),
        ("安东尼·布林肯", "PER"),
        ("Antony Blinken", "PER"),
    ]
    rule, gaz = Origin.RULE, Origin.DICTIONARY
    assert [s.origin for s in result] == [rule, rule, gaz, rule, rule]
    assert result[0].detail == "merge_place_org" and result[2].detail == "countries"
    assert all(0.0 <= s.score <= 1.0 for s in result)


def test_more_seed_sentences(engine: SuggestionEngine) -> None:
    text = "老挝人民革命党中央委员会总书记通伦与美国国务院官员会谈,越美关系和《联合国海洋法公约》(UNCLOS)。"
    result = found(text, engine.suggest(text))
    for expected in [("美国国务院", "ORG"), ("越", "LOC"), ("美", "LOC"), ("联合国海洋法公约", "MISC"),
                     ("UNCLOS", "MISC")]:  # fmt: skip
        assert expected in result
    assert any(s.startswith("老挝人民革命党") and lab == "ORG" for s, lab in result)


def test_full_width_text_keeps_offsets(engine: SuggestionEngine) -> None:
    text = "世界卫生组织（ＷＨＯ）说，中美两国"
    result = engine.suggest(text)
    assert ("ＷＨＯ", "ORG") in found(text, result)
    assert ("世界卫生组织", "ORG") in found(text, result)


def test_sorted_and_non_overlapping(engine: SuggestionEngine) -> None:
    for text in (SEED, "越南政府总理范明政通过视频出席第九次东盟-美国领导人在线会议。", "", "   ", "abc"):
        result = engine.suggest(text)
        assert result == sorted(result, key=lambda s: s.start)
        for a, b in itertools.pairwise(result):
            assert a.end <= b.start
        for s in result:
            s.entity.check(len(text))


def test_label_map_renames_and_drops() -> None:
    e = SuggestionEngine(label_map={"PER": "PERSON", "MISC": None}, labels=("PERSON", "LOC", "ORG"))
    result = found(SEED, e.suggest(SEED))
    assert ("裴青山", "PERSON") in result
    assert all(lab in ("PERSON", "LOC", "ORG") for _, lab in result)
    text = "《联合国海洋法公约》"
    assert all(lab != "MISC" for _, lab in found(text, e.suggest(text)))


def test_learning_propagates_confirmed_names_and_remembers_rejections() -> None:
    e = SuggestionEngine()
    text = "他来到西海固，见到了炳奎。"
    before = found(text, e.suggest(text))
    assert ("西海固", "LOC") not in before and ("炳奎", "PER") not in before
    e.learn("西海固人说，炳奎很好。", [Entity(0, 3, "LOC"), Entity(6, 8, "PER")])
    after = e.suggest(text)
    assert ("西海固", "LOC") in found(text, after)
    assert ("炳奎", "PER") in found(text, after)
    assert {s.origin for s in after} == {Origin.PROPAGATED}
    # two rejections of 西海固/LOC outweigh the one confirmation: no longer suggested
    e.learn("西海固。", [], [Entity(0, 3, "LOC")])
    e.learn("西海固。", [], [Entity(0, 3, "LOC")])
    assert ("西海固", "LOC") not in found(text, e.suggest(text))
    assert ("炳奎", "PER") in found(text, e.suggest(text))


def test_rejection_memory_suppresses_any_origin() -> None:
    d = ProjectDictionary.from_rows([("美国", "LOC", 0, 2)])
    e = SuggestionEngine(project_dictionary=d)
    assert ("美国", "LOC") not in found(SEED, e.suggest(SEED))
    assert e.project_dictionary is d


def test_boundary_fix_is_not_held_against_the_string() -> None:
    e = SuggestionEngine()
    text = "希腊共产党发表声明"
    e.learn(text, [Entity(0, 5, "ORG")], [Entity(0, 2, "LOC")])
    assert e.project_dictionary.counts("希腊", "LOC") == (0, 0)


def test_unmarked_occurrence_counts_as_rejection() -> None:
    e = SuggestionEngine()
    text = "王府井很热闹。他说王府井的店。"
    e.learn(text, [Entity(0, 3, "LOC")])
    assert e.project_dictionary.counts("王府井", "LOC") == (1, 1)


def test_single_characters_never_propagate() -> None:
    e = SuggestionEngine()
    e.learn("中美关系", [Entity(0, 1, "LOC"), Entity(1, 2, "LOC")])
    text = "我在中间"
    assert found(text, e.suggest(text)) == []


def test_merging_rules_anchor_on_confirmed_names() -> None:
    e = SuggestionEngine()
    text = "闻韶派出所的民警说"
    assert not any(lab == "ORG" for _, lab in found(text, e.suggest(text)))
    e.learn("他住在闻韶。", [Entity(3, 5, "LOC")])
    assert ("闻韶派出所", "ORG") in found(text, e.suggest(text))


def test_tokens_are_public_and_cover_the_text(engine: SuggestionEngine) -> None:
    text = "世界卫生组织（ＷＨＯ）说"
    tokens = engine.tokens(text)
    assert tokens[0].start == 0 and tokens[-1].end == len(text)
    assert all(a.end == b.start for a, b in itertools.pairwise(tokens))


def test_warm_up_from_a_worker_thread() -> None:
    import threading

    e = SuggestionEngine()
    workers = [threading.Thread(target=e.warm_up) for _ in range(3)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    assert found(SEED, e.suggest(SEED))[0] == ("越南外交部", "ORG")


_POOL = "越南外交部裴青山美国国务卿安东尼·布林肯(Antony)（ＷＨＯ）《联合国》中美关系，。 \n\r\t😀-•abc123１２"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(alphabet=_POOL, max_size=40))
@example("《1 》")  # once found by chance: a title padded with a space
def test_any_text_gives_valid_suggestions(engine: SuggestionEngine, text: str) -> None:
    result = engine.suggest(text)
    assert all(a.end <= b.start for a, b in itertools.pairwise(result))
    for s in result:
        s.entity.check(len(text))
        assert 0.0 <= s.score <= 1.0 and text[s.start : s.end].strip() == text[s.start : s.end]
    tokens = engine.tokens(text)
    assert "".join(t.word for t in tokens) == text.translate({c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)})


def test_msra_habits_follow_the_project_conventions() -> None:
    text = "中美两国政府和中国政府代表在北京会谈，中方表示欢迎。"
    msra = {(text[s.start : s.end], s.label) for s in SuggestionEngine().suggest(text)}
    engine = SuggestionEngine(conventions="general")
    general = {(text[s.start : s.end], s.label) for s in engine.suggest(text)}
    assert {("中", "LOC"), ("美", "LOC")} <= msra and ("中国", "LOC") in msra
    assert not {("中", "LOC"), ("美", "LOC")} & general and ("中国", "LOC") not in general
    assert ("北京", "LOC") in general
    with pytest.raises(ValueError, match="conventions"):
        SuggestionEngine(conventions="people's daily")


def test_places_confirmed_one_character_at_a_time_are_found_in_pairs_and_lists() -> None:
    engine = SuggestionEngine(labels=("PER", "LOC", "ORG"))
    pair, listed = "这是有碍巴以和平进程的。", "这次由美、法、英、德四国代表出席。"
    assert not any(
        s.detail == "learned_abbreviation_run" for s in engine.suggest(pair) + engine.suggest(listed)
    )
    text = "巴方说，以方不同意。美方和法方都在。"
    for _ in range(2):  # a one-character place counts as learned once confirmed twice
        engine.learn(text, [Entity(text.index(c), text.index(c) + 1, "LOC") for c in "巴以美法"], [])
    assert [(pair[s.start : s.end], s.label) for s in engine.suggest(pair)] == [("巴", "LOC"), ("以", "LOC")]
    found = [(listed[s.start : s.end], s.label) for s in engine.suggest(listed)]
    assert found[:4] == [("美", "LOC"), ("法", "LOC"), ("英", "LOC"), ("德", "LOC")]


def test_a_character_confirmed_inside_a_jieba_word_is_suggested_in_that_word_again() -> None:
    engine = SuggestionEngine(labels=("PER", "LOC", "ORG"))
    first, later = "许多台商来大陆投资。", "这些台商很满意，台湾也好。"
    assert [w.word for w in engine.tokens(later)][:2] == ["这些", "台商"]  # 台 is inside jieba's word
    assert not any(later[s.start : s.end] == "台" for s in engine.suggest(later))
    engine.learn(first, [Entity(2, 3, "LOC")], [])  # once is enough, in the same word
    found = [(later[s.start : s.end], s.start, s.label, s.detail) for s in engine.suggest(later)]
    assert ("台", 2, "LOC", "learned_in_word") in found
    assert not any(s.detail == "learned_in_word" for s in engine.suggest("平台很大。"))  # not in other words
    for _ in range(2):  # rejected in the word twice: more often than accepted
        engine.learn("台商会议开幕。", [], [Entity(0, 1, "LOC")])
    assert not any(s.detail == "learned_in_word" for s in engine.suggest(later))


def test_the_in_word_memory_suggests_in_the_project_s_own_labels() -> None:
    engine = SuggestionEngine(label_map={"LOC": "GPE"}, labels=("PER", "GPE", "ORG"))
    text = "许多台商来大陆投资。"
    engine.learn(text, [Entity(2, 3, "GPE")], [])
    found = [(text[s.start : s.end], s.label) for s in engine.suggest(text) if s.detail == "learned_in_word"]
    assert found == [("台", "GPE")]


def test_the_in_word_memory_cuts_each_stored_text_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Warm-up rebuilt the memory cutting jieba once per stored decision: two annotators' and the gold
    layer's decisions on one character (the same text around it) were cut three times. Counted the same."""
    engine = SuggestionEngine()
    engine.warm_up()
    cut = engine._tokenizer.tokens
    texts: list[str] = []
    monkeypatch.setattr(engine._tokenizer, "tokens", lambda text: texts.append(text) or cut(text))
    around = "许多台商来大陆投资。"
    engine.recall_in_word([(around, 2, "LOC", True)] * 3 + [("台商会议开幕。", 0, "LOC", False)])
    assert sorted(texts) == sorted([around, "台商会议开幕。"])
    assert engine.in_word.counts("台商", (0, 1, "LOC")) == (3, 1)
