"""Sentence splitting for export, and blocks that never cut an entity."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from model.sentences import SentenceMode, blocks, split_sentences
from model.spans import Entity


def pieces(text: str, mode: SentenceMode = SentenceMode.PUNCTUATION) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text, mode)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("他来了。她走了！", ["他来了。", "她走了！"]),
        ("他说：“今天下雨。”明天呢？", ["他说：“今天下雨。”", "明天呢？"]),
        ("（完）。」」后面", ["（完）。」」", "后面"]),
        ("真的吗？！是的……好；再见", ["真的吗？！", "是的……", "好；", "再见"]),
        ("第一行\n\n第二行。第三句", ["第一行", "第二行。", "第三句"]),
        ("没有标点", ["没有标点"]),
        ("\n\n", []),
        ("", []),
    ],
)
def test_punctuation_mode(text: str, expected: list[str]) -> None:
    assert pieces(text) == expected


def test_lines_mode_splits_only_at_line_breaks() -> None:
    text = "中国。美国！\n\n日本？\n"
    assert pieces(text, SentenceMode.LINES) == ["中国。美国！", "日本？"]
    assert split_sentences(text, SentenceMode.LINES) == [(0, 6), (8, 11)]


def test_document_mode_is_the_whole_text() -> None:
    assert split_sentences("a。\nb", SentenceMode.DOCUMENT) == [(0, 4)]


def test_an_entity_across_a_boundary_merges_the_sentences_it_touches() -> None:
    text = "他去了北京。上海也去了。广州没去。"
    sentences = split_sentences(text)
    assert len(sentences) == 3
    assert blocks(sentences, [Entity(3, 8, "LOC")]) == [(0, 12), (12, 17)]
    assert blocks(sentences, [Entity(3, 5, "LOC")]) == sentences


def test_an_entity_on_a_line_break_gets_a_block() -> None:
    text = "北京\n上海"
    assert blocks(split_sentences(text), [Entity(1, 4, "LOC")]) == [(0, 5)]
    assert blocks(split_sentences("ab\n\ncd"), [Entity(2, 4, "X")]) == [(0, 2), (2, 4), (4, 6)]


@st.composite
def text_and_entities(draw: st.DrawFn) -> tuple[str, list[Entity]]:
    text = draw(st.text(alphabet="中国人。！？；…”」\n 𠮷", min_size=1, max_size=60))
    points = sorted(draw(st.sets(st.integers(0, len(text)), max_size=10)))
    pairs = list(zip(points[::2], points[1::2], strict=False))
    return text, [Entity(a, b, "X") for a, b in pairs if a < b]


@given(text_and_entities(), st.sampled_from(list(SentenceMode)))
def test_blocks_cover_every_sentence_and_entity_and_cut_none(
    case: tuple[str, list[Entity]], mode: SentenceMode
) -> None:
    text, entities = case
    sentences = split_sentences(text, mode)
    result = blocks(sentences, entities)
    assert all(a < b for a, b in result)
    assert all(b1 <= a2 for (_, b1), (a2, _) in itertools.pairwise(result))
    for a, b in [*sentences, *((e.start, e.end) for e in entities)]:
        assert any(x <= a and b <= y for x, y in result)
    covered = "".join(text[a:b] for a, b in sentences)
    assert covered == text.replace("\n", "") if mode is not SentenceMode.DOCUMENT else covered == text
