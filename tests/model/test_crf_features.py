"""CRF features and segmentation: exact attribute values for given characters, exact segment offsets."""

from __future__ import annotations

import pytest

from model.crf.features import FeatureExtractor, LexiconData, bies_marks, char_type, word_positions
from model.crf.segments import segments
from model.spans import Entity
from model.suggest.tokenizer import Token

LEX = LexiconData(
    gazetteer={"北京": "LOC", "北京大学": "ORG", "中国": "LOC"},
    surnames=frozenset({"王", "欧阳"}),
    translit=frozenset("布林肯"),
    org_heads=frozenset({"大学", "部"}),
    place_heads=frozenset({"市"}),
)


def tokens(*pairs: tuple[str, str]) -> list[Token]:
    out, pos = [], 0
    for word, flag in pairs:
        out.append(Token(pos, pos + len(word), word, flag))
        pos += len(word)
    return out


@pytest.fixture
def extractor() -> FeatureExtractor:
    return FeatureExtractor(LEX)


def test_exact_features_of_one_character(extractor: FeatureExtractor) -> None:
    text = "王明在北京大学"
    toks = tokens(("王明", "nr"), ("在", "p"), ("北京大学", "nt"))
    feats = extractor.features(text, toks, text, project=[(0, 2, "PER")])
    assert feats[4] == [  # 京, inside 北京大学
        "b",
        "c0=京", "c-1=北", "c1=大", "c-2=在", "c2=学",
        "c-2c-1=在北", "c-1c0=北京", "c0c1=京大", "c1c2=大学", "c-1c1=北大",
        "c-2c-1c0=在北京", "c-1c0c1=北京大", "c0c1c2=京大学",
        "t=HHH",
        "w0=北京大学", "p0=nt", "wp=M", "wpp=Mnt", "wpc=M京", "wl=4",
        "w-1=在", "p-1=p", "w1=</s>", "p1=</s>",
        "tl=000",
        "gz=M-ORG",  # the longest gazetteer entry covering the character wins over 北京
    ]  # fmt: skip
    assert "os=B" in feats[5] and "os=E" in feats[6]  # the organisation head 大学 ends the word
    assert feats[0][:6] == ["b", "c0=王", "c-1=<s1>", "c1=明", "c-2=<s2>", "c2=在"]
    assert {"sur", "pd=B-PER"} <= set(feats[0]) and not any(a.startswith("gz=") for a in feats[0])
    assert {"sur-1", "pd=E-PER"} <= set(feats[1]) and "sur" not in feats[1]


def test_full_width_translit_and_types(extractor: FeatureExtractor) -> None:
    original = "布林肯\u3000ＡＢ１"
    text = "布林肯 AB1"  # half-width form, same length
    toks = tokens(("布林肯", "oov"), (" ", "w"), ("AB1", "eng"))
    feats = extractor.features(text, toks, original)
    assert "tl=111" in feats[1] and "tl=110" in feats[2]
    assert "fw" not in feats[0] and "fw" in feats[3] and "fw" in feats[4]
    assert "t=HWL" in feats[3] and "t=LD$" in feats[6]
    assert "sur2" not in feats[0]


def test_compound_surname() -> None:
    feats = FeatureExtractor(LEX).features("欧阳修", tokens(("欧阳修", "nr")))
    assert "sur2" in feats[0] and "sur2" not in feats[1]


@pytest.mark.parametrize(("ch", "kind"), [
    ("中", "H"), ("𠮷", "H"), ("三", "N"), ("a", "L"), ("é", "L"), ("7", "D"), ("，", "P"), ("。", "P"),
    (",", "P"), (" ", "W"), ("😀", "O"),
])  # fmt: skip
def test_char_type(ch: str, kind: str) -> None:
    assert char_type(ch) == kind


def test_bies_marks_prefer_the_longest_match() -> None:
    assert bies_marks(6, [(0, 2, "LOC"), (0, 4, "ORG"), (5, 6, "PER")]) == [
        "B-ORG", "M-ORG", "M-ORG", "E-ORG", None, "S-PER",
    ]  # fmt: skip


def test_word_positions() -> None:
    index, place = word_positions(tokens(("我", "r"), ("北京", "ns"), ("大学生", "n")), 6)
    assert index == [0, 1, 1, 2, 2, 2]
    assert place == ["S", "B", "E", "B", "M", "E"]


def test_segments_split_sentences_and_cap_length() -> None:
    text = "第一句。第二句！\n\n第三句"
    assert segments(text) == [(0, 4), (4, 8), (10, 13)]
    long = "甲" * 150 + "，" + "乙" * 150
    assert segments(long, limit=200) == [(0, 151), (151, 301)]
    assert segments("丙" * 450, limit=200) == [(0, 200), (200, 400), (400, 450)]


def test_segments_never_cut_a_training_entity() -> None:
    text = "甲乙。丙丁"
    assert segments(text, [Entity(1, 4, "ORG")]) == [(0, 5)]
    assert segments("  \n。") == [(3, 4)]
