"""Character features for the CRF: what an expert would look at to tag Chinese news one character at a time.

For the character at position ``i`` of a segment (half-width text, see ``to_half_width``):

* characters in a ±2 window (``c-2`` .. ``c2``), the bigrams ``c-2c-1``, ``c-1c0``, ``c0c1``, ``c1c2``,
  the skip bigram ``c-1c1`` and the trigrams ``c-2c-1c0``, ``c-1c0c1``, ``c0c1c2``;
* the character types of ``c-1 c0 c1`` (Han, Han numeral, Latin, digit, punctuation, space, other) and
  whether the original character was full-width (``fw``);
* the jieba word around the character (``w0``), its part of speech (``p0``), the character's place in it
  (B/M/E/S, alone and with the part of speech and with the character), the words and parts of speech either
  side (``w-1``, ``w1``, ``p-1``, ``p1``) and the word length (capped at 5);
* dictionary hits: for the gazetteer (``gz``) and the project dictionary (``pd``), the BIES position of the
  character in the longest entry covering it and that entry's label (``gz=B-LOC``);
* lexicon cues: surnames (``sur`` on a surname, ``sur-1`` right after one, ``sur2`` on a compound surname),
  the transliteration alphabet as a 3-character pattern (``tl=111``), and the BIES position in an organisation
  head (``os``: 委员会, 大学, 部 ...) or place head (``ps``: 省, 市, 江 ...) ending a word.

``FeatureExtractor.features(segment, tokens)`` returns one list of attribute strings per character, the form
python-crfsuite takes (each attribute with value 1.0).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from model.suggest.dictionary import Matcher
from model.suggest.tokenizer import Token

FEATURE_VERSION = 1

# Single characters that end organisation and place names in news, added to the bundled multi-character heads.
ORG_HEAD_CHARS = "部局厅处委会院所校社党团队军行司厂报台馆署办组盟"
PLACE_HEAD_CHARS = "省市县区镇乡村州岛港湾河江湖山洲峰海洋"
HAN_NUMERALS = frozenset("〇零一二三四五六七八九十百千万亿两廿卅")
_PAD_LEFT = ("<s2>", "<s1>")
_PAD_RIGHT = ("</s1>", "</s2>")
_MAX_WORD_LENGTH = 5


def char_type(ch: str) -> str:
    """``H`` Han, ``N`` Han numeral, ``L`` Latin letter, ``D`` digit, ``P`` punctuation, ``W`` whitespace,
    ``O`` anything else (symbols, emoji). Expects half-width text."""
    if ch in HAN_NUMERALS:
        return "N"
    cp = ord(ch)
    if 0x4E00 <= cp <= 0x9FFF or 0x3400 <= cp <= 0x4DBF or 0x20000 <= cp <= 0x3FFFF or 0xF900 <= cp <= 0xFAFF:
        return "H"
    if ch.isascii():
        if ch.isalpha():
            return "L"
        if ch.isdigit():
            return "D"
        if ch.isspace():
            return "W"
        return "P"
    if ch.isalpha():
        return "L"  # accented Latin, Greek, Cyrillic ...
    if ch.isdigit():
        return "D"
    if ch.isspace():
        return "W"
    return "P" if unicodedata.category(ch).startswith("P") else "O"


def is_full_width(ch: str) -> bool:
    return 0xFF01 <= ord(ch) <= 0xFF5E or ch == "\u3000"


@dataclass(frozen=True, slots=True)
class LexiconData:
    """Every word list the features consult; serialised with a model so its features never drift."""

    gazetteer: dict[str, str]
    surnames: frozenset[str]
    translit: frozenset[str]
    org_heads: frozenset[str]
    place_heads: frozenset[str]

    @classmethod
    def bundled(cls, gazetteer: Mapping[str, str] | None = None) -> LexiconData:
        """The bundled lexicons (``model.suggest.lexicons``), with ``gazetteer`` instead of theirs if set."""
        from model.suggest import lexicons

        lex = lexicons.load()
        return cls(
            gazetteer=dict(lex.gazetteer if gazetteer is None else gazetteer),
            surnames=lex.surnames,
            translit=lex.translit,
            org_heads=lex.org_suffixes.words | frozenset(ORG_HEAD_CHARS),
            place_heads=lex.place_suffixes.words | frozenset(PLACE_HEAD_CHARS),
        )

    def to_json(self) -> dict[str, object]:
        return {
            "gazetteer": sorted(self.gazetteer.items()),
            "surnames": sorted(self.surnames),
            "translit": "".join(sorted(self.translit)),
            "org_heads": sorted(self.org_heads),
            "place_heads": sorted(self.place_heads),
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> LexiconData:
        return cls(
            gazetteer={str(s): str(lab) for s, lab in data["gazetteer"]},
            surnames=frozenset(map(str, data["surnames"])),
            translit=frozenset(str(data["translit"])),
            org_heads=frozenset(map(str, data["org_heads"])),
            place_heads=frozenset(map(str, data["place_heads"])),
        )


def bies_marks(length: int, matches: Iterable[tuple[int, int, object]]) -> list[str | None]:
    """Per position, ``"<BIES>-<payload>"`` for the longest match covering it (the earlier one on a tie)."""
    best: list[tuple[int, int] | None] = [None] * length
    marks: list[str | None] = [None] * length
    for start, end, payload in sorted(matches, key=lambda m: (-(m[1] - m[0]), m[0])):
        for i in range(max(start, 0), min(end, length)):
            if best[i] is None:
                best[i] = (start, end)
                if end - start == 1:
                    pos = "S"
                elif i == start:
                    pos = "B"
                elif i == end - 1:
                    pos = "E"
                else:
                    pos = "M"
                marks[i] = f"{pos}-{payload}"
    return marks


def word_positions(tokens: Sequence[Token], length: int) -> tuple[list[int], list[str]]:
    """For each character: the index of its token and its place in the token (B/M/E/S)."""
    index = [0] * length
    place = ["S"] * length
    for k, t in enumerate(tokens):
        n = t.end - t.start
        for i in range(t.start, min(t.end, length)):
            index[i] = k
            place[i] = "S" if n == 1 else "B" if i == t.start else "E" if i == t.end - 1 else "M"
    return index, place


class FeatureExtractor:
    """Builds the attribute lists from the lexicons; project dictionary hits are passed in per call (the
    caller decides which entries count, see ``model.crf.training``)."""

    def __init__(self, lexicons: LexiconData) -> None:
        self.lexicons = lexicons
        self._gazetteer = Matcher(lexicons.gazetteer.items())
        heads = [(w, "o") for w in lexicons.org_heads] + [(w, "p") for w in lexicons.place_heads]
        self._heads = Matcher(heads)

    def features(
        self,
        text: str,
        tokens: Sequence[Token],
        original: str | None = None,
        project: Iterable[tuple[int, int, str]] = (),
    ) -> list[list[str]]:
        """Attribute lists for every character of ``text`` (half-width; ``original`` is the text before
        half-width folding, for the ``fw`` flag). ``tokens`` are jieba tokens covering ``text`` exactly;
        ``project`` the project dictionary's ``(start, end, label)`` hits in ``text``."""
        n = len(text)
        if n == 0:
            return []
        lex = self.lexicons
        c = [*_PAD_LEFT, *text, *_PAD_RIGHT]
        types = ["^", "^", *(char_type(ch) for ch in text), "$", "$"]
        word_index, place = word_positions(tokens, n)
        words = [t.word for t in tokens]
        flags = [t.flag for t in tokens]
        gz = bies_marks(n, self._gazetteer.find(text))
        pd = bies_marks(n, project)
        org_marks, place_marks = self._head_marks(text, tokens)
        surnames, translit = lex.surnames, lex.translit
        out: list[list[str]] = []
        for i in range(n):
            j = i + 2
            c0, cm1, cm2, c1, c2 = c[j], c[j - 1], c[j - 2], c[j + 1], c[j + 2]
            k = word_index[i]
            w0, p0, pl = words[k], flags[k], place[i]
            f = [
                "b",
                "c0=" + c0, "c-1=" + cm1, "c1=" + c1, "c-2=" + cm2, "c2=" + c2,
                "c-2c-1=" + cm2 + cm1, "c-1c0=" + cm1 + c0, "c0c1=" + c0 + c1, "c1c2=" + c1 + c2,
                "c-1c1=" + cm1 + c1,
                "c-2c-1c0=" + cm2 + cm1 + c0, "c-1c0c1=" + cm1 + c0 + c1, "c0c1c2=" + c0 + c1 + c2,
                "t=" + types[j - 1] + types[j] + types[j + 1],
                "w0=" + w0, "p0=" + p0, "wp=" + pl, "wpp=" + pl + p0, "wpc=" + pl + c0,
                "wl=" + str(min(len(w0), _MAX_WORD_LENGTH)),
                "w-1=" + (words[k - 1] if k > 0 else "<s>"), "p-1=" + (flags[k - 1] if k > 0 else "<s>"),
                "w1=" + (words[k + 1] if k + 1 < len(words) else "</s>"),
                "p1=" + (flags[k + 1] if k + 1 < len(flags) else "</s>"),
                "tl=" + ("1" if cm1 in translit else "0") + ("1" if c0 in translit else "0")
                + ("1" if c1 in translit else "0"),
            ]  # fmt: skip
            if gz[i] is not None:
                f.append("gz=" + gz[i])  # type: ignore[operator]
            if pd[i] is not None:
                f.append("pd=" + pd[i])  # type: ignore[operator]
            if org_marks[i] is not None:
                f.append("os=" + org_marks[i])  # type: ignore[operator]
            if place_marks[i] is not None:
                f.append("ps=" + place_marks[i])  # type: ignore[operator]
            if c0 in surnames:
                f.append("sur")
            if cm1 in surnames:
                f.append("sur-1")
            if c0 + c1 in surnames:
                f.append("sur2")
            if original is not None and is_full_width(original[i]):
                f.append("fw")
            out.append(f)
        return out

    @staticmethod
    def add_project(xseq: list[list[str]], project: Iterable[tuple[int, int, str]]) -> None:
        """Add project dictionary hits to attribute lists built without them (what ``features`` adds for
        its ``project`` argument; the order of attributes does not matter to the CRF)."""
        for i, mark in enumerate(bies_marks(len(xseq), project)):
            if mark is not None:
                xseq[i].append("pd=" + mark)

    def _head_marks(self, text: str, tokens: Sequence[Token]) -> tuple[list[str | None], list[str | None]]:
        """BIES marks of organisation and place heads ending a jieba word (大学 in 北京大学, 省 in 河北省)."""
        ends = {t.end for t in tokens}
        org: list[tuple[int, int, object]] = []
        place: list[tuple[int, int, object]] = []
        for start, end, kind in self._heads.find(text):
            if end in ends:
                (org if kind == "o" else place).append((start, end, "h"))
        n = len(text)
        strip = lambda marks: [m[0] if m else None for m in marks]  # noqa: E731  "B-h" → "B"
        return strip(bies_marks(n, org)), strip(bies_marks(n, place))
